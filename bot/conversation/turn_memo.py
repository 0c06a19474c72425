"""Results of pure functions of a message's words, kept only while one message is handled
(issue 17: the conversation policies run once per action predicted, 2.3 times a message, and
read the same words each time: which questions a message asks, which topic each turn of the
conversation shows, which situation an adult's message tells).

    with handling(owner):        a policy predicts for `owner` (the tracker's latest user message);
        ...                      what was kept for any other message is dropped first
    remembered(key, compute)     compute(), or what it gave for `key` earlier for the same owner
                                 and the same loaded pattern files (bot.conversation.pattern_files)
    forget()                     drop everything (a message's handling is over)

`key` must hold every argument the result depends on besides the pattern files. Outside a
policy's prediction (scripts, the action server, other components, tests calling the functions
directly) nothing is kept or reused. Nothing outlives the message: Rasa's message handling calls
forget() when a message is done (bot/rasa_patches/message_turns.py; with RASA_MESSAGE_TURNS=off,
at the next message), so no text is kept beyond the conversation in hand, which its tracker holds
anyway. When an administrator's edit to a pattern file is taken in, everything kept is dropped, so
a result never mixes old and new files.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Hashable, Iterator, TypeVar

from bot.conversation.pattern_files import loaded_files

T = TypeVar("T")
_state: dict = {"owner": None, "active": False, "files": (), "values": {}}


@contextmanager
def handling(owner: object) -> Iterator[None]:
    """Keep and reuse results for `owner` inside this block (owner None: keep nothing)."""
    if owner is not _state["owner"]:
        _state.update(owner=owner, files=(), values={})
    _state["active"] = owner is not None
    try:
        yield
    finally:
        _state["active"] = False


def forget() -> None:
    _state.update(owner=None, active=False, files=(), values={})


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    if not _state["active"]:
        return compute()
    files = loaded_files()
    kept = _state["files"]
    if len(kept) != len(files) or any(a is not b for a, b in zip(kept, files)):
        _state["files"], _state["values"] = files, {}
    values = _state["values"]
    if key in values:
        return values[key]
    value = compute()  # may take in an edit: then the next call drops `values`, and this with it
    values[key] = value
    return value
