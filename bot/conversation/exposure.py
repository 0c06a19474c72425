"""Whether a young person's message tells of indecent exposure (someone showing their genitals
to them, or touching themselves in front of them), from data/conversation/exposure.yml (patterns
an administrator can extend; the same shape as forced_marriage.yml).

    is_exposure(text) -> bool   one of the file's `signs` matches (an alternative is a pattern,
                                or a list of patterns that must all match)
"""

from __future__ import annotations

from pathlib import Path

from bot import REPO_ROOT
from bot.conversation.forced_marriage import load_signs
from bot.conversation.pattern_files import followed, plain_quotes

DEFAULT_FILE = REPO_ROOT / "data" / "conversation" / "exposure.yml"


def is_exposure(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when the message tells of someone exposing themselves to the writer (C19)."""
    if not text:
        return False
    clean = plain_quotes(text)
    return any(all(p.search(clean) for p in sign) for sign in followed(path, load_signs))
