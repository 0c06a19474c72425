"""The committed conversation mix (bench/conversations.yml) the load test replays.

Each conversation is a list of turns. A turn is typed text (`say`) or a button payload
(`payload`, sent as the web page sends a pressed button); `urgency: emergency|crisis` marks a
turn whose reply must carry that urgency marker, and the load test counts a reply without it as
an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

from bot import REPO_ROOT

MIX_PATH = REPO_ROOT / "bench" / "conversations.yml"
KINDS = ("greeting", "disclosure", "local", "question", "staff", "urgent")
URGENCY_LEVELS = ("emergency", "crisis")


@dataclass(frozen=True)
class Turn:
    text: str
    is_payload: bool = False
    urgency: Optional[str] = None


@dataclass(frozen=True)
class Conversation:
    name: str
    kind: str
    turns: tuple[Turn, ...]

    @property
    def has_urgent_turn(self) -> bool:
        return any(turn.urgency for turn in self.turns)


def _turn(raw: object, where: str) -> Turn:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: a turn is a mapping with `say` or `payload`")
    unknown = set(raw) - {"say", "payload", "urgency"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    if ("say" in raw) == ("payload" in raw):
        raise ValueError(f"{where}: give exactly one of `say` and `payload`")
    urgency = raw.get("urgency")
    if urgency is not None and urgency not in URGENCY_LEVELS:
        raise ValueError(f"{where}: urgency must be one of {URGENCY_LEVELS}, not {urgency!r}")
    if "payload" in raw:
        payload = raw["payload"]
        if not isinstance(payload, str) or not payload.startswith("/"):
            raise ValueError(f"{where}: a payload starts with '/'")
        return Turn(payload, is_payload=True, urgency=urgency)
    text = raw["say"]
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"{where}: `say` must be non-empty text")
    return Turn(text, urgency=urgency)


def parse_mix(data: object, source: str = "mix") -> list[Conversation]:
    if not isinstance(data, dict) or not isinstance(data.get("conversations"), list):
        raise ValueError(f"{source}: expected a mapping with a `conversations` list")
    conversations, names = [], set()
    for i, raw in enumerate(data["conversations"]):
        where = f"{source}: conversation {i + 1}"
        if not isinstance(raw, dict):
            raise ValueError(f"{where}: expected a mapping")
        name, kind, turns = raw.get("name"), raw.get("kind"), raw.get("turns")
        if not isinstance(name, str) or not name or name in names:
            raise ValueError(f"{where}: needs a unique `name`")
        if kind not in KINDS:
            raise ValueError(f"{where} ({name}): kind must be one of {KINDS}, not {kind!r}")
        if not isinstance(turns, list) or not turns:
            raise ValueError(f"{where} ({name}): needs a non-empty `turns` list")
        names.add(name)
        conversations.append(
            Conversation(
                name, kind, tuple(_turn(t, f"{where} ({name}) turn {j + 1}") for j, t in enumerate(turns))
            )
        )
    if not conversations:
        raise ValueError(f"{source}: no conversations")
    return conversations


def load_mix(path: Path = MIX_PATH) -> list[Conversation]:
    return parse_mix(yaml.safe_load(path.read_text(encoding="utf-8")), str(path))
