"""C20's false emergency loops in DangerQuestionPolicy (issue 13,
docs/conversation/c20-first-run-summary.md), in our own words (the set's lines stay the check):
after a possible-danger check on harm told as done before now or as a habit ("yesterday a man
followed me to my street"), with nothing in its words that says someone is here, coming, acting
now or tonight, a calm question or a feeling is answered as after any check on no danger now (999
first once, its answer, "are you safe?"; or the short "are you safe?"), not with the whole
emergency block again; an off-topic question after "anyway" or "nvm" is a question. Both ways:
a check with now, here, coming or a threat beside the story keeps the whole block."""

from pathlib import Path

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.danger_question_policy import asks_a_question, told_as_a_story
from tests.rasa_plugins.trackers import danger_question_policy, predicted as predicted_by, user

REPO = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(REPO / "domain.yml"))
ASK_BUTTONS = DOMAIN.responses["utter_ask_in_danger_now"][0]["buttons"]
BLOCK, SHORT = "utter_emergency_next_steps", "utter_ask_safe_now"
HEARD = ("utter_emergency_before_answer", "utter_emergency_question")


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    return danger_question_policy(tmp_path_factory.mktemp("storage"))


def after_check(
    answer, parts, check="on friday a man from the shop walked behind me to my street", level="check"
):
    """A conversation under way, a check on `check` with these word-class parts, "Are you in
    danger right now?", then `answer`."""
    events = [
        ActionExecuted(ACTION_LISTEN_NAME),
        user("some older lads near my college keep saying things to me", "disclose_harassment"),
        ActionExecuted("utter_acknowledge_harassment"),
        ActionExecuted(ACTION_LISTEN_NAME),
        user(check, "report_possible_danger", level=level, parts=parts),
        ActionExecuted("utter_safety_check"),
        BotUttered("call 999"),
        ActionExecuted("utter_ask_in_danger_now"),
        BotUttered("Are you in danger right now?", {"buttons": ASK_BUTTONS}),
        ActionExecuted(ACTION_LISTEN_NAME),
        user(answer, "nlu_fallback"),
    ]
    return DialogueStateTracker.from_events("c20", events, DOMAIN.slots)


def predicted(policy, tracker):
    return predicted_by(policy, tracker, DOMAIN)


TOLD_BEFORE_NOW = [
    ("pursuit", "recent", "yesterday_done"),
    ("pursuit", "earlier"),
    ("groping", "told_as_account"),
    ("intoxicant_taken", "habitual"),
]
CALM_QUESTIONS = [
    "is it actually against the law to walk behind someone like that",
    "can the police do anything if i never saw his face",
]
FEELINGS = [
    "honestly i just feel stupid for not running or saying anything",
    "i keep going over it in my head when im trying to sleep",
]


@pytest.mark.parametrize("parts", TOLD_BEFORE_NOW)
@pytest.mark.parametrize("text", CALM_QUESTIONS)
def test_a_calm_question_after_a_check_on_a_story_told_before_now_is_heard_not_the_block(policy, parts, text):
    assert told_as_a_story(frozenset(parts))
    assert predicted(policy, after_check(text, parts)) in HEARD


@pytest.mark.parametrize("parts", TOLD_BEFORE_NOW)
@pytest.mark.parametrize("text", FEELINGS)
def test_a_feeling_after_a_check_on_a_story_told_before_now_gets_the_short_recheck(policy, parts, text):
    assert predicted(policy, after_check(text, parts)) == SHORT


@pytest.mark.parametrize(
    "parts,level",
    [
        (("pursuit", "yesterday_done", "present_person"), "check"),  # and he is outside now
        (("pursuit", "earlier", "immediacy"), "check"),  # now
        (("groping", "told_as_account", "returning"), "check"),  # he is coming back
        (("pursuit", "yesterday_done", "threat"), "check"),  # a threat
        (("pursuit", "yesterday_done", "fear"), "check"),  # scared
        (("pursuit", "yesterday_done"), "emergency"),  # an emergency level is never a story
        (("pursuit",), "check"),  # nothing says when
    ],
)
def test_a_check_with_now_here_coming_or_no_time_keeps_the_whole_block(policy, parts, level):
    assert predicted(policy, after_check(FEELINGS[0], parts, level=level)) == BLOCK
    assert predicted(policy, after_check(CALM_QUESTIONS[0], parts, level=level)) == BLOCK


@pytest.mark.parametrize(
    "text",
    ["anyway nvm what should i study first for my science test", "btw can my school find out about this"],
)
def test_a_question_after_anyway_or_nvm_is_a_question(text):
    assert asks_a_question(text)


@pytest.mark.parametrize("text", ["anyway im at home now", "nvm hes gone"])
def test_an_answer_after_anyway_or_nvm_is_no_question(text):
    assert not asks_a_question(text)


@pytest.mark.parametrize(
    "text", ["yes", "idk", "hes outside my house right now", "im scared he will come back"]
)
def test_real_answers_after_a_check_on_a_story_still_get_the_whole_block(policy, text):
    assert predicted(policy, after_check(text, TOLD_BEFORE_NOW[0])) == BLOCK
