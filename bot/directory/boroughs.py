"""The fixed list of London local authorities (id, name, ONS code), read once from data/."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

_TABLE = Path(__file__).parent / "data" / "london_boroughs.yml"


@lru_cache(maxsize=1)
def london_boroughs() -> dict[str, dict]:
    """{borough_id: {"name": ..., "ons_code": ...}} for the 33 authorities."""
    with _TABLE.open(encoding="utf-8") as handle:
        return dict(yaml.safe_load(handle)["boroughs"])


@lru_cache(maxsize=1)
def borough_by_ons_code() -> dict[str, str]:
    return {row["ons_code"]: borough_id for borough_id, row in london_boroughs().items()}
