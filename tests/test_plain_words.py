"""Plain words (issue 6 part 7, hazards H05 and H09): the first message and the privacy page are
measured for reading ease, and no reply asks for a name, school, address, phone number or full
postcode.

Reading ease is measured here, without a new dependency:
  Flesch Reading Ease  FRE = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)
  Flesch-Kincaid grade FKG = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
FKG is a US school grade; reading age is about grade + 5, so FKG <= 7 is a reading age of about
11-12. Sentences end at . ! ? or at a line / list item / heading; words are runs of letters
(apostrophes kept, so "can't" is one word); numbers such as 999 are not counted as words.
Syllables are counted with the usual vowel-group rule (silent final e, -le, -ed, -es handled).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import pytest

from bot.channels.safety_text import load_safety_text
from bot.directory import load_directory
from bot.nlg.placeholders import fill_message
from bot.web.pages import privacy_page
from tests.reply_questions import questions_in

MAX_GRADE = 7.0

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")


def syllables(word: str) -> int:
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    if (
        word.endswith("e")
        and not word.endswith(("le", "ee", "ye"))
        or re.search(r"[^aeiouy](es|ed)$", word)
        and not re.search(r"[td]ed$", word)
    ):
        word = word[:-1] if word.endswith("e") else word[:-2]
    groups = re.findall(r"[aeiouy]+", word)
    count = len(groups)
    if word.endswith("le") and len(word) > 2 and word[-3] not in "aeiouy":
        count = max(count, 1)
    return max(count, 1)


@dataclass(frozen=True)
class Readability:
    sentences: int
    words: int
    syllables: int

    @property
    def reading_ease(self) -> float:
        return 206.835 - 1.015 * self.words / self.sentences - 84.6 * self.syllables / self.words

    @property
    def grade(self) -> float:
        return 0.39 * self.words / self.sentences + 11.8 * self.syllables / self.words - 15.59

    def __str__(self) -> str:
        return (
            f"Flesch-Kincaid grade {self.grade:.1f} (reading age ~{self.grade + 5:.0f}), "
            f"reading ease {self.reading_ease:.0f}; {self.words} words, "
            f"{self.sentences} sentences, {self.syllables} syllables"
        )


def measure(text: str) -> Readability:
    pieces = [p for p in _SENTENCE_END.split(text) if _WORD.search(p)]
    words = [w for p in pieces for w in _WORD.findall(p)]
    return Readability(len(pieces), len(words), sum(syllables(w) for w in words))


def first_message() -> str:
    import yaml
    from pathlib import Path

    domain = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain.yml").read_text())
    return fill_message(domain["responses"]["utter_greet"][0], load_directory())["text"]


def privacy_text() -> str:
    """The words of the /privacy page's <main>, as a reader sees them (tags become line breaks)."""
    page = privacy_page(load_safety_text())
    main = re.search(r"<main\b[^>]*>(.*?)</main>", page, re.S | re.I).group(1)
    text = re.sub(r"</?(h\d|p|li|ul|ol|div|main)\b[^>]*>", "\n", main, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


# --- the measuring stick itself -------------------------------------------------------------


@pytest.mark.parametrize(
    "word,expected",
    [
        ("cat", 1),
        ("the", 1),
        ("table", 2),
        ("happy", 2),
        ("computer", 3),
        ("program", 2),
        ("deleted", 3),
        ("person", 2),
        ("anonymously", 5),
        ("reading", 2),
        ("make", 1),
        ("can't", 1),
        ("browser", 2),
        ("message", 2),
        ("everyone", 3),
    ],
)
def test_syllable_counter_on_known_words(word, expected):
    assert abs(syllables(word) - expected) <= (1 if len(word) > 8 else 0), (word, syllables(word))


def test_easy_text_scores_easy_and_hard_text_scores_hard():
    easy = measure("The cat sat on the mat. It was a good cat. We like the cat.")
    hard = measure(
        "Notwithstanding considerable organisational responsibilities, "
        "practitioners systematically underestimate institutional accountability."
    )
    assert easy.grade < 2 < 15 < hard.grade
    assert easy.reading_ease > 90 > 10 > hard.reading_ease


def test_privacy_text_is_the_page_words_without_markup():
    text = privacy_text()
    assert "What happens to what you type" in text and "computer program" in text
    assert "<" not in text and "{{" not in text


# --- the texts a child reads first ----------------------------------------------------------


def test_first_message_is_in_plain_words():
    score = measure(first_message())
    print(f"first message: {score}")
    assert score.grade <= MAX_GRADE, f"first message: {score}"


def test_privacy_page_is_in_plain_words():
    score = measure(privacy_text())
    print(f"privacy page: {score}")
    assert score.grade <= MAX_GRADE, f"privacy page: {score}"


# --- no reply asks for identifying details ----------------------------------------------------

IDENTIFYING = {
    "name": re.compile(
        r"\b(your|ur)\s+(full\s+|real\s+|first\s+|last\s+|sur)?name\b|\bwhat(?:'s| is) your name|\bcalled\b",
        re.I,
    ),
    "school": re.compile(r"\bschool\b|\bcollege\b|\bwhat year are you in\b", re.I),
    "address": re.compile(
        r"\baddress\b|\bstreet\b|\bhouse number\b|\bwhere (exactly )?do you live\b|\bflat\b", re.I
    ),
    "phone number": re.compile(
        r"\bphone\b|\bmobile\b|\b(your|ur)\s+(phone\s+|mobile\s+)?number\b|\bcontact details\b", re.I
    ),
    "full postcode": re.compile(
        r"^(?!.*\b(first (part|half|bit)|district|start of)\b).*\bpost\s?code\b", re.I | re.S
    ),
    "email": re.compile(r"\be-?mail\b", re.I),
}


def domain_questions() -> list[tuple[str, str]]:
    import yaml
    from pathlib import Path

    domain = yaml.safe_load((Path(__file__).resolve().parent.parent / "domain.yml").read_text())
    directory = load_directory()
    found = []
    for name, variants in domain["responses"].items():
        for variant in variants:
            text = fill_message(variant, directory).get("text") or ""
            found.extend((name, q) for q in questions_in(text))
    return found


def test_no_response_asks_for_identifying_details():
    questions = domain_questions()
    assert questions, "expected the domain to ask at least one question"
    asked = [
        (name, kind, q) for name, q in questions for kind, pattern in IDENTIFYING.items() if pattern.search(q)
    ]
    assert not asked, asked


@pytest.mark.parametrize(
    "question,kind",
    [
        ("What's your name?", "name"),
        ("Which school do you go to?", "school"),
        ("Where do you live?", "address"),
        ("Can you give me your phone number?", "phone number"),
        ("What is your postcode?", "full postcode"),
        ("What's your address?", "address"),
    ],
)
def test_the_identifying_check_catches_such_questions(question, kind):
    assert questions_in(f"Thank you. {question}") == [question]
    assert IDENTIFYING[kind].search(question)


def test_the_identifying_check_allows_coarse_questions():
    for question in (
        "Which London borough are you in?",
        "What's the first part of your postcode?",
        "How old are you?",
    ):
        assert not any(p.search(question) for p in IDENTIFYING.values()), question
