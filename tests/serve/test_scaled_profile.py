"""Issue 7, item 3: two Rasa instances share one conversation through PostgreSQL (tracker store)
and Redis (lock store), and the privacy promises hold on PostgreSQL.

One stack for the module (see conftest.py): starting it takes ~40-60 s on two cores.
"""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from tests.serve.live import REPO, new_sender, texts
from tests.serve.scaled import ENDPOINTS, ScaledStack

pytestmark = [pytest.mark.scaled, pytest.mark.needs_rasa, pytest.mark.live]

# a disclosure, then support near me (the form asks for a borough), the borough, and thanks: the
# form is opened on one instance and answered on the other
CONVERSATION = [
    "hi",
    "i was raped",
    "what can i do",
    "is there any support near me",
    "tower hamlet",
    "thanks",
]
CANARY = "canary-5c1d9 he touched me at school"


def user_texts(events: list[dict]) -> list[str]:
    return [e["text"] for e in events if e["type"] == "user"]


def bot_actions(events: list[dict]) -> list[str]:
    return [e["name"] for e in events if e["type"] == "action"]


def test_a_conversation_alternating_between_instances_replies_as_one_instance_would(stack):
    a, b = stack.instances
    alone, alternating = new_sender(), new_sender()
    replies_alone = [texts(a.say(alone, message)) for message in CONVERSATION]
    replies_alternating = [
        texts((a, b)[turn % 2].say(alternating, message)) for turn, message in enumerate(CONVERSATION)
    ]

    assert replies_alternating == replies_alone
    assert "Tower Hamlets" in " ".join(replies_alternating[4])  # the form, answered on the other
    # the same dialogue, written by both instances into one tracker
    assert bot_actions(stack.events(alternating)) == bot_actions(stack.events(alone))


def test_the_form_and_its_slot_set_on_one_instance_are_seen_by_the_other(stack):
    a, b = stack.instances
    sender = new_sender()
    asked = " ".join(texts(a.say(sender, "is there any support near me")))
    assert "borough" in asked
    assert any(
        e["type"] == "active_loop" and e.get("name") == "local_support_form" for e in stack.events(sender)
    )
    reply = " ".join(texts(b.say(sender, "tower hamlet")))
    assert "Tower Hamlets" in reply
    events = stack.events(sender)
    borough = [e["value"] for e in events if e["type"] == "slot" and e.get("name") == "borough"]
    assert borough and borough[-1] == "tower_hamlets"
    assert "action_show_local_support" in bot_actions(events)


def test_the_events_in_postgresql_are_in_the_order_the_messages_were_sent(stack):
    a, b = stack.instances
    sender = new_sender()
    for turn, message in enumerate(CONVERSATION):
        (b, a)[turn % 2].say(sender, message)
    events = stack.events(sender)
    assert user_texts(events) == CONVERSATION
    stamps = [e["timestamp"] for e in events]
    assert stamps == sorted(stamps)
    # every turn is complete before the next starts: the bot listens again before each message
    for index, event in enumerate(events):
        if event["type"] == "user" and index > 0:
            before = [e for e in events[:index] if e["type"] == "action"]
            assert before and before[-1]["name"] == "action_listen"


def test_two_messages_sent_at_once_to_both_instances_are_both_processed_one_after_the_other(stack):
    a, b = stack.instances
    sender = new_sender()
    a.say(sender, "hi")
    messages = [(a, "i was raped"), (b, "is there any support near me")]
    replies: dict[str, list] = {}
    start = threading.Barrier(len(messages))

    def send(instance, text):
        start.wait()
        replies[text] = instance.say(sender, text)

    threads = [threading.Thread(target=send, args=item) for item in messages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    sent = [text for _, text in messages]
    assert all(texts(replies[text]) for text in sent)

    events = stack.events(sender)
    said = user_texts(events)
    assert sorted(said[1:]) == sorted(sent) and said[0] == "hi"
    # the Redis lock: one turn's events all come before the other turn's message
    positions = [i for i, e in enumerate(events) if e["type"] == "user"]
    for earlier, later in zip(positions, positions[1:]):
        turn = events[earlier + 1 : later]
        actions = [e["name"] for e in turn if e["type"] == "action"]
        assert len(actions) >= 2 and actions[-1] == "action_listen", actions


def test_restart_deletes_the_earlier_events_from_postgresql(stack):
    a, b = stack.instances
    sender = new_sender()
    a.say(sender, CANARY)
    b.say(sender, "what can i do")
    assert CANARY in user_texts(stack.events(sender))
    b.say(sender, "/restart")  # what "Delete this chat", quick exit and Telegram /forget send
    rows = stack.query("SELECT data FROM events WHERE sender_id = %s", (sender,))
    assert not any(CANARY in row[0] for row in rows)
    assert not any("what can i do" in row[0] for row in rows)
    # the conversation carries on, fresh, on either instance
    assert texts(a.say(sender, "hi"))
    assert user_texts(stack.events(sender)) == ["hi"]


def run_purge(stack: ScaledStack, older_than: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", "purge", "--older-than", older_than, "--endpoints", str(ENDPOINTS)],
        cwd=REPO,
        env=stack.environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_purge_deletes_an_idle_conversation_from_postgresql_and_keeps_active_ones(stack):
    a, b = stack.instances
    idle, active = new_sender(), new_sender()
    a.say(idle, CANARY)
    b.say(active, "hi")
    # two hours of silence for one conversation, without waiting two hours
    stack.query("UPDATE events SET timestamp = timestamp - 7200 WHERE sender_id = %s", (idle,))

    result = run_purge(stack, "60m")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Deleted 1 conversation(s)" in result.stdout
    assert "Vacuumed" in result.stdout
    assert stack.events(idle) == []
    assert stack.events(active) != []
    assert not any(CANARY in row[0] for row in stack.query("SELECT data FROM events"))
    [(vacuumed,)] = stack.query(
        "SELECT last_vacuum IS NOT NULL FROM pg_stat_user_tables WHERE relname = 'events'"
    )
    assert vacuumed
    # the idle one is gone for Rasa too: a new message starts a new conversation
    assert texts(b.say(idle, "hi"))
    assert user_texts(stack.events(idle)) == ["hi"]
