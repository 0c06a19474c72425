"""Whether a message has the words of the short social intent the NLU model gave it, from
data/conversation/social_intents.yml (patterns an administrator can extend).

    has_its_words(intent, text) -> bool   True when the intent is not guarded, or when one of
                                          its patterns matches the text
    unfounded_intents(text) -> frozenset  the guarded intents the text has no words for
    GUARDED (via guarded_intents())       the intents the file guards (say_thanks, say_not_now,
                                          and since C7 ask_staff_guidance, request_forget,
                                          ask_what_happens_after_report, ask_local_support)
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot import REPO_ROOT
from bot.conversation.pattern_files import compile_patterns, followed, plain_quotes

DEFAULT_FILE = REPO_ROOT / "data" / "conversation" / "social_intents.yml"


def load_patterns(path: Path = DEFAULT_FILE) -> dict[str, tuple[re.Pattern, ...]]:
    """{intent: compiled patterns}. ValueError names the intent when its list is empty or a
    pattern is not a valid regular expression, or when the file guards nothing."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    intents = data.get("intents")
    if not isinstance(intents, dict) or not intents:
        raise ValueError(f"{path}: `intents` must map intent names to lists of patterns")
    return {name: compile_patterns(entries, f"{path}: intents.{name}") for name, entries in intents.items()}


def current_patterns(path: Path = DEFAULT_FILE) -> dict[str, tuple[re.Pattern, ...]]:
    """load_patterns, following an administrator's edit (bot.conversation.pattern_files.followed)."""
    return followed(path, load_patterns)


def guarded_intents(path: Path = DEFAULT_FILE) -> frozenset[str]:
    return frozenset(current_patterns(path))


def has_its_words(intent: str | None, text: str | None, path: Path = DEFAULT_FILE) -> bool:
    patterns = current_patterns(path).get(intent or "")
    if patterns is None:
        return True
    clean = plain_quotes(text)
    return any(p.search(clean) for p in patterns)


def unfounded_intents(text: str | None, path: Path = DEFAULT_FILE) -> frozenset[str]:
    """The guarded intents `text` has no words for (the file read once for all of them)."""
    clean = plain_quotes(text)
    return frozenset(
        intent
        for intent, patterns in current_patterns(path).items()
        if not any(p.search(clean) for p in patterns)
    )
