"""The blind conversation sets (tests/conversation/blind/*.yml, each written by a helper that read
nothing of the project; first runs recorded in docs/conversation/README.md, never re-scored)
replayed through the whole assistant:
trained model, dialogue policies, custom actions and the project's NLG. Needs models/current.tar.gz
(fails under CI without it, skips elsewhere). About a minute a set: one replay per set."""

from __future__ import annotations

import asyncio
import collections
import re
from pathlib import Path

import pytest
import yaml

from bot.conversation.blind_run import routes_named, run
from bot.conversation.trusted_adults import speaker_of
from bot.rasa_plugins.danger_question_policy import (
    ASIDE,
    ASK_SAFE_NOW,
    BEFORE_ANSWER,
    EMERGENCY_STEPS,
    MOVES_ON_WORDS,
    asks_a_question,
)
from bot.safety.danger_answer import asks_nothing_urgent, tells_something_new
from tests.serve.live import MODEL, require_model

pytestmark = pytest.mark.needs_rasa  # the trained model (make test-fast leaves it out)

SETS = sorted((Path(__file__).parent / "blind").glob("*.yml"))  # issue13, c2, ...
# replies written for a young person who was harmed: never for an adult (issue 13)
VICTIM_REPLIES = re.compile(
    r"^utter_(acknowledge_|recent_assault$|invite_to_share$|not_your_fault$|topic_followup$)"
)
BAR = 0.9  # issue 13: >= 90% of young people's and of adults' conversations


@pytest.fixture(scope="module", params=SETS, ids=[p.stem for p in SETS])
def replayed(request, tmp_path_factory):
    require_model()
    conversations = yaml.safe_load(request.param.read_text(encoding="utf-8"))
    return asyncio.run(run(MODEL, conversations, tmp_path_factory.mktemp("blind-conv")))


@pytest.mark.parametrize("who", ["young_person", "adult"])
def test_a_fitting_route_is_named_in_the_disclosure_turn_or_the_next(replayed, who):
    rows = [r for r in replayed if r["who"] == who]
    missed = [r["id"] for r in rows if not r["named_in_time"]]
    assert 1 - len(missed) / len(rows) >= BAR, missed


def test_adults_are_recognised_in_time_and_never_answered_as_the_victim_after(replayed):
    # a first message that does not show who is writing ("a group of Year 9 boys keep grabbing
    # girls") can only be read as a young person's; from the message that shows an adult on, never
    late, wrong = [], []
    for r in replayed:
        if r["who"] != "adult":
            continue
        shown = next((n for n, turn in enumerate(r["turns"], 1) if speaker_of(turn)), None)
        if shown is None or shown > r["disclosure_turn"] + 1:
            late.append(r["id"])
            continue
        wrong += [
            (r["id"], n, a)
            for n, turn in enumerate(r["transcript"], 1)
            if n >= shown
            for a in turn["actions"]
            if VICTIM_REPLIES.match(a)
        ]
    assert late == [] and wrong == []


def test_no_button_or_service_line_is_repeated_in_one_turn(replayed):
    repeats = []
    for r in replayed:
        for n, turn in enumerate(r["transcript"], 1):
            bullets = [
                line.strip().split(":")[0]
                for text in turn["texts"]
                for line in text.splitlines()
                if line.strip().startswith("•")
            ]
            for name, count in collections.Counter(turn["buttons"] + bullets).items():
                if count > 1:
                    repeats.append((r["id"], n, name))
    assert repeats == []


def test_an_adult_asking_about_a_nude_image_is_told_never_to_copy_it(replayed):
    nude_cases = [
        r for r in replayed if r["who"] == "adult" and "UKCIS Sharing nudes guidance" in r["fitting_routes"]
    ]
    if not nude_cases:
        pytest.skip("no adult asks about a nude image in this set")
    for r in nude_cases:
        d = r["disclosure_turn"]
        said = "\n".join(t for turn in r["transcript"][d - 1 : d + 1] for t in turn["texts"])
        assert "Don't view, copy, screenshot" in said, r["id"]


def test_an_adult_with_a_concern_about_staff_gets_the_lado_route(replayed):
    cases = [r for r in replayed if r["who"] == "adult" and "LADO" in r["fitting_routes"]]
    if not cases:
        pytest.skip("no such conversation in this set")
    for r in cases:
        d = r["disclosure_turn"]
        window = [t for turn in r["transcript"][d - 1 : d + 1] for t in turn["texts"]]
        assert "LADO" in routes_named(window), r["id"]


def test_sextortion_gets_dont_pay_in_time(replayed):
    # chosen by the writer's own description of the situation, not by our patterns
    cases = [
        r
        for r in replayed
        if re.search(
            r"sextort|blackmail|threaten\w* to (share|post|send|leak)|demand\w* £", r["situation"], re.I
        )
    ]
    if not cases:
        pytest.skip("no such conversation in this set")
    for r in cases:
        d = r["disclosure_turn"]
        said = "\n".join(t for turn in r["transcript"][d - 1 : d + 1] for t in turn["texts"]).lower()
        assert "don't pay" in said or "not pay" in said, r["id"]


# urgent replies may be said again while the danger lasts (issue 12: only a clear "safe" ends it)
URGENT_REPEATABLE = {
    "utter_emergency",
    "utter_emergency_next_steps",
    "utter_emergency_question",
    "utter_emergency_before_answer",
    "utter_emergency_before_local",
    "utter_emergency_stop",
    "utter_ask_safe_now",
    "utter_adult_emergency",
    "utter_ask_in_danger_now",
    "utter_recheck_danger",
    "utter_safety_check",
    "utter_medical",
    "utter_crisis",
    "utter_crisis_followup",
    "utter_other_language",
}


def test_no_reply_is_given_twice_in_one_conversation(replayed):
    # issue 13 item 6 and C2's first run (18 conversations repeated a reply): more of the same
    # disclosure, a question asked again or a follow-up gets something new or short
    repeats = []
    for r in replayed:
        seen = set()
        for n, turn in enumerate(r["transcript"], 1):
            for action in turn["actions"]:
                if action.startswith("utter_") and action not in URGENT_REPEATABLE:
                    if action in seen:
                        repeats.append((r["id"], n, action))
                    seen.add(action)
    assert repeats == []


def whole_block_again_for_nothing_urgent(transcript: list[dict]) -> list[int]:
    """The turns (1-based) on which the whole emergency block (utter_emergency_next_steps) was
    given a third time or more in a conversation for a message in which the risk stage found
    nothing urgent (no level), that tells of no danger and answers nothing
    (danger_answer.tells_something_new: no danger part, button, number, 999, unsure cue, yes or no
    first, nobody arriving), and that has MOVES_ON_WORDS words or more or is a short aside. An
    unsure answer ("idk", "maybe") may get it again; such a message never should."""
    given, turns = 0, []
    for n, turn in enumerate(transcript, 1):
        if EMERGENCY_STEPS not in turn["actions"]:
            continue
        text = turn["user"]
        calm = turn.get("level") is None and tells_something_new(text)
        if given >= 2 and calm and (len(text.split()) >= MOVES_ON_WORDS or ASIDE.match(text.strip())):
            turns.append(n)
        given += 1
    return turns


def test_the_whole_emergency_block_is_not_given_a_third_time_for_nothing_urgent(replayed):
    # C9's first run: once the danger question was answered with anything but a clear "safe",
    # every later message got "Please call 999 now if you can ..." in 14 of 30 young people's
    # conversations, a story going on or "sorry" for slow typing
    looped = [(r["id"], n) for r in replayed for n in whole_block_again_for_nothing_urgent(r["transcript"])]
    assert looped == []


HEARD_QUESTION = "utter_emergency_question"  # a question heard with 999 first and no answer


def call_999_first_again_for_a_calm_question(transcript: list[dict]) -> list[int]:
    """The turns (1-based) on which "please call 999 first" (utter_emergency_before_answer or
    utter_emergency_question) was given for a question in which the risk stage found nothing
    urgent (no level) and that tells of no danger, no 999 and nobody arriving
    (danger_answer.asks_nothing_urgent), asked right after the route had asked "are you safe?"
    again (utter_ask_safe_now or utter_emergency_question last in the turn before, not the whole
    block: after it, 999 first once is the plan)."""
    turns = []
    for n, turn in enumerate(transcript[1:], 2):
        before = [
            a for a in transcript[n - 2]["actions"] if a in (EMERGENCY_STEPS, ASK_SAFE_NOW, HEARD_QUESTION)
        ]
        if not before or before[-1] == EMERGENCY_STEPS:
            continue
        if not {BEFORE_ANSWER, HEARD_QUESTION} & set(turn["actions"]):
            continue
        text = turn["user"]
        if turn.get("level") is None and asks_a_question(text) and asks_nothing_urgent(text):
            turns.append(n)
    return turns


def test_call_999_first_is_not_said_again_for_a_calm_question_once_are_you_safe_was_asked_again(replayed):
    # C10's first run: "If you're in danger, please call 999 first" before the answer to every
    # question asked inside the route, turn after turn (31 times in 40 conversations)
    looped = [
        (r["id"], n) for r in replayed for n in call_999_first_again_for_a_calm_question(r["transcript"])
    ]
    assert looped == []
