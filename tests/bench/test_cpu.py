"""bot/bench/cpu.py: a process's CPU time read from /proc/<pid>/stat."""

from __future__ import annotations

import os

import pytest

from bot.bench.cpu import parse_stat_cpu_seconds


def test_cpu_time_is_read_past_a_command_name_with_spaces():
    fields = ["S"] + ["0"] * 10 + ["250", "50"] + ["0"] * 30
    stat = "1234 (python -m (x) y) " + " ".join(fields)
    assert parse_stat_cpu_seconds(stat) == pytest.approx(300 / os.sysconf("SC_CLK_TCK"))
