"""Which of many regular expressions could match a text at all, found in one pass, so the risk
stage runs only those (issue 12 item 7: ~190 regex searches per message were ~45% of its cost).

    screen = LiteralScreen([re.compile(r"\\bhe is (?:here|outside)\\b"), ...])
    screen.candidates("he is outside")  -> {0}   # indices of the regexes worth running

Every regex gets its *required literals*: a set of strings at least one of which occurs in any
text the regex matches ("he is " above). They are read from the regex's own parse tree
(`required_literals`), so administrators keep writing plain patterns in data/safety/ and nothing
extra. A regex whose requirement cannot be read (a pattern that could match with no fixed text)
is always a candidate. The screen only ever skips a regex that cannot match: results are the same
as running every regex (tests/safety/test_literal_screen.py checks this on every message in the
test sets). The one pass is pyahocorasick's Aho-Corasick automaton (a kept C library); the literal
reading is ours because no library reads Python's own regex syntax.
"""

from __future__ import annotations

import re
from typing import Optional, Sequence

import ahocorasick

try:  # Python 3.11+
    import re._constants as _sre
    import re._parser as _parser
except ImportError:  # Python 3.10, the version Rasa runs on
    import sre_constants as _sre  # noqa: F401  (deprecated alias, the same module)
    import sre_parse as _parser

_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT} | (
    {_sre.POSSESSIVE_REPEAT} if hasattr(_sre, "POSSESSIVE_REPEAT") else set()
)
_ATOMIC = getattr(_sre, "ATOMIC_GROUP", None)


def required_literals(pattern: str | re.Pattern) -> Optional[frozenset[str]]:
    """A set of strings, at least one of which is in every text `pattern` matches (search, not
    fullmatch); None when no such set can be read (the pattern could match without fixed text,
    or it is case-insensitive). Of the sets available, the one whose shortest string is longest
    is returned ("door" beats "in ")."""
    source = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    flags = pattern.flags if isinstance(pattern, re.Pattern) else 0
    parsed = _parser.parse(source, flags)
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _sequence(list(parsed))


def _sequence(items) -> Optional[frozenset[str]]:
    """The best requirement of a sequence of parse items: any item that must match gives one,
    and consecutive literal characters make a string."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, value in items:
        if op is _sre.LITERAL:
            run.append(chr(value))
            continue
        if op is _sre.AT:  # \b, ^, $ consume nothing: the literal on both sides is still one string
            continue
        end_run()
        requirement = _item(op, value)
        if requirement:
            candidates.append(requirement)
    end_run()
    if not candidates:
        return None
    return max(candidates, key=lambda options: (min(map(len, options)), -len(options)))


def _item(op, value) -> Optional[frozenset[str]]:
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = value
        return None if add_flags & re.IGNORECASE else _sequence(items)
    if op is _ATOMIC:
        return _sequence(value)
    if op is _sre.BRANCH:
        options = [_sequence(alternative) for alternative in value[1]]
        return None if any(o is None for o in options) else frozenset().union(*options)
    if op in _REPEATS:
        low, _high, items = value
        return _sequence(items) if low >= 1 else None
    return None  # character classes, any character, look-arounds, back-references: no fixed text


class LiteralScreen:
    """Candidates among `regexes` (a sequence of compiled patterns) for a text: the indices of
    those whose required literals occur in it, plus those without a readable requirement."""

    def __init__(self, regexes: Sequence[re.Pattern]):
        self.always: frozenset[int] = frozenset()
        by_literal: dict[str, set[int]] = {}
        always = set()
        for index, regex in enumerate(regexes):
            literals = required_literals(regex)
            if not literals:
                always.add(index)
                continue
            for literal in literals:
                by_literal.setdefault(literal, set()).add(index)
        self.always = frozenset(always)
        self._automaton = None
        if by_literal:
            self._automaton = ahocorasick.Automaton()
            for literal, indices in by_literal.items():
                self._automaton.add_word(literal, frozenset(indices))
            self._automaton.make_automaton()

    def candidates(self, text: str) -> set[int]:
        """Indices (into the regexes given) that could match `text`; one pass over it."""
        found = set(self.always)
        if self._automaton is not None and text:
            for _end, indices in self._automaton.iter(text):
                found |= indices
        return found
