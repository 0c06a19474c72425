"""Whether a young person's crisis message is about someone else's self-harm or suicidal words,
from data/conversation/crisis_about_others.yml (patterns an administrator can extend).

    about_someone_else(text) -> bool   a third person's act or words ("she said she'd kill
                                       herself") and nothing of the writer's own ("i want to die")
    load_patterns(path) -> dict        {"about_someone_else": (...), "about_me": (...)};
                                       ValueError names the key that is missing or broken
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot import REPO_ROOT
from bot.conversation.pattern_files import compile_patterns, followed, plain_quotes

DEFAULT_FILE = REPO_ROOT / "data" / "conversation" / "crisis_about_others.yml"
KEYS = ("about_someone_else", "about_me")


def load_patterns(path: Path = DEFAULT_FILE) -> dict[str, tuple[re.Pattern, ...]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {key: compile_patterns(data.get(key), f"{path}: {key}") for key in KEYS}


def about_someone_else(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when the words tell of another person's self-harm or suicidal words and none of the
    writer's own (then the writer's crisis reply fits, whoever else is named)."""
    clean = plain_quotes(text)
    patterns = followed(path, load_patterns)
    return any(p.search(clean) for p in patterns["about_someone_else"]) and not any(
        p.search(clean) for p in patterns["about_me"]
    )
