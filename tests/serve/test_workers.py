"""bot.serve.workers: how many Rasa workers the default profile starts (RASA_WORKERS)."""

from __future__ import annotations

import pytest

from bot.serve.workers import RESERVED_MB, WORKER_MB, available_mb, default_workers, worker_count


def test_one_worker_per_core_when_memory_allows():
    assert default_workers(2, 24_000) == 2
    assert default_workers(8, None) == 8  # memory unknown: not capped


def test_memory_caps_the_workers_and_there_is_always_one():
    assert default_workers(8, RESERVED_MB + 3 * WORKER_MB) == 3
    assert default_workers(8, RESERVED_MB + 3 * WORKER_MB - 1) == 2
    assert default_workers(4, 500) == 1
    assert default_workers(0, None) == 1


def test_rasa_workers_overrides_and_is_checked():
    assert worker_count({"RASA_WORKERS": "3"}) == 3
    assert worker_count({"RASA_WORKERS": " "}) >= 1
    for bad in ("0", "-1", "two", "1.5"):
        with pytest.raises(ValueError, match="RASA_WORKERS"):
            worker_count({"RASA_WORKERS": bad})


def test_available_memory_is_read_from_meminfo(tmp_path):
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       24684544 kB\nMemAvailable:   2048000 kB\n")
    assert available_mb(meminfo) == 2000
    assert available_mb(tmp_path / "missing") is None
