"""CPU time a process (all its threads) has used, from /proc/<pid>/stat.

CPU milliseconds per message tell where the work goes (Rasa, action server, gateway) far more
steadily than latency does on a shared machine: waiting for a core adds to latency, not to CPU
time.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


def parse_stat_cpu_seconds(stat: str) -> float:
    """utime + stime of a /proc/<pid>/stat line, in seconds. The command name (field 2) is in
    parentheses and may hold spaces, so fields are counted from its closing parenthesis."""
    after_name = stat[stat.rindex(")") + 2 :].split()
    # after the name: state is field 3, so utime (field 14) and stime (field 15) are at 11, 12
    return (int(after_name[11]) + int(after_name[12])) / TICKS_PER_SECOND


def cpu_seconds(pid: int) -> Optional[float]:
    try:
        return parse_stat_cpu_seconds(Path(f"/proc/{pid}/stat").read_text())
    except (OSError, ValueError, IndexError):
        return None


def cpu_snapshot(pids: dict[str, int]) -> dict[str, Optional[float]]:
    return {name: cpu_seconds(pid) for name, pid in pids.items()}


def cpu_used_ms(
    before: dict[str, Optional[float]], after: dict[str, Optional[float]]
) -> dict[str, Optional[float]]:
    """Each process's CPU milliseconds between two snapshots (None if it was not running)."""
    return {
        name: None if start is None or after.get(name) is None else (after[name] - start) * 1000
        for name, start in before.items()
    }
