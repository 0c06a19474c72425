"""A second, English reading of a message written in an English-based creole (issue 12, B16).

    table = load_creole_table(directory)           # data/safety/creole_words.yml
    table.read_as_english("Mi deh pon di bus stop, an one man a follow mi")
        -> "i am on the bus stop and one man is following me"   (then normalised by the caller)
    table.read_as_english("im at the bus stop")    -> None   (fewer than min_markers markers)

It reads the message as typed (casefolded, punctuation as spaces), not the normal form: the
normaliser's text-speak table would already have made "dey" "they" and "im" "i am".

Nigerian Pidgin and Jamaican Patois messages were read neither as English (the word classes miss
"a follow mi", "dey tell me make i enter im motor") nor as another language (their words are
English enough), so they got no level. The table maps common creole forms to English; the risk
stage reads the result as it reads the speller's reading: only a more urgent level and the parts
that raise one count (bot/safety/risk.py), so a mapping can never calm a message. Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from bot.safety.lexicon import DEFAULT_DIR, LexiconError, _read_yaml

CREOLE_FILE = "creole_words.yml"
_NOT_WORD = re.compile(r"[^\w\s]+")


@dataclass(frozen=True)
class CreoleTable:
    """Markers, the number of different markers a message needs, and the phrase and word maps."""

    markers: frozenset[str]
    min_markers: int
    phrases: re.Pattern  # alternation of the phrases, longest first
    phrase_map: dict
    words: dict

    def read_as_english(self, text: str) -> Optional[str]:
        """The English reading of a message with at least min_markers different markers (single
        words or phrases); None otherwise (most messages: no cost beyond a set)."""
        normalised = " ".join(_NOT_WORD.sub(" ", (text or "").casefold()).split())
        tokens = normalised.split()
        found = {t for t in tokens if t in self.markers}
        found |= {m for m in self.markers if " " in m and f" {m} " in f" {normalised} "}
        if len(found) < self.min_markers:
            return None
        text = self.phrases.sub(lambda m: self.phrase_map[m.group(0)], normalised)
        return " ".join(self.words.get(t, t) for t in text.split())


def load_creole_table(directory: Path | str = DEFAULT_DIR) -> CreoleTable:
    """Read and check data/safety/creole_words.yml; LexiconError (file named) on a broken entry."""
    path = Path(directory) / CREOLE_FILE
    data = _read_yaml(path)  # the lexicon's reader: missing, not YAML or not a mapping, file named
    markers, phrases, words = data.get("markers"), data.get("phrases"), data.get("words")
    min_markers = data.get("min_markers")
    if not (isinstance(min_markers, int) and min_markers >= 2):
        raise LexiconError(f"{path}: min_markers must be a whole number of at least 2")
    if not (isinstance(markers, list) and markers and all(isinstance(m, str) and m for m in markers)):
        raise LexiconError(f"{path}: markers must be a non-empty list of strings")
    for name, mapping in (("phrases", phrases), ("words", words)):
        if not (
            isinstance(mapping, dict)
            and mapping
            and all(isinstance(k, str) and k and isinstance(v, str) for k, v in mapping.items())
        ):
            raise LexiconError(f"{path}: {name} must map strings to strings")
    if any(" " in k for k in words):
        raise LexiconError(f"{path}: words are single words; put several words under phrases")
    ordered = sorted(phrases, key=len, reverse=True)
    pattern = re.compile(r"(?<!\S)(?:" + "|".join(re.escape(p) for p in ordered) + r")(?!\S)")
    return CreoleTable(
        markers=frozenset(m.lower() for m in markers),
        min_markers=min_markers,
        phrases=pattern,
        phrase_map=dict(phrases),
        words=dict(words),
    )
