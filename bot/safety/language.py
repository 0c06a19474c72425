"""Is this message written in a language other than English?

A message the assistant cannot read must never get "Sorry, I can't help with that": it gets, in
plain English, 999 with the interpreter line and Childline (utter_other_language). Detection uses
lingua-language-detector (a maintained library; its n-gram models ship inside the wheel, nothing
is downloaded), restricted to English and the languages most spoken in London's schools, in its
low-accuracy mode (fast, meant for short text).

Short English text-speak is easy to mistake for another language ("wallahi bruv allow it innit"
reads as Yoruba to a statistical model), and lingua alone is unreliable on code-mixed text (it
gave English 0.99 for Urdu in Latin letters with "please help ... flight ... phone ... friend"
in it), so two views are combined. The word view is the share of a message's (normalised) words
that are COMMON English words: in wordfreq's small English list (words with a Zipf frequency of
at least 3, i.e. once per million words or more) with a stricter floor for short words, since
web text puts many short foreign words in the English counts ("ma" 4.6, "le" 4.5, "el" 4.6,
"fi" 4.3, "nie" 2.9); the normaliser's text-speak and data/safety/english_words.yml's slang count
as English too; single letters other than "i" and "a" count for neither side. (Until 2026-11-30
the view was the english-words package's web2 + GCIDE lists, ~263,000 words full of rare ones
such as "nie", "pod", "bab", "fi", under which Polish or Somali read as 50-70% English.)

A word that the web uses far more in a nearby language than in English does not count as
English either (foreign_leaning_words(): "la", "de", "est", "dans", "para", "paso", "salle"):
web English has them at Zipf 3.2-5.2 from names and quotations, so French or Spanish written
without their letter marks read as 58-70% English and were never passed to lingua (B9).

A Latin-script message of at least MIN_WORDS counted words is not English when
- the word share is under WORDS_ALONE_SHARE and it has at least WORDS_ALONE_MIN counted words
  (long enough for the word view to decide alone, whatever lingua says), or
- the word share is under ENGLISH_WORD_SHARE and lingua gives English at most
  ENGLISH_MAX_CONFIDENCE, or
- it carries letters with diacritics English does not use (ę, ș, ã, ñ...), lingua gives English
  at most ENGLISH_MAX_CONFIDENCE and names another language with at least OTHER_MIN_CONFIDENCE
  (or, with MANY_DIACRITICS, gives English at most NEARLY_NOT_ENGLISH).
A message mostly in a non-Latin script (Arabic, Bengali, Cyrillic, Chinese, Devanagari, ...) is
not English whatever lingua says. The thresholds were chosen on every English message the
project holds (data/nlu, the benign corpus, gold, must-catch, the English lines of the blind
sets and their danger answers, the conversation sets: 4,419 of 3+ words, none read as another
language) against the 77 Latin-script messages in other languages of B1-B8 and data/nlu: with
6+ words English was never under 0.62 and the other languages never over 0.50. Re-checked after
B9 with the foreign-leaning words left out (5,740 English messages of B1-B9, data/nlu, the
benign corpus, gold, must-catch, unseen, the conversation sets, the classifier's examples and the
benchmark's turns): none read as another language, English with 6+ words still never under
0.62, and B9's French and Spanish lines now 0.16 and 0.40.

    is_not_english("pomocy, on stoi pod moim domem i się boję") -> True
    is_not_english("hes outside my house") -> False
"""

from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from bot.safety.normalise import normalise
from bot.safety.word_tables import WORD_MAP

SLANG_FILE = Path(__file__).resolve().parents[2] / "data" / "safety" / "english_words.yml"

MIN_WORDS = 3  # counted words (single letters other than i and a are not counted)
OTHER_MIN_CONFIDENCE = 0.80  # lingua's confidence in the best non-English language, 0..1
ENGLISH_MAX_CONFIDENCE = 0.30  # lingua's confidence in English, at most
ENGLISH_WORD_SHARE = 0.5  # share of common English words under which lingua is asked
WORDS_ALONE_SHARE = 0.45  # under this share, with WORDS_ALONE_MIN words, lingua is not asked
WORDS_ALONE_MIN = 6
# C19: a message this long that is mostly common English words is English, whatever a few words
# of another language in it do to lingua ("Ela não quer polícia." before three English sentences
# read as Tagalog 1.0 for its marks). Every Latin-script message in another language the project
# holds (the blind sets, data/nlu, tests/safety) is at most 0.55 English by words (2026-12-02)
MOSTLY_ENGLISH_SHARE = 0.75
MOSTLY_ENGLISH_MIN = 10
# Zipf frequency (log10 of uses per billion words) a word needs to count as common English:
# wordfreq's small list stops at 3.0; two- and three-letter words need more, since short words
# of other languages ("le", "ja", "ke", "pe", "tan", "pod", "hai") reach 3.5-4.6 in web English
COMMON_ZIPF = 3.0
SHORT_WORD_ZIPF = {2: 5.0, 3: 4.0}
# a common English word whose Zipf in one of these languages is at least FOREIGN_LEAN above its
# English Zipf is a word of that language seen in English web text ("la": English 5.05, French
# 7.43), not evidence of English; words used at least FOREIGN_LEAN_MAX_ENGLISH in English
# ("me", "no", "a", "you") and the slang list always count. London's Latin-script languages
# that wordfreq has (German and Dutch are left out: "die", "door", "met", "van" would go)
FOREIGN_LEAN_LANGUAGES = ("fr", "es", "pt", "it", "pl", "ro", "tr")
FOREIGN_LEAN = 1.5
FOREIGN_LEAN_MAX_ENGLISH = 5.5
ENGLISH_LETTERS = frozenset({"i", "a"})  # the only one-letter words counted
# a word of English at all, rare ones included (used to leave a word alone rather than "correct"
# it, bot/safety/spelling.py): "noose", "vapes", "stubbed", "skint" are 2-3; typos of urgent
# words ("helpp", "bleding", "houss", "sucide") are 0-1.4 in wordfreq's large English list
ANY_ENGLISH_ZIPF = 1.5
MIN_DIACRITICS = 2  # letters such as ę, ș, ã, ñ that English does not use
MANY_DIACRITICS = 4  # this many, with lingua nearly sure it is not English, settles it
NEARLY_NOT_ENGLISH = 0.05  # lingua's confidence in English, at most, for that rule
NON_LATIN_SHARE = 0.5  # share of letters outside the Latin script
# English and the languages most often spoken at home by London pupils (GLA / DfE school census
# language lists), plus the main EU languages; lingua names them as Language members.
LANGUAGES = (
    "ENGLISH",
    "POLISH",
    "ROMANIAN",
    "PORTUGUESE",
    "SPANISH",
    "ITALIAN",
    "FRENCH",
    "GERMAN",
    "LITHUANIAN",
    "BULGARIAN",
    "ALBANIAN",
    "TURKISH",
    "ARABIC",
    "URDU",
    "BENGALI",
    "PUNJABI",
    "GUJARATI",
    "TAMIL",
    "HINDI",
    "PERSIAN",
    "SOMALI",
    "YORUBA",
    "RUSSIAN",
    "UKRAINIAN",
    "CHINESE",
    "TAGALOG",
    "DUTCH",
    "GREEK",
    "HUNGARIAN",
    "CZECH",
    "SLOVAK",
    "LATVIAN",
    "VIETNAMESE",
)


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in LANGUAGES if hasattr(Language, name)]
    return (
        LanguageDetectorBuilder.from_languages(*languages)
        .with_low_accuracy_mode()
        .with_preloaded_language_models()
        .build()
    )


@lru_cache(maxsize=1)
def english_zipf() -> dict[str, float]:
    """{word: Zipf frequency} for wordfreq's small English list: ~29,000 words of letters only,
    each used at least once per million words (Zipf >= 3); inflected forms are words of their
    own there. Loaded once (~10 ms)."""
    from wordfreq import get_frequency_dict

    return {
        word: math.log10(frequency) + 9
        for word, frequency in get_frequency_dict("en", wordlist="small").items()
        if word.isalpha()
    }


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The common English words (lowercase): english_zipf()'s words with the stricter floor for
    two- and three-letter words and no one-letter word but "i" and "a", plus the slang of
    data/safety/english_words.yml and the normaliser's text-speak expansions of three letters or
    more."""
    words = {
        word
        for word, zipf in english_zipf().items()
        if (len(word) > 1 or word in ENGLISH_LETTERS) and zipf >= SHORT_WORD_ZIPF.get(len(word), COMMON_ZIPF)
    }
    return frozenset(words | _slang())


@lru_cache(maxsize=1)
def _slang() -> frozenset[str]:
    """data/safety/english_words.yml's slang and the normaliser's text-speak expansions of three
    letters or more: English whatever other languages' word lists say."""
    slang = yaml.safe_load(SLANG_FILE.read_text(encoding="utf-8")) or {}
    words = {w for value in WORD_MAP.values() for w in value.split() if len(w) > 2}
    return frozenset(words | {str(w).lower() for w in slang.get("words") or []})


@lru_cache(maxsize=1)
def foreign_leaning_words() -> frozenset[str]:
    """The common English words (english_words()) that web text uses far more in one of
    FOREIGN_LEAN_LANGUAGES (Zipf at least FOREIGN_LEAN higher), other than very common English
    words and the slang list: "la", "de", "est", "dans", "para", "con", "les" (~290 words). The
    share of English words does not count them. Read straight from wordfreq's files (~0.3 s,
    once), so no other language's list is kept in memory."""
    import wordfreq

    zipf = english_zipf()
    slang = _slang()
    candidates = {
        word
        for word in english_words()
        if word not in slang and zipf.get(word, 0.0) < FOREIGN_LEAN_MAX_ENGLISH
    }
    leaning = set()
    files = wordfreq.available_languages("small")
    for language in FOREIGN_LEAN_LANGUAGES:
        for index, bucket in enumerate(wordfreq.read_cBpack(files[language])):
            other = 9 - index / 100
            if other < COMMON_ZIPF + FOREIGN_LEAN:
                break  # sorted by frequency: no word further on can lean far enough
            for word in bucket:
                if word in candidates and other - zipf.get(word, 0.0) >= FOREIGN_LEAN:
                    leaning.add(word)
    return frozenset(leaning)


@lru_cache(maxsize=1)
def any_english_words() -> frozenset[str]:
    """Every word of letters in wordfreq's large English list with a Zipf frequency of at least
    ANY_ENGLISH_ZIPF (~160,000 words; about 0.1 s and 15 MB, loaded once), plus english_words().
    Read straight from the list's file, so wordfreq keeps no second copy of the whole list."""
    import wordfreq

    buckets = wordfreq.read_cBpack(wordfreq.available_languages("large")["en"])
    # bucket i holds the words used 10 ** (-i / 100) of the time: Zipf 9 - i / 100
    words = {
        word
        for index, bucket in enumerate(buckets)
        if 9 - index / 100 >= ANY_ENGLISH_ZIPF
        for word in bucket
        if word.isalpha()
    }
    return frozenset(words) | english_words()


def english_word_share(text: str, normalised: str | None = None) -> tuple[float, int]:
    """(share 0..1 of common English words, number of words counted) over the normalised
    message's words; one-letter words other than "i" and "a" are not counted (the normaliser's
    "w" -> "with" and Polish "w" alike), and foreign-leaning words count as not English. Pass
    `normalised` (bot.safety.normalise.normalise(text)) when the caller has it already."""
    words = [
        w
        for w in (normalised if normalised is not None else normalise(text)).split()
        if w.isalpha() and (len(w) > 1 or w in ENGLISH_LETTERS)
    ]
    if not words:
        return 1.0, 0
    known, leaning = english_words(), foreign_leaning_words()
    return sum(w in known and w not in leaning for w in words) / len(words), len(words)


def diacritic_letters(text: str) -> int:
    """How many Latin letters carry a mark English does not use (é in café counts too)."""
    return sum(
        1
        for c in text
        if c.isalpha() and c.isascii() is False and unicodedata.name(c, "").startswith("LATIN")
    )


def non_latin_share(text: str) -> float:
    """Share (0..1) of the letters in `text` that are not Latin script; 0.0 with no letters."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    other = sum(1 for c in letters if not unicodedata.name(c, "LATIN").startswith("LATIN"))
    return other / len(letters)


def is_not_english(text: str, normalised: str | None = None) -> bool:
    """True when `text` is written in another language (see the module docstring). `normalised`:
    normalise(text), when the caller has it. Never raises on a str; an empty or letterless
    message is not "another language"."""
    if not isinstance(text, str) or not any(c.isalpha() for c in text):
        return False
    if non_latin_share(text) >= NON_LATIN_SHARE:
        return True
    share, words = english_word_share(text, normalised)
    if words < MIN_WORDS:
        return False
    if share < WORDS_ALONE_SHARE and words >= WORDS_ALONE_MIN:
        return True  # code-mixed text can fool lingua (English 0.99 for Urdu with English nouns)
    if share >= MOSTLY_ENGLISH_SHARE and words >= MOSTLY_ENGLISH_MIN:
        return False  # mostly English with a few words of another language (C19)
    diacritics = diacritic_letters(text) >= MIN_DIACRITICS
    if share >= ENGLISH_WORD_SHARE and not diacritics:
        return False  # the common case, decided without the statistical model
    from lingua import Language

    values = _detector().compute_language_confidence_values(text)
    english = next((v.value for v in values if v.language == Language.ENGLISH), 0.0)
    if english > ENGLISH_MAX_CONFIDENCE:
        return False
    if share < ENGLISH_WORD_SHARE:
        return True
    if diacritic_letters(text) >= MANY_DIACRITICS and english <= NEARLY_NOT_ENGLISH:
        # B7: Romanian, whose short words (un, de, la, nu, mi) are in the English lists, read by
        # lingua's low-accuracy mode as Tagalog at 0.77: which language does not matter here
        return True
    best_other = max((v.value for v in values if v.language != Language.ENGLISH), default=0.0)
    return best_other >= OTHER_MIN_CONFIDENCE


def warm_up() -> None:
    """Load the word lists and language models now (~1.8 s) rather than on the first message."""
    english_words()
    foreign_leaning_words()
    _detector()
