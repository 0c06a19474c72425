"""bot.channels.routing: the stable hash that picks a conversation's Rasa worker, and the record
of which workers are skipped."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest

from bot.channels.routing import WorkerHealth, preference


def test_the_order_is_the_same_in_another_process_whatever_its_hash_seed():
    # the web gateway and the Telegram bridge are separate processes, restarted at will
    code = "from bot.channels.routing import preference; print([preference(f'id-{n}', 4) for n in range(50)])"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PYTHONPATH": "."},
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1
    assert runs.pop().strip() == str([preference(f"id-{n}", 4) for n in range(50)])


def test_conversations_spread_evenly():
    first = Counter(preference(f"sender-{n}", 4)[0] for n in range(4000))
    assert set(first) == {0, 1, 2, 3}
    assert all(900 <= count <= 1100 for count in first.values())


def test_removing_a_worker_moves_only_its_own_conversations():
    for n in range(500):
        order = preference(f"sender-{n}", 3)
        health = WorkerHealth(3)
        health.failed(2)
        moved = health.order(f"sender-{n}")
        if order[0] != 2:
            assert moved[0] == order[0]
        else:
            assert moved[0] == order[1]
        assert moved[-1] == 2  # still tried last, when nothing else can be reached


def test_a_skipped_worker_is_due_for_a_probe_after_the_wait_and_then_once_at_a_time():
    now = [100.0]
    health = WorkerHealth(2, probe_after_s=2.0, clock=lambda: now[0])
    health.failed(1)
    assert health.answering() == (True, False)
    assert health.due_for_probe() == []
    now[0] += 2.0
    assert health.due_for_probe() == [1]
    assert health.due_for_probe() == []  # the probe in flight is not doubled
    health.answered(1)
    assert health.answering() == (True, True) and not health.skipped(1)


def test_at_least_one_worker():
    with pytest.raises(ValueError):
        preference("x", 0)
