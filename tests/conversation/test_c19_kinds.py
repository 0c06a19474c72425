"""C19's failure kinds, in our own words (never the set's sentences), tested both ways.

False emergency loops: after a possible-danger check inside a conversation, a feeling, a worry
about what happens next or a calm question is no new danger detail (the route is kept with the
short "are you safe?" and 999, not the whole block), and a hedge inside a feeling or a
self-doubting thought ("feel kind of ...", "maybe i'm meant to ...") is no unsure answer; real
answers (yes, unsure, a number, 999, a danger now) still keep the whole block."""

from pathlib import Path

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.turn_policy import answers_a_danger_question, latest_turn
from bot.safety.danger_answer import tells_something_new
from bot.safety.risk import assess_risk, default_risk_data
from tests.rasa_plugins.trackers import danger_question_policy, predicted as predicted_by, user

REPO = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(REPO / "domain.yml"))
ASK_BUTTONS = DOMAIN.responses["utter_ask_in_danger_now"][0]["buttons"]
SAFE_BUTTONS = DOMAIN.responses["utter_ask_safe_now"][0]["buttons"]
BLOCK, SHORT = "utter_emergency_next_steps", "utter_ask_safe_now"


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    return danger_question_policy(tmp_path_factory.mktemp("storage"))


def after_check(answer, check="my coach keeps adding me on a new account", parts=(), level="check"):
    """A conversation under way, a check on `check`, "Are you in danger right now?", `answer`."""
    events = [
        ActionExecuted(ACTION_LISTEN_NAME),
        user("can i ask something about a person at my club", "start_disclosure"),
        ActionExecuted("utter_invite_to_share"),
        ActionExecuted(ACTION_LISTEN_NAME),
        user(check, "report_possible_danger", level=level, parts=parts),
        ActionExecuted("utter_safety_check"),
        BotUttered("call 999"),
        ActionExecuted("utter_ask_in_danger_now"),
        BotUttered("Are you in danger right now?", {"buttons": ASK_BUTTONS}),
        ActionExecuted(ACTION_LISTEN_NAME),
        user(answer, "nlu_fallback"),
    ]
    return DialogueStateTracker.from_events("c19", events, DOMAIN.slots)


def after_question(question, answer):
    events = [
        ActionExecuted(ACTION_LISTEN_NAME),
        user("he said hed show everyone", "report_possible_danger", level="check"),
        ActionExecuted(question),
        BotUttered("Are you somewhere safe now?", {"buttons": SAFE_BUTTONS}),
        ActionExecuted(ACTION_LISTEN_NAME),
        user(answer, "nlu_fallback"),
    ]
    return DialogueStateTracker.from_events("c19", events, DOMAIN.slots)


def predicted(policy, tracker):
    return predicted_by(policy, tracker, DOMAIN)


# feelings and worries about what happens next, with no danger cue and no answer cue
FEELINGS_AND_WORRIES = [
    "honestly i just feel really embarrassed about the whole thing",
    "my brother would never let me hear the end of it if he found out",
    "i dont want anyone at school to get in trouble because of me",
    "everyone in my family thinks hes amazing so nobody would listen",
]
CALM_QUESTIONS = [
    "will i get in trouble for talking to him in the first place",
    "can the school find out if i tell someone",
]


@pytest.mark.parametrize("text", FEELINGS_AND_WORRIES)
def test_a_feeling_or_worry_after_a_possible_danger_check_keeps_999_but_not_the_whole_block(policy, text):
    tracker = after_check(text)
    assert predicted(policy, tracker) == SHORT  # 999 and "are you safe?" again, emergency marked
    assert answers_a_danger_question(latest_turn(tracker))


@pytest.mark.parametrize("text", CALM_QUESTIONS)
def test_a_calm_question_after_a_possible_danger_check_is_heard_with_999_first(policy, text):
    assert predicted(policy, after_check(text)) in (
        "utter_emergency_before_answer",
        "utter_emergency_question",
    )


@pytest.mark.parametrize(
    "text",
    [
        "yes",
        "idk",
        "kind of",
        "1",
        "999",
        "hes parked outside my house right now",  # a new danger detail
        "im scared to go out he might be waiting",
        "he just came back in",
        "no not really he is still messaging me saying hes nearby",
        "hold on",
    ],
)
def test_real_answers_after_a_possible_danger_check_still_get_the_whole_block(policy, text):
    assert predicted(policy, after_check(text)) == BLOCK


@pytest.mark.parametrize(
    "check,parts,level",
    [
        ("hes outside my door right now", ("present_person",), "check"),
        ("he has a knife and hes shouting", ("armed",), "emergency"),
    ],
)
def test_after_a_check_on_danger_now_a_feeling_still_gets_the_whole_block(policy, check, parts, level):
    assert predicted(policy, after_check(FEELINGS_AND_WORRIES[0], check, parts, level)) == BLOCK


@pytest.mark.parametrize(
    "text",
    [
        "i dont want a fuss i just feel kind of dirty tbh",
        "i just feel sort of weird about it all now",
        "maybe im supposed to just forget it ever happened",
        "i think im overreacting about all of this",
        "probably just being dramatic about it tbh",
    ],
)
def test_a_hedge_in_a_feeling_or_a_self_doubt_is_no_unsure_answer(policy, text):
    assert tells_something_new(text)
    # after the whole block: the short "are you safe?"; after it was asked again: the route ends
    assert predicted(policy, after_question(BLOCK, text)) == SHORT
    assert predicted(policy, after_question(SHORT, text)) is None


@pytest.mark.parametrize(
    "text",
    [
        "kind of",
        "maybe idk",
        "my dad is back at 7 i think",
        "maybe im safe at my aunties now",
        "i feel kind of scared hes still around",
        "maybe hes coming back later",
        "i think hes outside my window",
    ],
)
def test_unsure_answers_and_danger_in_a_hedge_still_keep_the_whole_block(policy, text):
    assert not tells_something_new(text)
    assert predicted(policy, after_question(SHORT, text)) == BLOCK


def _with_borough(tracker, borough):
    tracker.latest_message.entities.append({"entity": "borough", "value": borough})
    return tracker


@pytest.mark.parametrize("question", [SHORT, "utter_emergency_question"])
def test_a_borough_in_the_story_after_a_re_ask_gets_its_services_without_999_again(policy, question):
    text = "my mate and me both go to the same school in ealing"
    tracker = _with_borough(after_question(question, text), "ealing")
    assert predicted(policy, tracker) == "action_show_local_support"
    tracker.update(ActionExecuted("action_show_local_support"))
    assert predicted(policy, tracker) == ACTION_LISTEN_NAME


@pytest.mark.parametrize(
    "question,text",
    [
        (BLOCK, "my mate and me both go to the same school in ealing"),  # right after the block
        (SHORT, "my nans in ealing"),  # short: an answer with a place
        (SHORT, "hes waiting for me outside the station in ealing"),  # danger told
        (SHORT, "idk were somewhere in ealing i think"),  # unsure
    ],
)
def test_a_borough_right_after_the_block_or_with_an_answer_keeps_999_first(policy, question, text):
    tracker = _with_borough(after_question(question, text), "ealing")
    assert predicted(policy, tracker) in ("utter_emergency_before_local", BLOCK)


# an adult's "I feel sick" at what they found is a feeling, not a medical sign: no ambulance
@pytest.mark.parametrize(
    "text",
    [
        "I feel sick. What kind of man does that to a child? I want him gone today.",
        "I feel physically sick. How could my own son do this? He has to leave tonight.",
    ],
)
def test_feeling_sick_at_what_was_found_is_no_medical_emergency(text):
    assert assess_risk(text, default_risk_data()).level != "medical"


@pytest.mark.parametrize(
    "text",
    [
        "i swallowed a load of my nans tablets and i feel sick",
        "i feel sick and dizzy and my lips have gone blue",
        "he hit my head on the wall and now i feel sick",
    ],
)
def test_feeling_sick_beside_a_real_medical_cue_stays_medical(text):
    assert assess_risk(text, default_risk_data()).level == "medical"


# shame, family honour and guilt about parents explain why telling is hard: no suicide cue
# (not the lines of urgency_examples/conversation_calm_kinds_c19.yml: these are held out)
@pytest.mark.parametrize(
    "text",
    [
        "its sharam in my family to even say this stuff",
        "its izzat, nobody in my family would ever talk about it",
        "it would bring shame on my dad",
        "my parents would be so disappointed in me",
        "my abbu would be crushed, we dont talk about things like this",
        "i feel guilty cos my mum has done so much for me",
        "i dont want to look ungrateful to my uncle",
        "i dont want to come across as ungrateful",
    ],
)
def test_shame_family_honour_and_guilt_about_parents_are_no_crisis(text):
    assert assess_risk(text, default_risk_data()).level is None


@pytest.mark.parametrize(
    "text",
    [
        "the shame is too much i dont want to be alive",
        "im so ashamed of myself i keep thinking about cutting again",
        "if they find out i will kill myself",
        "i feel like such a burden to my family",
        "my family would be better off without me honestly",
    ],
)
def test_shame_or_guilt_beside_a_wish_to_die_or_self_harm_stays_crisis(text):
    assert assess_risk(text, default_risk_data()).level in ("crisis", "medical", "emergency")


EXPOSURES = [
    "some guy flashed me on the way home from school",
    "this old man on the bus got his thing out and was looking at me",
    "a man in the park was touching himself in front of me and my friend",
    "a man on the train had his flies open and kept staring at me",
    "a boy in year 10 showed me his dick on facetime",
]
NOT_EXPOSURES = [
    "my mate showed me his new trainers",
    "he showed me his scar from the operation",
    "the nurse showed me how to check my balls",
    "she flashed me a smile",
    "he showed himself out",
]


@pytest.mark.parametrize("text", EXPOSURES)
def test_indecent_exposure_is_a_disclosure_with_routes(text):
    from bot.conversation.exposure import is_exposure
    from bot.conversation.topics import topic_of_turn
    from bot.rasa_plugins.topic_policy import next_action
    from tests.rasa_plugins.trackers import tracker

    assert is_exposure(text) and topic_of_turn("nlu_fallback", text) == "harassment"
    conversation = tracker(user(text, "nlu_fallback"))
    assert next_action(conversation) == "utter_acknowledge_told_more"
    conversation.update(ActionExecuted("utter_acknowledge_told_more"))
    assert next_action(conversation) == "action_signpost"


@pytest.mark.parametrize("text", NOT_EXPOSURES)
def test_showing_or_flashing_something_else_is_no_exposure(text):
    from bot.conversation.exposure import is_exposure

    assert not is_exposure(text)


def test_exposure_with_him_still_near_now_is_an_emergency_and_long_ago_is_not():
    data = default_risk_data()
    assert assess_risk("a man showed me his willy by the bins and hes still there", data).level == "emergency"
    assert assess_risk("when i was 8 a man showed me his privates", data).level is None


@pytest.mark.parametrize(
    "text",
    [
        "Ela não sabe nada. My son told me a man at his football club sends him messages at night, what do I do?",
        "Mi hija está muy triste. Her teacher said something happened at school and nobody is telling me what it was.",
        "Dziękuję bardzo. I will call the police tomorrow morning and take her to the doctor after that if she agrees.",
    ],
)
def test_mostly_english_with_a_few_words_of_another_language_is_english(text):
    from bot.safety.language import is_not_english

    assert not is_not_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Minha filha não quer falar com a polícia, ela está com medo dele. Help please.",
        "mi hermano dice que un hombre lo sigue cuando sale del colegio y tengo mucho miedo",
        "moja córka boi się wracać do domu, ten mężczyzna czeka pod szkołą każdego dnia",
    ],
)
def test_mostly_another_language_with_a_few_english_words_is_not_english(text):
    from bot.safety.language import is_not_english

    assert is_not_english(text)


def _conversation(*turns):
    """A young person's conversation: (text, intent) turns, each answered by `reply` placeholders."""
    from tests.rasa_plugins.trackers import tracker

    events = []
    for text, intent, replies in turns:
        events.append(user(text, intent))
        events += [ActionExecuted(r) for r in replies] + [ActionExecuted(ACTION_LISTEN_NAME)]
    return tracker(*events[: -1 - len(turns[-1][2])])


@pytest.mark.parametrize(
    "text,intent",
    [
        ("they took pics off my story and edited them so it looks like im naked", "disclose_past_abuse"),
        ("its spread round the whole group chat now and everyone has it", "disclose_past_abuse"),
        ("i told my dad i was sleeping round my mates house", "disclose_friend_concern"),
        ("my bestie said i should just ignore it and block them", "disclose_friend_concern"),
    ],
)
def test_more_of_a_disclosure_read_as_another_kind_gets_the_short_thanks_not_its_reply(text, intent):
    from bot.rasa_plugins.topic_policy import next_action

    conversation = _conversation(
        (
            "someone made a fake naked pic of me with one of those apps",
            "disclose_image_abuse",
            ["utter_acknowledge_image_abuse", "action_signpost"],
        ),
        (text, intent, []),
    )
    assert next_action(conversation) == "utter_same_topic_more"


@pytest.mark.parametrize(
    "text,intent,reply",
    [
        ("when i was little my uncle used to touch me", "disclose_past_abuse", None),
        ("my friend told me her mums boyfriend hurts her", "disclose_friend_concern", None),
        ("my mate got jumped at my friends house last night", "disclose_friend_concern", None),
    ],
)
def test_a_past_time_or_a_friend_at_risk_keeps_its_own_kind(text, intent, reply):
    from bot.rasa_plugins.topic_policy import next_action

    conversation = _conversation(
        (
            "someone made a fake naked pic of me with one of those apps",
            "disclose_image_abuse",
            ["utter_acknowledge_image_abuse", "action_signpost"],
        ),
        (text, intent, []),
    )
    assert next_action(conversation) != "utter_same_topic_more"


@pytest.mark.parametrize(
    "text,situation",
    [
        ("We shut at 9 and im the only member of staff here tonight", "general"),
        ("As a member of staff I need to know what to do next", "general"),
        ("A member of staff has been messaging one of our pupils at night", "staff_allegation"),
        ("one of our volunteers touched a child at the club", "staff_allegation"),
    ],
)
def test_the_writer_as_the_staff_is_no_allegation_about_staff(text, situation):
    from bot.conversation.trusted_adults import situation_of

    assert situation_of([text]) == situation


def _after_means(answer, intent="nlu_fallback"):
    events = [
        ActionExecuted(ACTION_LISTEN_NAME),
        user("theres a whole box of my dads painkillers in the drawer", "disclose_self_harm", level="crisis"),
        ActionExecuted("utter_crisis_means"),
        BotUttered("Have you taken anything?"),
        ActionExecuted(ACTION_LISTEN_NAME),
        user(answer, intent),
    ]
    return DialogueStateTracker.from_events("c19", events, DOMAIN.slots)


@pytest.mark.parametrize(
    "text",
    ["honestly im fine just really worn out from everything", "does anyone actually get better from this"],
)
def test_after_have_you_taken_anything_a_story_or_question_keeps_the_crisis_reply(policy, text):
    assert predicted(policy, _after_means(text)) == "utter_crisis"


@pytest.mark.parametrize(
    "text,intent", [("yes", "affirm"), ("a few", "nlu_fallback"), ("maybe idk", "nlu_fallback")]
)
def test_after_have_you_taken_anything_a_yes_or_unsure_gets_999_and_an_ambulance(policy, text, intent):
    assert predicted(policy, _after_means(text, intent)) == "utter_medical"


@pytest.mark.parametrize("text,intent", [("no", "deny"), ("no i havent", "deny")])
def test_after_have_you_taken_anything_a_no_still_gets_the_crisis_lines(policy, text, intent):
    assert predicted(policy, _after_means(text, intent)) == "utter_crisis"


@pytest.mark.parametrize(
    "request_", ["pls can you just listen, no helplines", "i only want someone to listen to me"]
)
def test_asked_for_no_list_a_later_disclosure_gets_one_option_not_the_list(request_):
    from bot.rasa_plugins.topic_policy import next_action

    first = _conversation((request_, "nlu_fallback", []))
    assert next_action(first) == "utter_invite_to_share"
    later = _conversation(
        (request_, "nlu_fallback", ["utter_invite_to_share"]),
        ("my stepbrother used to come in my room when i was small", "disclose_past_abuse", []),
    )
    assert next_action(later) == "utter_topic_followup"  # thanks, not your fault, Childline only


def test_without_a_no_list_request_a_disclosure_keeps_its_own_reply_and_routes():
    from bot.rasa_plugins.topic_policy import next_action

    later = _conversation(
        ("i need a list of numbers for my maths homework lol", "nlu_fallback", ["utter_default"]),
        ("my stepbrother used to come in my room when i was small", "disclose_past_abuse", []),
    )
    assert next_action(later) != "utter_topic_followup"


def test_a_question_once_the_emergency_route_ended_is_answered_honestly_not_not_understood():
    from bot.rasa_plugins.topic_policy import next_action

    ended = _conversation(
        ("someone on the bus kept pressing against me", "start_disclosure", ["utter_invite_to_share"]),
        (
            "hes still a few seats away",
            "report_possible_danger",
            ["utter_safety_check", "utter_ask_in_danger_now"],
        ),
        ("i dunno if it even matters honestly", "nlu_fallback", ["utter_ask_safe_now"]),
        ("can the police do anything if i dont know his name", "nlu_fallback", []),
    )
    assert next_action(ended) == "utter_question_not_known"
    # with no route given, a question the model cannot read is left to the other policies
    calm = _conversation(
        ("hi", "greet", ["utter_greet"]),
        ("can the police do anything if i dont know his name", "nlu_fallback", []),
    )
    assert next_action(calm) is None
