"""How many Rasa workers the default profile starts: RASA_WORKERS, or by default one per core,
capped by the memory this machine has available.

Each worker is a whole Rasa process with the model loaded and its own in-memory tracker store:
about 0.9 GB resident after load (README "Measured figures", issue 17), so a machine with many
cores and little memory gets fewer workers than cores, and always at least one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping, Optional

# resident memory one worker needs, in MB (measured 890-910 MB after load; a margin on top for
# conversations held and the model's peaks)
WORKER_MB = 1200
# kept free for the action server, the gateway, the Telegram bridge and the system, in MB
RESERVED_MB = 1000


def default_workers(cpus: int, available_mb: Optional[int]) -> int:
    """One worker per core, at most as many as `available_mb` (MB of memory available now, None
    when unknown: not capped) holds after RESERVED_MB; at least one."""
    workers = max(1, cpus)
    if available_mb is not None:
        workers = min(workers, (available_mb - RESERVED_MB) // WORKER_MB)
    return max(1, workers)


def available_mb(meminfo: Path = Path("/proc/meminfo")) -> Optional[int]:
    """MemAvailable in MB, or None where /proc/meminfo is not readable (not Linux)."""
    try:
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def worker_count(env: Mapping[str, str] = os.environ) -> int:
    """RASA_WORKERS when set (a whole number >= 1), else default_workers for this machine.
    Raises ValueError naming RASA_WORKERS when it is not a whole number >= 1."""
    value = env.get("RASA_WORKERS", "").strip()
    if not value:
        return default_workers(os.cpu_count() or 1, available_mb())
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"RASA_WORKERS must be a whole number of at least 1, not {value!r}")
    return int(value)
