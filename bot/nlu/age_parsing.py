"""Deterministic parsing of a young person's *own* stated age.

Pure functions, no Rasa imports: ``age_band_from_text("im only 12") == "under_13"``.

Design rules (see docs/conversation-design.md, "age_band"):

* Only the writer's own, present age counts: "im 14", "i'm only 12", "14 yo", "aged 15",
  "fifteen", "im in year 9", "im 16 now", "i just turned 15", a bare "15" as an answer.
* Someone else's age or a past age never counts: "he was 17", "she's 14", "a 17 year old boy",
  "when i was 8", "it happened 2 years ago", "at 3pm", "year 2019", "my 2 friends".
* When unsure, round DOWN so the age-based signposting stays safe: a UK school year maps to
  the lower age of that year (year 7 = 11, year 9 = 13, year 12 = 16), "turning 16" means 15.

Bands: ``under_13`` (< 13), ``13_15``, ``16_17``, ``18_plus``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

UNDER_13 = "under_13"
BAND_13_15 = "13_15"
BAND_16_17 = "16_17"
BAND_18_PLUS = "18_plus"
BANDS = (UNDER_13, BAND_13_15, BAND_16_17, BAND_18_PLUS)

MIN_AGE = 8  # below this a number after "im" is almost never an age ("im 1 of them")
MAX_AGE = 99
MAX_BARE_AGE = 25  # a bare number answer ("15") is read as an age only in this range

_WORD_NUMBERS = {
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
}
_YEAR_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
}

# UK (England) school years: year N pupils are N+4 at the start of the year and N+5 by its
# end. Year 7 = 11-12 ... year 13 = 17-18. We take the lower age.
_SCHOOL_YEAR_TO_AGE = {n: n + 4 for n in range(1, 14)}

_NUM = r"(?P<num>\d{1,2}(?!\d)(?:\.\d)?|" + "|".join(_WORD_NUMBERS) + r")"
_YEAR_NUM = r"(?P<year>\d{1,2}(?!\d)|" + "|".join(_YEAR_WORDS) + r")"

# "i'm", "im", "i m", "i am", "iam", "ima", "imma", "i’m" (curly apostrophe normalised first)
_I_AM = r"(?:\bi\s*'?\s*m\b|\bi\s+am\b|\biam\b|\bimm?a\b|\bwe\s*'?\s*re\b|\bwe\s+are\b)"
_SOFT = r"(?:(?:only|just|literally|like|actually|now|currently|both|still|all|aged?|nearly|almost)\s+)*"
_UNIT = r"(?:\s*(?:-\s*)?(?:yo|y/o|y\.o\.?|yrs?|years?|yr)?(?:\s*(?:-\s*)?old)?|\s*(?:f|m)\b)"

# a number followed by one of these is a quantity, not an age: "im 2 mins away", "im 100% sure",
# "im 10 years older than her", "im 5 foot", "im 3 stops away"
_NOT_AGE_AFTER = re.compile(
    r"^\s*(?:%|percent|pm\b|am\b|o'?clock|mins?\b|minutes?|hrs?\b|hours?|secs?\b|seconds?|"
    r"days?\b|weeks?|months?|ft\b|foot|feet|inch|cm\b|km\b|miles?|m\b\s+away|stops?\b|times?\b|"
    r"quid|pounds?|kg|kilos?|stone|of\b|out\s+of|outta|/|\+\s*\d|:\s*\d|"
    r"years?\s+(?:older|younger|ago|behind|ahead)|yrs?\s+(?:older|younger|ago)|"
    r"(?:in|by)\s+(?:the\s+)?(?:morning|evening))",
    re.IGNORECASE,
)

_PAST_OR_OTHER_BEFORE = re.compile(
    r"(?:\bwhen|\bsince|\bback|\bbefore|\buntil|\btill|\bafter|\bif|\bonce|\bwhile|\bwhilst)"
    r"\s*(?:i\s+|we\s+)?(?:was\s+|were\s+)?$",
    re.IGNORECASE,
)

# "i'm 14", "im only 12", "i am 15 years old", "we're both 14", "im a 14 year old girl"
_FIRST_PERSON_AGE = re.compile(
    _I_AM + r"\s*" + _SOFT + r"(?:(?:a|an)\s+)?" + _NUM + r"(?P<unit>" + _UNIT + r")",
    re.IGNORECASE,
)
# "my age is 14", "my age's 14", "age: 14", "aged 15" at the start, "age 15"
_MY_AGE = re.compile(
    r"(?:\bmy\s+age\s*(?:is|'s|=|:)?|^\W*(?:age|aged)\s*[:=-]?)\s*"
    + _SOFT
    + _NUM
    + r"(?P<unit>"
    + _UNIT
    + r")",
    re.IGNORECASE,
)
# "i just turned 15", "turned 13 last week" (at the start), not "when i turned 12"
_TURNED = re.compile(
    r"(?P<pre>(?:^|\bi\s+|\bi\s*'?\s*ve\s+|\bi\s+have\s+)(?:just\s+|only\s+|recently\s+)*)"
    r"turned\s+" + _NUM + r"\b",
    re.IGNORECASE,
)
# "im turning 16 next week", "ill be 16 in june" -> one year younger now
_TURNING = re.compile(
    r"(?:" + _I_AM + r"\s*(?:about\s+|nearly\s+|almost\s+|gonna\s+be\s+|going\s+to\s+be\s+)?turning"
    r"|\bi\s*'?\s*ll\s+be|\bi\s+will\s+be|\bill\s+be)\s+" + _NUM + r"\b",
    re.IGNORECASE,
)
# "i'm a year 9 form tutor", "im a sixth form teacher": staff, not a pupil's age
_STAFF = (
    r"\s*(?:form\s+|class\s+|head\s+of\s+)?(?:teacher|tutor|staff|lecturer|ta\b|dsl|head|coach|"
    r"worker|lead|leader|teaching|pastoral|mentor|student\s+teacher|assistant)"
)
# "im in year 9", "i'm in yr 10", "im a year 8", "im in y11", "we're in year 9"
_FIRST_PERSON_YEAR = re.compile(
    _I_AM
    + r"\s*"
    + _SOFT
    + r"(?:in\s+|a\s+)(?:(?:the\s+)?)(?:year|yr|y)\s*"
    + _YEAR_NUM
    + r"\b(?!"
    + _STAFF
    + r")",
    re.IGNORECASE,
)
_FIRST_PERSON_SIXTH = re.compile(
    _I_AM + r"\s*" + _SOFT + r"(?:in|at|a)\s+(?:(?:the|my)\s+)?"
    r"(?P<sixth>(?:lower|upper)\s+sixth|(?:lower|upper)\s+6th|sixth\s*form|6th\s*form|year\s+12|"
    r"college|(?<=in )primary(?:\s+school)?|(?<=at )primary(?:\s+school)?|uni\b|university)"
    r"(?!" + _STAFF + r")",
    re.IGNORECASE,
)
# "im under 13" -> under_13 (the only "under" that fixes a band), "im over 18" -> 18_plus
_UNDER_OVER = re.compile(
    _I_AM + r"\s*" + _SOFT + r"(?P<rel>under|over|above|below)\s+(?P<limit>13|18|thirteen|eighteen)\b",
    re.IGNORECASE,
)

# A short answer that is only an age or a school year: "15", "15 btw", "14 yo", "year 9",
# "yr10", "fifteen", "16 now", "14f". Leading/trailing filler is allowed.
_FILLER = (
    r"(?:ok|okay|k|um+|uh+|erm+|er|hmm+|well|so|yeah|yea|ye|yh|yes|hi|hey|hiya|its|it's|it\s+is|"
    r"i\s*'?\s*m|i\s+am|im|age|aged|my\s+age\s+is|like|only|just|umm+|lol|ngl|tbh|btw|now|rn|atm|"
    r"here|tho|though|innit|fr|x+|thx|thanks|ty|ig|i\s+guess|i\s+think|mate|bro|sis|and)"
)
_BARE_AGE = re.compile(
    r"^\W*(?:" + _FILLER + r"\W+)*" + _NUM + r"(?P<unit>" + _UNIT + r")"
    r"(?:\W*(?:nearly|almost|turning|going\s+on)\s+\d{1,2}\b)?\W*(?:" + _FILLER + r"\b\W*)*$",
    re.IGNORECASE,
)
_BARE_YEAR = re.compile(
    r"^\W*(?:"
    + _FILLER
    + r"\W+)*(?:in\s+)?(?P<y>year|yr|y)\s*"
    + _YEAR_NUM
    + r"\W*(?:"
    + _FILLER
    + r"\b\W*)*$",
    re.IGNORECASE,
)
_BARE_SIXTH = re.compile(
    r"^\W*(?:" + _FILLER + r"\W+)*(?:in\s+)?(?P<sixth>(?:lower|upper)\s+sixth|(?:lower|upper)\s+6th|"
    r"sixth\s*form|6th\s*form)\W*(?:" + _FILLER + r"\b\W*)*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AgeMatch:
    """A stated age found in a message: the age (lower bound), its band and the text span."""

    age: int
    band: str
    start: int
    end: int
    text: str


def band_for_age(age: int) -> str:
    """Map an age in years to an ``age_band`` value."""
    if age < 13:
        return UNDER_13
    if age < 16:
        return BAND_13_15
    if age < 18:
        return BAND_16_17
    return BAND_18_PLUS


def _normalise(text: str) -> str:
    """Same length as the input so that match offsets point into the original text."""
    return (
        text.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("`", "'")
        .replace("\u00b4", "'")
        .replace("\u2013", "-")
        .replace("\u2014", "-")
    )


def _to_int(token: str) -> Optional[int]:
    token = token.lower()
    if token in _WORD_NUMBERS:
        return _WORD_NUMBERS[token]
    try:
        return int(float(token))
    except ValueError:
        return None


def _year_to_age(token: str) -> Optional[int]:
    token = token.lower()
    year = _YEAR_WORDS.get(token)
    if year is None:
        try:
            year = int(token)
        except ValueError:
            return None
    return _SCHOOL_YEAR_TO_AGE.get(year)


def _sixth_to_age(phrase: str) -> Optional[int]:
    phrase = re.sub(r"\s+", " ", phrase.lower())
    if phrase.startswith("upper"):
        return 17
    if phrase.startswith(("uni", "university")):
        return 18
    if phrase.startswith("primary"):
        return 10
    return 16  # lower sixth, sixth form, year 12, (further education) college


def _quantity_follows(text: str, end: int) -> bool:
    return bool(_NOT_AGE_AFTER.match(text[end:]))


def _make(
    age: Optional[int], start: int, end: int, text: str, lo: int = MIN_AGE, hi: int = MAX_AGE
) -> Optional[AgeMatch]:
    if age is None or age < lo or age > hi:
        return None
    return AgeMatch(age=age, band=band_for_age(age), start=start, end=end, text=text[start:end])


def _span_end(m: re.Match, group: str = "num") -> int:
    """End of the match without trailing spaces swallowed by the optional unit."""
    end = m.end("unit") if "unit" in m.re.groupindex else m.end(group)
    while end > m.start(group) and m.string[end - 1].isspace():
        end -= 1
    return end


def find_age(text: Optional[str]) -> Optional[AgeMatch]:
    """Return the writer's own stated age in ``text``, or None.

    When several candidates are present the earliest one wins ("im 14 and hes 17" -> 14).
    """
    if not text or not text.strip():
        return None
    text = _normalise(text)
    candidates: list[AgeMatch] = []

    # whole-message answers first: "15", "year 9", "sixth form"
    m = _BARE_AGE.match(text)
    if m and not _quantity_follows(text, m.end("num")):
        hit = _make(_to_int(m.group("num")), m.start("num"), _span_end(m), text, hi=MAX_BARE_AGE)
        if hit:
            return hit
    m = _BARE_YEAR.match(text)
    if m:
        hit = _make(_year_to_age(m.group("year")), m.start("y"), m.end("year"), text, lo=5)
        if hit:
            return hit
    m = _BARE_SIXTH.match(text)
    if m:
        hit = _make(_sixth_to_age(m.group("sixth")), m.start("sixth"), m.end("sixth"), text)
        if hit:
            return hit

    for pattern in (_FIRST_PERSON_AGE, _MY_AGE):
        for m in pattern.finditer(text):
            if _quantity_follows(text, m.end("num")):
                continue  # "im 2 mins away", "im 10 years older than her"
            if _PAST_OR_OTHER_BEFORE.search(text[: m.start()]):
                continue  # "when im 18", "if im 16"
            hit = _make(_to_int(m.group("num")), m.start("num"), _span_end(m), text)
            if hit:
                candidates.append(hit)
                break

    for m in _TURNED.finditer(text):
        if _PAST_OR_OTHER_BEFORE.search(text[: m.start()]):
            continue  # "when i turned 12 he ..."
        hit = _make(_to_int(m.group("num")), m.start(), m.end(), text)
        if hit:
            candidates.append(hit)
            break

    for m in _TURNING.finditer(text):
        age = _to_int(m.group("num"))
        hit = _make(None if age is None else age - 1, m.start(), m.end(), text)
        if hit:
            candidates.append(hit)
            break

    for m in _FIRST_PERSON_YEAR.finditer(text):
        if _PAST_OR_OTHER_BEFORE.search(text[: m.start()]):
            continue  # "when i was in year 7" is not matched anyway; "when im in year 10"
        hit = _make(_year_to_age(m.group("year")), m.start(), m.end("year"), text, lo=5)
        if hit:
            candidates.append(hit)
            break

    for m in _FIRST_PERSON_SIXTH.finditer(text):
        hit = _make(_sixth_to_age(m.group("sixth")), m.start(), m.end(), text, lo=5)
        if hit:
            candidates.append(hit)
            break

    for m in _UNDER_OVER.finditer(text):
        rel = m.group("rel").lower()
        limit = _to_int(m.group("limit"))
        if rel in ("under", "below") and limit == 13:
            hit = _make(12, m.start(), m.end(), text)
        elif rel in ("over", "above") and limit == 18:
            hit = _make(18, m.start(), m.end(), text)
        else:
            hit = None
        if hit:
            candidates.append(hit)
            break

    if not candidates:
        return None
    return min(candidates, key=lambda c: c.start)


def age_band_from_text(text: Optional[str]) -> Optional[str]:
    """``under_13`` | ``13_15`` | ``16_17`` | ``18_plus`` for the writer's own stated age, else None."""
    hit = find_age(text)
    return hit.band if hit else None
