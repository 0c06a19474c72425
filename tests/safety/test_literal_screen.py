"""The literal screen may skip a regex only when it cannot match: checked on the constructs the
risk stage's files use, on texts Hypothesis builds to match each pattern, and on every message of
the safety test sets (the risk stage's results stay what running every regex gives)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.safety.lexicon import load_lexicon
from bot.safety.literal_screen import LiteralScreen, required_literals
from bot.safety.matcher import blank_idioms
from bot.safety.normalise import normalise
from bot.safety.risk import split_sentences
from bot.safety.risk_rules import load_risk_rules

SAFETY_TESTS = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    "pattern, literals",
    [
        (r"\bhe is here\b", {"he is here"}),
        (r"\b(?:he|she) is (?:here|outside)\b", {" is "}),  # the sequence's longest sure string
        (r"\b(?:outside|at the door)\b", {"outside", "at the door"}),
        (r"knife(?:s)? (?:in|on) (?:my|the) (?:bag|hand)s?", {"knife"}),
        (r"(?:a|b)+ coming", {" coming"}),
        (r"\b(?:stabbed|knifed)\b", {"stabbed", "knifed"}),
        (r"\b(?:stab|stabbed)\b", {"stab"}),  # the parser takes the shared "stab" out first
    ],
)
def test_required_literals_of_plain_constructs(pattern, literals):
    assert required_literals(pattern) == frozenset(literals)


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+",  # no fixed text at all
        r"(?:he |)\w+",  # an empty alternative: the branch requires nothing
        r"(?:knife)?\w+",  # optional group
        r"(?:knife)*\d",  # repeated zero or more times
        r"(?=knife)\w+",  # a look-ahead is not text consumed here
        r"(?i)knife",  # case-insensitive: the screen reads exact characters
        r"[a-z]+[0-9]",
    ],
)
def test_patterns_without_required_text_are_always_candidates(pattern):
    assert required_literals(pattern) is None
    screen = LiteralScreen([re.compile(pattern)])
    assert screen.candidates("") == {0} and screen.candidates("anything at all") == {0}


def test_the_longest_sure_string_is_chosen_over_a_short_one():
    # "in " is required too, but "door" rules out more texts
    assert required_literals(r"\bin (?:\w+ )?door\b") == {"door"}


def test_candidates_are_the_regexes_whose_literals_occur():
    regexes = [re.compile(p) for p in (r"\bhe is here\b", r"\bknife\b", r"\w+ coming")]
    screen = LiteralScreen(regexes)
    assert screen.candidates("he is here with a knife") == {0, 1}
    assert screen.candidates("hello") == set()
    assert screen.candidates("theyre coming") == {2}


def _every_regex():
    lexicon = load_lexicon()
    rules = load_risk_rules()
    return [
        ("emergency", [rule.regex for rule in lexicon.emergency], lexicon.emergency_screen),
        ("crisis", [rule.regex for rule in lexicon.crisis], lexicon.crisis_screen),
        ("masks", [rule.regex for rule in lexicon.masks], lexicon.mask_screen),
        ("parts", [part.regex for part in rules.parts], rules.screen),
    ]


def _test_set_texts() -> list[str]:
    texts = []
    for path in sorted(SAFETY_TESTS.glob("*.yml")) + sorted(SAFETY_TESTS.glob("blind/*/*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(item, dict):
                texts += [item[key] for key in ("text", "before", "reply") if isinstance(item.get(key), str)]
            elif isinstance(item, str):
                texts.append(item)
    return texts


def test_no_regex_that_matches_a_test_set_message_is_screened_out():
    """Every message of tests/safety (gold, must-catch, unseen, the blind sets), as the risk stage
    reads it: normalised whole and per sentence, with and without the idioms blanked."""
    lexicon = load_lexicon()
    texts = _test_set_texts()
    assert len(texts) > 2000
    readings = set()
    for text in texts:
        for sentence in [text, *split_sentences(text)]:
            words = normalise(sentence)
            readings.update({words, blank_idioms(words, lexicon)})
    missed = []
    for name, regexes, screen in _every_regex():
        for reading in readings:
            candidates = screen.candidates(reading)
            missed += [
                (name, index, reading[:80])
                for index, regex in enumerate(regexes)
                if index not in candidates and regex.search(reading)
            ]
    assert not missed, missed[:10]


@pytest.mark.parametrize(
    "name, regexes, screen", _every_regex(), ids=lambda v: v if isinstance(v, str) else ""
)
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(data=st.data())
def test_texts_built_to_match_a_pattern_keep_it_a_candidate(name, regexes, screen, data):
    index = data.draw(st.integers(min_value=0, max_value=len(regexes) - 1))
    text = data.draw(st.from_regex(regexes[index]))
    assert index in screen.candidates(text), (name, index, text)
