"""What the conversation's pattern files share (data/conversation/questions.yml,
relationships.yml, trusted_adults.yml: regular expressions an administrator can extend).

    compile_patterns(entries, where) -> tuple[re.Pattern, ...]   case-insensitive; ValueError
                                         naming `where` for an empty list, a non-string or
                                         empty entry, or an invalid regular expression
    followed(path, load) -> T            load(path), following an administrator's edit the way
                                         the risk stage's data does (bot.safety.reloading: the
                                         file checked at most once a second, a broken edit
                                         refused and the last good result kept); ValueError
                                         when the file has never loaded
    loaded_files() -> tuple              what each followed file gave as last loaded
    plain_quotes(text) -> str            curly apostrophes made straight, None made ""
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, TypeVar

import yaml

from bot.safety.reloading import ReloadingLexicon

T = TypeVar("T")
_followed: dict[tuple[Callable[[Path], Any], Path], ReloadingLexicon] = {}


def compile_patterns(entries: Any, where: str) -> tuple[re.Pattern, ...]:
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{where}: a non-empty list of patterns is needed")
    if not all(isinstance(p, str) and p for p in entries):
        raise ValueError(f"{where}: a pattern must be a non-empty string")
    try:
        return tuple(re.compile(p, re.IGNORECASE) for p in entries)
    except re.error as error:
        raise ValueError(f"{where}: {error}") from None


def followed(path: Path, load: Callable[[Path], T]) -> T:
    path = Path(path)
    key = (load, path)
    if key not in _followed:
        _followed[key] = ReloadingLexicon(
            path.parent, loader=lambda _folder: load(path), refused=(ValueError, yaml.YAMLError)
        )
    return _followed[key].current()


def loaded_files() -> tuple:
    """What every followed file gave as last loaded (no check of the files): a new object for a
    file as soon as an edit is taken in (bot.conversation.turn_memo compares them)."""
    return tuple(reloading.loaded for reloading in list(_followed.values()))


def plain_quotes(text: str | None) -> str:
    return (text or "").replace("\u2019", "'").replace("\u2018", "'")
