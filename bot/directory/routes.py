"""The routes: which services each situation offers, in order (data/services/routes.yml).

    load_routes(path) -> Routes       ValueError naming the key when the file's shape is wrong
    route_problems(routes, ids)       ["<key>: ..."] for ids that name no listing, repeats, and
                                      topics the listings do not use (empty when all is well)

The validator (bot/directory/validate.py) loads and checks the file with the listings, and the
loaded Directory carries it (`directory.routes`), so an edit is reloaded, and a broken edit
refused, by the directory's own cache (bot/directory/reload.py). bot/directory/select.py turns
a Situation into a plan from these lists.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

from bot import REPO_ROOT
from bot.directory.schema import TOPICS

ROUTES_FILE = "routes.yml"
DEFAULT_PATH = REPO_ROOT / "data" / "services" / ROUTES_FILE
BOROUGH_KEYS = ("FRONT_DOOR", "LADO")  # the borough's own front door and LADO
DEFAULT_TOPIC = "default"
LISTS = (
    "crisis",
    "staff_first",
    "recent_assault",
    "recent_assault_under_13_first",
    "recent_assault_outside_london",
)


@dataclass(frozen=True)
class Routes:
    crisis: tuple[str, ...]
    staff_first: tuple[str, ...]
    recent_assault: tuple[str, ...]
    recent_assault_under_13_first: tuple[str, ...]
    recent_assault_outside_london: tuple[str, ...]
    topics: dict[str | None, tuple[str, ...]]  # topic (None: not known) -> ids, best first

    def for_topic(self, topic: str | None) -> tuple[str, ...]:
        return self.topics.get(topic) or self.topics[None]


def _ids(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where}: a non-empty list of listing ids is needed")
    return tuple(value)


def load_routes(path: Path = DEFAULT_PATH) -> Routes:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict) or not isinstance(data.get("topics"), dict):
        raise ValueError(f"{path}: needs {', '.join(LISTS)} and a `topics` mapping")
    topics = {
        None if name == DEFAULT_TOPIC else name: _ids(ids, f"{path}: topics.{name}")
        for name, ids in data["topics"].items()
    }
    if None not in topics:
        raise ValueError(f"{path}: topics.{DEFAULT_TOPIC} (when nothing says what it is about) is missing")
    return Routes(**{key: _ids(data.get(key), f"{path}: {key}") for key in LISTS}, topics=topics)


def route_problems(routes: Routes, listing_ids: Iterable[str]) -> list[str]:
    known = set(listing_ids) | set(BOROUGH_KEYS)
    named = {key: getattr(routes, key) for key in LISTS}
    named.update({f"topics.{t or DEFAULT_TOPIC}": ids for t, ids in routes.topics.items()})
    problems = []
    for key, ids in named.items():
        problems += [f"{key}: '{i}' names no listing" for i in ids if i not in known]
        problems += [f"{key}: '{i}' is named twice" for i in sorted(set(ids)) if ids.count(i) > 1]
    problems += [
        f"topics.{t}: no listing uses this topic (schema topics: {', '.join(sorted(TOPICS))})"
        for t in routes.topics
        if t is not None and t not in TOPICS
    ]
    return problems
