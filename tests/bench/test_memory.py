"""bot/bench/memory.py: a process's resident memory, and the synthesised conversations the tracker
store's growth is measured with."""

from __future__ import annotations

import os

from bot import REPO_ROOT
from bot.bench.memory import conversation_events, process_memory_mb


def test_resident_memory_of_a_process():
    memory = process_memory_mb(os.getpid())
    assert memory["rss_mb"] > 0 and memory["peak_rss_mb"] >= memory["rss_mb"]
    assert process_memory_mb(2**31 - 1) is None  # no such process


def test_synthesised_conversations_rebuild_into_rasa_trackers():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity

    domain = Domain.load(str(REPO_ROOT / "domain.yml"))
    transcript = [
        ("hello", [{"text": "Hi", "buttons": [{"title": "Not now", "payload": "/say_not_now"}]}]),
        ("he is outside", [{"text": "call 999"}, {"custom": {"urgency": "emergency"}}]),
    ]
    events = conversation_events(transcript, domain.intents)
    tracker = DialogueStateTracker.from_events("someone", events, slots=domain.slots)
    dumped = tracker.current_state(EventVerbosity.ALL)["events"]
    assert [e["text"] for e in dumped if e["event"] == "user"] == ["hello", "he is outside"]
    assert len([e for e in dumped if e["event"] == "bot"]) == 3
    parse = [e for e in dumped if e["event"] == "user"][0]["parse_data"]
    assert len(parse["intent_ranking"]) == 10
