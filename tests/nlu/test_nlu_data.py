"""The NLU training data follows docs/conversation-design.md and the data rules."""

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
NLU_DIR = ROOT / "data" / "nlu"
DESIGN = ROOT / "docs" / "conversation-design.md"

URGENT = {
    "report_immediate_danger",
    "disclose_self_harm",
    "disclose_recent_assault",
    "report_medical_emergency",
}
DISCLOSURE = {
    "disclose_assault",
    "disclose_harassment",
    "disclose_image_abuse",
    "disclose_grooming",
    "disclose_adult_abuse",
    "disclose_past_abuse",
    "ask_does_it_count",
    "disclose_friend_concern",
}
FORBIDDEN_DIET_ENTITIES = {"borough", "borough_options", "age_band"}
# a full UK postcode (outward + inward), e.g. "SE15 5AB": must never be in training data
FULL_POSTCODE = re.compile(r"\b[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}\b")


def _design_intents():
    text = DESIGN.read_text(encoding="utf-8")
    section = text.split("## Intents", 1)[1].split("## Entities", 1)[0]
    intents = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 3:
            m = re.fullmatch(r"`([a-z_]+)`", cells[2])
            if m:
                intents.append(m.group(1))
    return intents


def _load():
    examples = defaultdict(list)
    for path in sorted(NLU_DIR.rglob("*.yml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert str(doc.get("version")) == "3.1", path
        for block in doc.get("nlu", []):
            if "intent" in block:
                for line in block["examples"].splitlines():
                    line = line.strip()
                    if line.startswith("- "):
                        examples[block["intent"]].append(line[2:].strip())
    return examples


EXAMPLES = _load()
DESIGN_INTENTS = _design_intents()


def test_design_lists_intents():
    assert len(DESIGN_INTENTS) >= 30


def test_every_design_intent_has_data_and_no_others():
    assert sorted(EXAMPLES) == sorted(DESIGN_INTENTS)


@pytest.mark.parametrize("intent", DESIGN_INTENTS)
def test_enough_examples(intent):
    minimum = 40 if intent in URGENT | DISCLOSURE else 25
    assert len(EXAMPLES[intent]) >= minimum, (intent, len(EXAMPLES[intent]))


def test_no_example_in_two_intents_or_twice():
    owner = defaultdict(set)
    for intent, exs in EXAMPLES.items():
        counts = Counter(exs)
        assert not [e for e, n in counts.items() if n > 1], intent
        for e in exs:
            owner[e.lower()].add(intent)
    clashes = {e: i for e, i in owner.items() if len(i) > 1}
    assert not clashes


def test_no_diet_labels_for_deterministic_entities():
    for intent, exs in EXAMPLES.items():
        for e in exs:
            for name in FORBIDDEN_DIET_ENTITIES:
                assert f"({name})" not in e and f'"entity": "{name}"' not in e, (intent, e)


def test_no_full_postcodes():
    for intent, exs in EXAMPLES.items():
        for e in exs:
            assert not FULL_POSTCODE.search(e), (intent, e)


def test_inform_age_examples_are_parsed_by_the_age_extractor():
    from bot.nlu.age_parsing import age_band_from_text

    missed = [e for e in EXAMPLES["inform_age"] if age_band_from_text(e) is None]
    assert not missed


def test_recent_assault_examples_say_when():
    when = re.compile(
        r"last night|yesterday|earlier|today|this morning|tonight|on (mon|tues|wednes|thurs|fri|"
        r"satur|sun)day|(mon|tues|wednes|thurs|fri|satur|sun)day|few days|couple of days|"
        r"\d+ (days|nights) ago|weekend",
        re.IGNORECASE,
    )
    assert not [e for e in EXAMPLES["disclose_recent_assault"] if not when.search(e)]


def test_assault_examples_do_not_say_when():
    when = re.compile(
        r"last night|yesterday|earlier|today|years? ago|when i was (\d|little|young|a)|"
        r"tonight|days? ago",
        re.IGNORECASE,
    )
    assert not [e for e in EXAMPLES["disclose_assault"] if when.search(e)]


def test_place_lookup_covers_all_33_london_boroughs():
    doc = yaml.safe_load((NLU_DIR / "lookups" / "places.yml").read_text(encoding="utf-8"))
    lookup = next(b for b in doc["nlu"] if b.get("lookup") == "london_place")
    names = {line.strip()[2:] for line in lookup["examples"].splitlines() if line.strip()}
    boroughs = [
        "barking and dagenham",
        "barnet",
        "bexley",
        "brent",
        "bromley",
        "camden",
        "city of london",
        "croydon",
        "ealing",
        "enfield",
        "greenwich",
        "hackney",
        "hammersmith and fulham",
        "haringey",
        "harrow",
        "havering",
        "hillingdon",
        "hounslow",
        "islington",
        "kensington and chelsea",
        "kingston upon thames",
        "lambeth",
        "lewisham",
        "merton",
        "newham",
        "redbridge",
        "richmond upon thames",
        "southwark",
        "sutton",
        "tower hamlets",
        "waltham forest",
        "wandsworth",
        "westminster",
    ]
    assert len(boroughs) == 33
    assert not [b for b in boroughs if b not in names]


def test_outward_postcode_regex_matches_outward_codes_only():
    doc = yaml.safe_load((NLU_DIR / "lookups" / "places.yml").read_text(encoding="utf-8"))
    block = next(b for b in doc["nlu"] if b.get("regex") == "outward_postcode")
    pattern = re.compile(block["examples"].strip()[2:])
    for text in ["im in SE15", "n17", "e8", "CR0", "nw10", "ub8"]:
        assert pattern.search(text), text
    for text in ["hello", "i was 15", "year 9", "bus 38"]:
        assert not pattern.search(text), text
