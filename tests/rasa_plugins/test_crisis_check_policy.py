"""CrisisCheckPolicy (bot/rasa_plugins/crisis_check_policy.py) with real Rasa trackers and the
real domain: a follow-up the urgency classifier alone read as a crisis is asked about first;
a first message, a crisis the word classes read, and an answer to a danger question are not
its turns. The answer to the check belongs to DangerQuestionPolicy."""

from pathlib import Path

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.crisis_check_policy import CrisisCheckPolicy
from bot.rasa_plugins.danger_question_policy import DangerQuestionPolicy
from tests.rasa_plugins.trackers import bot_turn, created_policy, listened_then, user
from tests.rasa_plugins.trackers import predicted as predicted_by

REPO = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(REPO / "domain.yml"))


@pytest.fixture(scope="module")
def policies(tmp_path_factory):
    return created_policy(CrisisCheckPolicy, tmp_path_factory.mktemp("a")), created_policy(
        DangerQuestionPolicy, tmp_path_factory.mktemp("b")
    )


def said(text, intent="disclose_harassment", by_classifier=False, level=None):
    return listened_then(user(text, intent, level=level, by_classifier=by_classifier))


bot = bot_turn


def predicted(policy, events):
    return predicted_by(policy, DialogueStateTracker.from_events("t", events, DOMAIN.slots), DOMAIN)


EARLIER = said("a boy in my class keeps sending me stuff") + bot("utter_acknowledge_harassment")
WORRY = "i really dont want it to become a big deal"


def test_a_follow_up_read_as_crisis_by_the_classifier_alone_is_asked_about(policies):
    check, _ = policies
    events = EARLIER + said(WORRY, "disclose_self_harm", by_classifier=True, level="crisis")
    assert predicted(check, events) == "utter_check_crisis"
    assert predicted(check, events + bot("utter_check_crisis")) == ACTION_LISTEN_NAME


def test_a_first_message_gets_the_crisis_reply_by_its_rule(policies):
    check, _ = policies
    assert (
        predicted(check, said("nobody would notice if i was gone", "disclose_self_harm", True, "crisis"))
        is None
    )


def test_a_crisis_the_word_classes_read_is_never_only_asked_about(policies):
    check, _ = policies
    assert (
        predicted(check, EARLIER + said("i want to kill myself", "disclose_self_harm", False, "crisis"))
        is None
    )


def test_an_answer_to_the_danger_question_stays_with_the_danger_policy(policies):
    check, _ = policies
    events = EARLIER + bot("utter_ask_in_danger_now") + said(WORRY, "disclose_self_harm", True, "crisis")
    assert predicted(check, events) is None


@pytest.mark.parametrize(
    "answer,intent,expected",
    [
        ("yes", "affirm", "utter_crisis"),
        ("idk maybe", "out_of_scope", "utter_crisis"),
        ("no", "deny", "utter_crisis_check_declined"),
        ("no im ok", "deny", "utter_crisis_check_declined"),
        ("no thats not it", "deny", "utter_crisis"),  # the danger reader is cautious: unsure keeps it
        ("/correct_misunderstanding", "correct_misunderstanding", "utter_crisis_check_declined"),
    ],
)
def test_the_answer_to_the_check(policies, answer, intent, expected):
    _, danger = policies
    events = (
        EARLIER
        + said(WORRY, "disclose_self_harm", True, "crisis")
        + bot("utter_check_crisis", DOMAIN.responses["utter_check_crisis"][0]["buttons"])
        + said(answer, intent)
    )
    assert predicted(danger, events) == expected


@pytest.mark.parametrize(
    "answer,level,expected",
    [
        ("is there a way to get the pics taken down?", None, None),  # a new question: answered as itself
        ("it happened in the changing rooms after pe on thursday", None, None),
        ("idk", None, "utter_crisis"),  # unsure is an answer
        ("everyone would be better off without me tbh", "crisis", "utter_crisis"),
    ],
)
def test_something_new_after_the_check_is_not_an_answer(policies, answer, level, expected):
    _, danger = policies
    events = (
        EARLIER
        + said(WORRY, "disclose_self_harm", True, "crisis")
        + bot("utter_check_crisis", DOMAIN.responses["utter_check_crisis"][0]["buttons"])
        + said(answer, "disclose_self_harm" if level else "nlu_fallback", by_classifier=True, level=level)
    )
    assert predicted(danger, events) == expected


def test_asked_once_then_the_crisis_reply(policies):
    check, _ = policies
    events = (
        EARLIER
        + bot("utter_check_crisis")
        + said("anyway i have tablets in my room", "disclose_self_harm", True, "crisis")
    )
    assert predicted(check, events) is None  # the rule's utter_crisis


@pytest.mark.parametrize("before", ["utter_crisis", "utter_crisis_followup"])
def test_after_the_crisis_reply_a_follow_up_is_heard_not_given_the_same_block(policies, before):
    # C5's first run: "no i havent done anything. im just in my room" got the whole crisis reply again
    check, _ = policies
    events = (
        EARLIER
        + bot(before)
        + said("nah i havent done nothing im just lying here", "disclose_self_harm", True, "crisis")
    )
    assert predicted(check, events) == "utter_crisis_followup"
    # a crisis the word classes read is the rule's full reply, every time
    words = EARLIER + bot(before) + said("i want to die", "disclose_self_harm", False, "crisis")
    assert predicted(check, words) is None


@pytest.mark.parametrize(
    "text,by_classifier",
    [("theres a packet of paracetamol in the kitchen", False), ("ive got a blade under my bed", True)],
)
def test_a_means_at_hand_after_the_crisis_reply_is_named_in_the_reply(policies, text, by_classifier):
    # C8's first run: "i have tablets in my room" got the crisis lines again, the tablets unmentioned
    check, _ = policies
    events = EARLIER + bot("utter_crisis") + said(text, "disclose_self_harm", by_classifier, "crisis")
    assert predicted(check, events) == "utter_crisis_means"
    assert predicted(check, events + bot("utter_crisis_means")) == ACTION_LISTEN_NAME
    reply = DOMAIN.responses["utter_crisis_means"][0]
    assert "[[emergency_999.phone]]" in reply["text"] and "taken" in reply["text"]


def test_a_means_named_before_any_crisis_or_outside_self_harm_keeps_its_own_reply(policies):
    check, _ = policies
    # no crisis reply yet: the crisis reply itself comes first, by its rule
    assert (
        predicted(check, EARLIER + said("i have tablets in my room", "disclose_self_harm", False, "crisis"))
        is None
    )
    # a young person's ordinary mention of medicine after a crisis reply, not a self-harm turn
    events = EARLIER + bot("utter_crisis") + said("my mum takes tablets for her back", "nlu_fallback")
    assert predicted(check, events) is None


@pytest.mark.parametrize(
    "text,by_classifier",
    [
        # C15's kind, in our own words: a friend's threat or act told by a young person
        ("she told me she'll end her life if her dad finds out", False),
        ("my mate keeps saying he wants to die and hes stopped eating", True),
        ("my sister has been cutting herself again", False),
    ],
)
def test_someone_elses_crisis_gets_the_friend_reply_with_the_same_marker(policies, text, by_classifier):
    check, _ = policies
    events = said(text, "disclose_self_harm", by_classifier, "crisis")
    assert predicted(check, events) == "utter_crisis_friend"
    assert predicted(check, events + bot("utter_crisis_friend")) == ACTION_LISTEN_NAME
    assert DOMAIN.responses["utter_crisis_friend"][0]["custom"] == {"urgency": "crisis"}


@pytest.mark.parametrize(
    "text",
    [
        "my friend said she wants to die and honestly so do i",
        "he said he would kill me",
        "i want to end my life",
    ],
)
def test_the_writers_own_crisis_keeps_its_own_reply(policies, text):
    check, _ = policies
    assert predicted(check, said(text, "disclose_self_harm", False, "crisis")) is None


def danger_now(text, rules, adult=None):
    parse = {
        "intent": {"name": "report_immediate_danger", "confidence": 1.0},
        "text": text,
        "safety_net": {"level": "emergency", "by_classifier": False, "rules": list(rules)},
    }
    events = [ActionExecuted(ACTION_LISTEN_NAME)]
    if adult:
        from rasa.shared.core.events import SlotSet

        events.append(SlotSet("trusted_adult", adult))
    return events + [UserUttered(text, parse["intent"], parse_data=parse)]


SEXTORTION_AND_A_WISH = (
    "hes sending my pics to everyone at 9 unless i pay. id rather be dead than have my dad see. i mean it"
)
BOTH = ("emergency.image_threat_with_deadline", "crisis.rather_dead_and_meant")


def test_danger_now_whose_words_also_tell_a_crisis_gets_the_crisis_lines_too(policies):
    # B21: the emergency reply alone left out the crisis lines; the plan is the emergency reply,
    # the crisis lines (their own marker), then "Are you in danger right now?"
    check, _ = policies
    events = danger_now(SEXTORTION_AND_A_WISH, BOTH)
    plan = ["utter_emergency", "utter_crisis_beside_emergency", "utter_ask_in_danger_now", ACTION_LISTEN_NAME]
    for action in plan:
        assert predicted(check, events) == action
        events = events + bot(action)


def test_danger_now_without_crisis_words_keeps_its_rule(policies):
    check, _ = policies
    assert predicted(check, danger_now("hes outside with a knife", ("emergency.armed_and_near",))) is None


def test_an_adults_danger_now_with_crisis_words_is_the_adult_policys(policies):
    check, _ = policies
    assert predicted(check, danger_now(SEXTORTION_AND_A_WISH, BOTH, adult="parent_carer")) is None


def test_the_crisis_lines_beside_the_emergency_reply_name_the_lines_and_999(domain_yaml, directory):
    from bot.nlg.placeholders import fill_message

    text = fill_message(domain_yaml["responses"]["utter_crisis_beside_emergency"][0], directory)["text"]
    for word in ("Childline", "Samaritans", "Shout", "999"):
        assert word in text
