"""Run profiles for `make run PROFILE=…`: which endpoints file Rasa runs with.

default  conversations in Rasa's memory only (deleted after 60 idle minutes)
sqlite   conversations in var/conversations.db (same retention), survive a Rasa restart
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot import REPO_ROOT


@dataclass(frozen=True)
class Profile:
    name: str
    endpoints: Path
    summary: str


PROFILES = {
    "default": Profile("default", REPO_ROOT / "endpoints.yml",
                       "conversations in memory only"),
    "sqlite": Profile("sqlite", REPO_ROOT / "deploy" / "endpoints.sqlite.yml",
                      "conversations in an SQLite file (var/conversations.db)"),
}


def profile_named(name: str) -> Profile:
    try:
        return PROFILES[name or "default"]
    except KeyError:
        raise SystemExit(f"Unknown PROFILE {name!r}; choose one of: {', '.join(PROFILES)}") from None
