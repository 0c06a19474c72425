"""Is this message written in a language other than English?

A message the assistant cannot read must never get "Sorry, I can't help with that": it gets, in
plain English, 999 with the interpreter line and Childline (utter_other_language). Detection uses
lingua-language-detector (a maintained library; its n-gram models ship inside the wheel, nothing
is downloaded), restricted to English and the languages most spoken in London's schools, in its
low-accuracy mode (fast, meant for short text).

Short English text-speak is easy to mistake for another language ("wallahi bruv allow it innit"
reads as Yoruba to a statistical model), so two views must agree. A Latin-script message of at
least MIN_WORDS words counts as not English when lingua gives English at most
ENGLISH_MAX_CONFIDENCE and either fewer than ENGLISH_WORD_SHARE of its (normalised) words are
English words (the english-words package's web2 + GCIDE lists, inflections, the normaliser's
text-speak and data/safety/english_words.yml's slang), or it carries letters with diacritics
English does not use (ę, ș, ã, ñ...) and lingua names another language with at least
OTHER_MIN_CONFIDENCE. A message mostly in a non-Latin script (Arabic, Bengali, Cyrillic,
Chinese, Devanagari, ...) is not English whatever lingua says.

    is_not_english("pomocy, on stoi pod moim domem i się boję") -> True
    is_not_english("hes outside my house") -> False
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

from bot.safety.normalise import normalise
from bot.safety.word_tables import WORD_MAP

SLANG_FILE = Path(__file__).resolve().parents[2] / "data" / "safety" / "english_words.yml"

MIN_WORDS = 3
OTHER_MIN_CONFIDENCE = 0.80  # lingua's confidence in the best non-English language, 0..1
ENGLISH_MAX_CONFIDENCE = 0.30  # lingua's confidence in English, at most
ENGLISH_WORD_SHARE = 0.5  # share of words found in the English word lists
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
def english_words() -> frozenset[str]:
    """The English word set (lowercase letters only): ~263,000 words, loaded once (~1 s)."""
    from english_words import get_english_words_set

    words = set(get_english_words_set(["web2", "gcide"], lower=True, alpha=True))
    words |= set(WORD_MAP) | {w for value in WORD_MAP.values() for w in value.split()}
    slang = yaml.safe_load(SLANG_FILE.read_text(encoding="utf-8")) or {}
    words |= {str(w).lower() for w in slang.get("words") or []}
    return frozenset(words)


def _is_english_word(word: str, known: frozenset[str]) -> bool:
    if word in known:
        return True
    for suffix, stem_end in (
        ("s", ""),
        ("es", ""),
        ("ed", ""),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ied", "y"),
        ("ies", "y"),
        ("ly", ""),
        ("er", ""),
    ):
        if word.endswith(suffix) and word[: -len(suffix)] + stem_end in known:
            return True
    return False


def english_word_share(text: str, normalised: str | None = None) -> tuple[float, int]:
    """(share of English words 0..1, number of words) over the normalised message's words;
    pass `normalised` (bot.safety.normalise.normalise(text)) when the caller has it already."""
    words = [w for w in (normalised if normalised is not None else normalise(text)).split() if w.isalpha()]
    if not words:
        return 1.0, 0
    known = english_words()
    return sum(_is_english_word(w, known) for w in words) / len(words), len(words)


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
    """Load the word lists and language models now (~1.5 s) rather than on the first message."""
    english_words()
    _detector()
