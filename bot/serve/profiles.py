"""Run profiles for `make run PROFILE=…`: which endpoints file Rasa runs with.

default  conversations in Rasa's memory only (deleted after 60 idle minutes); RASA_WORKERS Rasa
         workers (default: one per core, capped by memory; bot.serve.workers), each with its own
         memory, every conversation always on the same worker
sqlite   conversations in var/conversations.db (same retention), survive a Rasa restart
scaled   two Rasa instances and two action servers behind the gateway, sharing conversations in
         PostgreSQL and a Redis lock store (same retention); see docs/deploy.md
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
    instances: int = 1  # Rasa instances (each with its own action server)
    backing_services: bool = False  # needs Redis + PostgreSQL (bot.serve.backing_services)
    workers: bool = False  # RASA_WORKERS Rasa workers with their own memory stores


PROFILES = {
    "default": Profile("default", REPO_ROOT / "endpoints.yml", "conversations in memory only", workers=True),
    "sqlite": Profile(
        "sqlite",
        REPO_ROOT / "deploy" / "endpoints.sqlite.yml",
        "conversations in an SQLite file (var/conversations.db)",
    ),
    "scaled": Profile(
        "scaled",
        REPO_ROOT / "deploy" / "endpoints.scaled.yml",
        "2 Rasa instances sharing conversations in PostgreSQL, Redis lock store",
        instances=2,
        backing_services=True,
    ),
}


def profile_named(name: str) -> Profile:
    try:
        return PROFILES[name or "default"]
    except KeyError:
        raise SystemExit(f"Unknown PROFILE {name!r}; choose one of: {', '.join(PROFILES)}") from None
