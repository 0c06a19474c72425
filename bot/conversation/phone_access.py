"""Whether a message says its writer cannot use a voice call (data/conversation/phone_access.yml).

    cannot_call(text, patterns) -> (start, end) | None

"i am deaf so chat is easier than phone", "i use BSL", "i cant do phone calls" -> the span of
the words that say so; "i cant call he'll hear me" (a call they cannot make now: the silent-call
advice fits), "my brother is deaf" -> None. Pure; load_patterns reads and checks the file
(ValueError on a broken pattern), current_patterns rereads it when it changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import yaml

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "conversation" / "phone_access.yml"
KIND = "cannot_call"  # the slot value and the file's one kind


@dataclass(frozen=True)
class PhoneAccessPatterns:
    when: tuple[re.Pattern, ...]
    unless: tuple[re.Pattern, ...]


def load_patterns(path: Path = DEFAULT_FILE) -> PhoneAccessPatterns:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    entry = data.get(KIND) or {}
    if not entry.get("when"):
        raise ValueError(f"{path}: `{KIND}.when` must list patterns")
    try:
        when = tuple(re.compile(p, re.IGNORECASE) for p in entry["when"])
        unless = tuple(re.compile(p, re.IGNORECASE) for p in entry.get("unless") or ())
    except re.error as error:
        raise ValueError(f"{path}: {error}") from None
    return PhoneAccessPatterns(when, unless)


_CACHE: dict[Path, tuple[float, PhoneAccessPatterns]] = {}


def current_patterns(path: Path = DEFAULT_FILE) -> PhoneAccessPatterns:
    """The file's patterns, reread when it was edited since the last read."""
    path = Path(path)
    mtime = path.stat().st_mtime
    cached = _CACHE.get(path)
    if cached is None or cached[0] != mtime:
        _CACHE[path] = (mtime, load_patterns(path))
    return _CACHE[path][1]


def cannot_call(text: Optional[str], patterns: PhoneAccessPatterns) -> Optional[tuple[int, int]]:
    """The span of the words saying the writer cannot use a voice call, or None."""
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'")
    if any(p.search(text) for p in patterns.unless):
        return None
    for pattern in patterns.when:
        match = pattern.search(text)
        if match:
            return match.start(), match.end()
    return None
