"""A second reading of a message with its misspelt words put right, for the word classes.

    speller = bot.safety.risk.build_speller(lexicon, rules)   # the risk data builds one at load
    speller.correct("bleding so much")  -> "bleeding so much"
    speller.correct("helpp")            -> "help"
    speller.correct("someone trying to get in my houss") -> "someone trying to get in my house"

The word classes (data/safety/parts.yml) and the lexicon match whole words, so one letter
missing, doubled or swapped hid a message from them (B8: "helpp", "bleding so much", "my
houss"). The risk stage (bot/safety/risk.py) therefore also reads the message with such words
corrected, and the most urgent reading wins; the first reading is never replaced, so a pattern
written for a misspelling ("sexualy assulted") still matches.

What is corrected, and into what (kept narrow, so that names, slang and other languages are
left alone):
- only a word of at least MIN_LETTERS letters that is not a word of English at all
  (bot.safety.language.any_english_words: wordfreq's large English list down to Zipf 1.5, the
  slang list, text-speak), so "vapes", "stubbed", "noose" or "skint" are never turned into
  "rapes", "stabbed", "nose" or "skin";
- only into a word the risk stage itself uses (a literal word of at least MIN_LETTERS letters in
  the patterns of data/safety/, which is also a common English word): correcting a friend's name
  into anything else would change nothing the stage reads;
- only at Damerau-Levenshtein distance 1 (one letter added, dropped, changed, or two neighbours
  swapped); when several words are that close, the most common in English (wordfreq) wins.
Lookup is by single deletions (the symmetric-delete idea of SymSpell): each vocabulary word is
indexed under itself and every form with one letter dropped, so a word costs about as many set
lookups as it has letters. Pure and deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

MIN_LETTERS = 4
# a regular expression's escapes (\b, \w, \d, \s) would otherwise glue a letter to the next word
_ESCAPE = re.compile(r"\\[A-Za-z]")
_WORD = re.compile(r"[a-z]+")


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by one insertion, deletion, substitution or swap of two
    neighbouring letters (Damerau-Levenshtein distance at most 1)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@dataclass(frozen=True)
class Speller:
    """Corrects words into `vocabulary` (see the module docstring). `known`: the words never
    corrected (any English word); `rank`: a word's English Zipf frequency, to choose between
    several words equally close."""

    vocabulary: frozenset[str]
    known: frozenset[str]
    rank: dict[str, float] = field(default_factory=dict, compare=False)
    index: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def build(
        cls,
        words: Iterable[str],
        vocabulary_of: frozenset[str],
        known: frozenset[str],
        rank: dict[str, float],
    ) -> "Speller":
        """words: candidate words (pattern_words of the rules); only those of at least
        MIN_LETTERS letters found in `vocabulary_of` (common English) are corrected into."""
        vocab = frozenset(w for w in words if len(w) >= MIN_LETTERS and w in vocabulary_of)
        index: dict[str, set[str]] = {}
        for word in vocab:
            for key in _deletes(word) | {word}:
                index.setdefault(key, set()).add(word)
        frozen = {key: tuple(sorted(words)) for key, words in index.items()}
        return cls(vocabulary=vocab, known=known, rank=dict(rank), index=frozen)

    def correct_word(self, word: str) -> str:
        """`word` put right, or `word` itself when it is known, too short or nothing is close."""
        if len(word) < MIN_LETTERS or word in self.known or not word.isalpha():
            return word
        close = {
            candidate
            for key in _deletes(word) | {word}
            for candidate in self.index.get(key, ())
            if within_one_edit(word, candidate)
        }
        if not close:
            return word
        return min(close, key=lambda w: (-self.rank.get(w, 0.0), w))

    def correct(self, normalised: str) -> str:
        """A normalised message (bot.safety.normalise) with each misspelt word put right."""
        return " ".join(self.correct_word(word) for word in normalised.split())


def pattern_words(sources: Iterable[str]) -> set[str]:
    """The literal words in regular-expression sources: "\\bbleeding (?:a lot|loads)" ->
    {"bleeding", "a", "lot", "loads"} (escapes such as \\b and \\w are dropped first)."""
    words: set[str] = set()
    for source in sources:
        words.update(_WORD.findall(_ESCAPE.sub(" ", source)))
    return words
