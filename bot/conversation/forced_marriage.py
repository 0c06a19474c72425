"""Whether a message tells of a child at risk of forced marriage, from
data/conversation/forced_marriage.yml (patterns an administrator can extend).

    is_forced_marriage(text) -> bool   one of the file's `signs` matches (an alternative is a
                                       pattern, or a list of patterns that must all match)
    load_signs(path) -> tuple          the compiled alternatives; ValueError names the file for
                                       a missing or empty list or an invalid pattern
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot import REPO_ROOT
from bot.conversation.pattern_files import compile_patterns, followed, plain_quotes

DEFAULT_FILE = REPO_ROOT / "data" / "conversation" / "forced_marriage.yml"


def load_signs(path: Path = DEFAULT_FILE) -> tuple[tuple[re.Pattern, ...], ...]:
    """Each alternative of `signs` as the tuple of patterns that must all match."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    signs = data.get("signs")
    if not isinstance(signs, list) or not signs:
        raise ValueError(f"{path}: signs: a non-empty list is needed")
    return tuple(
        compile_patterns(sign if isinstance(sign, list) else [sign], f"{path}: signs[{i}]")
        for i, sign in enumerate(signs)
    )


def is_forced_marriage(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when the message shows a child made, pushed or taken abroad to marry (C14, C15)."""
    if not text:
        return False
    clean = plain_quotes(text)
    return any(all(p.search(clean) for p in sign) for sign in followed(path, load_signs))
