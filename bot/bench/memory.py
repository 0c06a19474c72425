"""Memory: resident memory of a process, and what idle conversations cost in the tracker store.

`process_memory_mb(pid)` reads VmRSS (now) and VmHWM (peak) from /proc/<pid>/status.

`tracker_store_growth(transcripts)` fills `ExpiringInMemoryTrackerStore` (the store endpoints.yml
configures) with 1,000 idle conversations built from transcripts of the run, measured two ways:
the bytes Python allocated for them (tracemalloc, exact for this process) and the resident
memory the process grew by (what the OS sees; the allocator may keep or reuse pages, so it is
coarser). Each conversation is rebuilt as Rasa records it: session start, then per turn a
UserUttered with Rasa's parse-data shape (intent, 10-intent ranking, message id), the
featurization marker, one ActionExecuted + BotUttered per reply message and action_listen.

`tracker_store_cost_ms` times one turn's retrieve + save as Rasa does it on every message, with
few and with many idle conversations held, because the store looks at every held conversation
for expiry on each call.
"""

from __future__ import annotations

import asyncio
import gc
import secrets
import statistics
import time
import tracemalloc
from pathlib import Path
from typing import Optional, Sequence

from bot import REPO_ROOT

# one transcript: [(what the user sent, the reply messages as Rasa's REST channel sent them)]
Transcript = Sequence[tuple[str, Sequence[dict]]]


def process_memory_mb(pid: int) -> Optional[dict]:
    """{"rss_mb": now, "peak_rss_mb": high-water mark} of a running process, None if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    fields = {}
    for line in status.splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = round(int(value.split()[0]) / 1024, 1)  # kB -> MB
    if "VmRSS" not in fields:
        return None
    return {"rss_mb": fields["VmRSS"], "peak_rss_mb": fields.get("VmHWM")}


def _own_rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def conversation_events(transcript: Transcript, intent_names: Sequence[str]) -> list:
    """The events Rasa's tracker holds after this conversation (see the module docstring)."""
    from rasa.shared.core.events import (
        ActionExecuted,
        BotUttered,
        DefinePrevUserUtteredFeaturization,
        SessionStarted,
        UserUttered,
    )

    now = time.time()
    events: list = [
        ActionExecuted("action_session_start", timestamp=now),
        SessionStarted(timestamp=now),
        ActionExecuted("action_listen", timestamp=now),
    ]
    ranking = list(intent_names)[:10] or ["greet"]
    for i, (text, messages) in enumerate(transcript):
        intent = {"name": ranking[i % len(ranking)], "confidence": 0.9731}
        message_id = secrets.token_hex(16)
        parse_data = {
            "text": text,
            "intent": intent,
            "entities": [],
            "message_id": message_id,
            "metadata": {},
            "intent_ranking": [
                {"name": name, "confidence": round(0.9731 / (k + 1), 4)} for k, name in enumerate(ranking)
            ],
        }
        events += [
            UserUttered(
                text, intent, [], parse_data, timestamp=now, input_channel="rest", message_id=message_id
            ),
            DefinePrevUserUtteredFeaturization(False, timestamp=now),
        ]
        for k, message in enumerate(messages):
            action = f"utter_reply_{k}"
            data = {
                "elements": None,
                "quick_replies": None,
                "buttons": message.get("buttons"),
                "attachment": None,
                "image": None,
                "custom": message.get("custom"),
            }
            events += [
                ActionExecuted(action, policy="RulePolicy", confidence=1.0, timestamp=now),
                BotUttered(message.get("text"), data, {"utter_action": action}, timestamp=now),
            ]
        events.append(ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0, timestamp=now))
    return events


def _domain():
    from rasa.shared.core.domain import Domain

    return Domain.load(str(REPO_ROOT / "domain.yml"))


def _fill(store, domain, events_by_conversation: list[list], count: int) -> None:
    from rasa.shared.core.trackers import DialogueStateTracker

    async def fill() -> None:
        for i in range(count):
            events = events_by_conversation[i % len(events_by_conversation)]
            tracker = DialogueStateTracker.from_events(secrets.token_urlsafe(32), events, slots=domain.slots)
            await store.save(tracker)

    asyncio.run(fill())


def tracker_store_growth(transcripts: Sequence[Transcript], conversations: int = 1000) -> dict:
    """Memory per `conversations` idle conversations held by the tracker store."""
    from bot.rasa_plugins.tracker_store import ExpiringInMemoryTrackerStore

    if not transcripts or conversations < 1:
        raise ValueError("need at least one transcript and one conversation")
    domain = _domain()
    events = [conversation_events(t, domain.intents) for t in transcripts]

    # 1. resident memory, without tracemalloc's own bookkeeping
    gc.collect()
    rss_before = _own_rss_kb()
    kept = ExpiringInMemoryTrackerStore(domain)
    _fill(kept, domain, events, conversations)
    gc.collect()
    rss_growth_kb = _own_rss_kb() - rss_before

    # 2. bytes allocated, exactly, in a second store
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        store = ExpiringInMemoryTrackerStore(domain)
        _fill(store, domain, events, conversations)
        gc.collect()
        allocated = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    serialised = [len(text) for text in store.store.values()]
    return {
        "conversations": conversations,
        "distinct_transcripts": len(transcripts),
        "mean_turns": round(statistics.mean(len(t) for t in transcripts), 1),
        "mean_events": round(statistics.mean(len(e) for e in events), 1),
        "mean_serialised_kb": round(statistics.mean(serialised) / 1024, 2),
        "allocated_mb": round(allocated / 2**20, 2),
        "rss_growth_mb": round(rss_growth_kb / 1024, 2),
        "per_1000_mb": round(allocated / 2**20 * 1000 / conversations, 2),
    }


def tracker_store_cost_ms(
    transcripts: Sequence[Transcript], held: Sequence[int] = (1, 10000), repeats: int = 200
) -> dict:
    """Median and p95 milliseconds of retrieve + save of one conversation (what Rasa does on
    every message), with `held` idle conversations in the store."""
    from bot.bench.stats import percentile
    from bot.rasa_plugins.tracker_store import ExpiringInMemoryTrackerStore
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = _domain()
    events = conversation_events(max(transcripts, key=len), domain.intents)
    results = {}
    for count in held:
        store = ExpiringInMemoryTrackerStore(domain)
        sender = "bench-conversation"

        async def measure() -> list[float]:
            await store.save(DialogueStateTracker.from_events(sender, events, slots=domain.slots))
            # the other conversations: the same stored text under other ids (only their number
            # matters here; their memory is measured by tracker_store_growth)
            text, seen = store.store[sender], store._last_active[sender]
            for _ in range(count - 1):
                other = secrets.token_urlsafe(32)
                store.store[other], store._last_active[other] = text, seen
            timings = []
            for _ in range(repeats):
                start = time.perf_counter()
                tracker = await store.retrieve(sender)
                await store.save(tracker)
                timings.append((time.perf_counter() - start) * 1000)
            return timings

        timings = asyncio.run(measure())
        results[str(count)] = {
            "p50_ms": round(percentile(timings, 50), 3),
            "p95_ms": round(percentile(timings, 95), 3),
        }
    return {"events_per_conversation": len(events), "repeats": repeats, "held": results}


def gateway_sessions_per_1000_mb(count: int = 1000) -> float:
    """Bytes the web gateway holds per `count` live sessions (tokens, rate windows, offered
    buttons), in MB per 1,000."""
    from bot.web.sessions import SessionStore
    from bot.channels.rate_limits import RateLimit

    many = RateLimit(10**6, 1.0)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        store = SessionStore(max_sessions=10**6, idle_s=3600, rate_limit=many, new_session_limit=many)
        for _ in range(count):
            session = store.create()
            store.allow_message(session)
            session.offer(f"/payload_{k}" for k in range(7))
        gc.collect()
        allocated = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert len(store) == count
    return round(allocated / 2**20 * 1000 / count, 3)


def pids_memory(pids: dict[str, int]) -> dict[str, Optional[dict]]:
    return {name: process_memory_mb(pid) for name, pid in pids.items()}
