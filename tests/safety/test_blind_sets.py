"""Blind sets (tests/safety/blind/, docs/safety/blind-runs.md) through the risk stage as Rasa runs
it (bot.rasa_plugins.safety_net: lexicon + parts + the urgency classifier + language), without the NLU
model. Their first-run figures are recorded in docs/; these gates keep what was fixed fixed (the
classifier is trained on these sets, so they say nothing about a new set: the held-out figures
of bot/safety/holdout_eval.py do). Thresholds are issue 12's: at least
0.95 recall for emergency + medical and for crisis, at most 2% benign false alarms, and every
typed answer to the danger question read right."""

from pathlib import Path

import pytest
import yaml

from bot.safety.danger_answer import DANGER, MISUNDERSTOOD, NO, SAFE, read_answer
from bot.safety.language import is_not_english
from bot.safety.metrics import level_satisfies
from bot.safety.risk import assess_risk

BLIND = Path(__file__).parent / "blind"
SETS = sorted(p.name for p in BLIND.iterdir() if p.is_dir())  # b1, b2, ...: one folder per set
# only B1 came with a benign corpus (836 messages); the later sets carry their look-alikes inside
SETS_WITH_BENIGN = [name for name in SETS if (BLIND / name / "benign.yml").exists()]
ASK_BUTTONS = [
    {"title": "Yes, I'm in danger", "payload": "/report_immediate_danger"},
    {"title": "No, I'm safe right now", "payload": "/confirm_safe"},
    {"title": "You misunderstood me", "payload": "/correct_misunderstanding"},
]
OWN_RULE = {"crisis", "medical", "recent_assault"}
# answers whose writer's label the design overrides on purpose (docs/safety/blind-runs.md, "B11
# after fixes"): B11's writer assumed a second button "I'm not sure", but "2" on "Are you in danger
# right now?" is "No, I'm safe right now"; a bare "no" is that button too. Both get the one gentle
# re-check (999 and the question again), not the end of the route: these are read as that, and
# the test fails if they are read any other way. B13's writer labelled a typed "3" keep_urgent,
# but the third button is "You misunderstood me": the same gentle re-check (docs/safety/
# blind-runs.md, "B13 after fixes"). B15's writer labelled the typed title "You misunderstood me"
# keep_urgent (after a man outside school in a car): it is that button, so the same gentle
# re-check with 999 (docs/safety/blind-runs.md, "B15 after fixes").
BY_DESIGN = {
    "b11": {"2": SAFE, "no": NO},
    "b13": {"3": MISUNDERSTOOD},
    "b15": {"You misunderstood me": MISUNDERSTOOD},
}


def load(blind_set, name):
    path = BLIND / blind_set / name
    if not path.exists():
        pytest.skip(f"{blind_set} has no {name}")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def stage_level(text):
    """The level SafetyNet acts on; another language leads with 999 like `check`."""
    level = assess_risk(text).level
    if level is None and is_not_english(text):
        return "check"
    return level


def caught(expected, level, lang):
    if lang != "en" and level == "check":
        return True  # cannot be read: 999 with the interpreter line, and Childline
    return level_satisfies(expected, level)


@pytest.fixture(scope="module", params=SETS)
def urgent(request):
    return [(item, stage_level(item["text"])) for item in load(request.param, "urgent.yml")]


@pytest.mark.parametrize("levels", [("emergency", "medical"), ("crisis",)])
def test_urgent_recall(urgent, levels):
    rows = [(item, level) for item, level in urgent if item["level"] in levels]
    missed = [
        item["text"] for item, level in rows if not caught(item["level"], level, item.get("lang", "en"))
    ]
    assert len(rows) >= 30
    assert 1 - len(missed) / len(rows) >= 0.95, missed


def test_lookalikes_and_past_disclosures_raise_few_alarms(urgent):
    # English only: a message in another language gets the other-language reply by design
    english = [
        (item, level) for item, level in urgent if item["level"] == "none" and item.get("lang", "en") == "en"
    ]
    alarms = [item["text"] for item, level in english if level]
    assert len(alarms) / len(english) <= 0.05, alarms


@pytest.mark.parametrize("blind_set", SETS_WITH_BENIGN)
def test_benign_corpus_false_alarms_at_most_two_percent(blind_set):
    corpus = load(blind_set, "benign.yml")
    alarms = [item["text"] for item in corpus if stage_level(item["text"])]
    assert len(corpus) >= 600
    assert len(alarms) / len(corpus) <= 0.02, alarms


@pytest.mark.parametrize("blind_set", SETS)
def test_every_typed_answer_to_the_danger_question_is_read_right(blind_set):
    wrong = []
    for item in load(blind_set, "danger_answers.yml"):
        assessment = assess_risk(item["reply"])
        if assessment.level in OWN_RULE and not assessment.by_classifier:
            ok = item["expect"] == "keep_urgent"  # its own 999-first rule answers
        elif item["reply"] in BY_DESIGN.get(blind_set, {}):
            ok = read_answer(item["reply"], None, ASK_BUTTONS, DANGER) == BY_DESIGN[blind_set][item["reply"]]
        else:
            got = read_answer(item["reply"], None, ASK_BUTTONS, DANGER)
            ok = (got == DANGER) == (item["expect"] == "keep_urgent")
        if not ok:
            wrong.append(item["reply"])
    assert wrong == []
