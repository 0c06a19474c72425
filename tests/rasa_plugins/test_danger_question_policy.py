"""DangerQuestionPolicy (bot/rasa_plugins/danger_question_policy.py) driven with real Rasa trackers and the real
domain: what follows each danger question, then action_listen; it abstains everywhere else."""

from pathlib import Path

import pytest
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_plugins.danger_question_policy import (
    asks_a_question,
    load_danger_questions,
)
from bot.rasa_plugins.turn_policy import answers_a_danger_question, latest_turn
from tests.rasa_plugins.trackers import danger_question_policy, plays, predicted as predicted_by, user

REPO = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(REPO / "domain.yml"))
ASK = DOMAIN.responses["utter_ask_in_danger_now"][0]
ASK_SAFE_BUTTONS = DOMAIN.responses["utter_ask_safe_now"][0]["buttons"]


@pytest.fixture(scope="module")
def policy(tmp_path_factory):
    return danger_question_policy(tmp_path_factory.mktemp("storage"))


def tracker_after(question, text, intent, buttons=None, then=()):
    question_buttons = ASK.get("buttons") if buttons is None else buttons
    events = [
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered("hes outside", {"name": "report_immediate_danger"}),
        ActionExecuted("utter_emergency"),
        BotUttered("call 999"),
        ActionExecuted(question),
        BotUttered("question?", {"buttons": question_buttons}),
        ActionExecuted(ACTION_LISTEN_NAME),
        UserUttered(text, {"name": intent}),
    ]
    events += [ActionExecuted(name) for name in then]
    return DialogueStateTracker.from_events("test", events, DOMAIN.slots)


def predicted(policy, tracker):
    return predicted_by(policy, tracker, DOMAIN)


@pytest.mark.parametrize(
    "text,intent",
    [
        ("kinda", "affirm"),
        ("1", "inform_age"),
        ("idk", "out_of_scope"),
        ("999", "report_immediate_danger"),
        ("he took my phone", "nlu_fallback"),
    ],
)
def test_anything_but_safe_keeps_the_emergency_route(policy, text, intent):
    tracker = tracker_after("utter_ask_in_danger_now", text, intent)
    assert predicted(policy, tracker) == "utter_emergency_next_steps"
    tracker = tracker_after("utter_ask_in_danger_now", text, intent, then=["utter_emergency_next_steps"])
    assert predicted(policy, tracker) == ACTION_LISTEN_NAME


def test_a_tap_on_safe_gets_one_recheck_and_then_moves_on(policy):
    assert (
        predicted(policy, tracker_after("utter_ask_in_danger_now", "/confirm_safe", "confirm_safe"))
        == "utter_recheck_danger"
    )
    assert (
        predicted(policy, tracker_after("utter_recheck_danger", "yes", "affirm", buttons=[]))
        == "utter_glad_safe"
    )
    assert (
        predicted(policy, tracker_after("utter_recheck_danger", "no", "deny", buttons=[]))
        == "utter_emergency_next_steps"
    )


def test_the_next_steps_question_keeps_asking_until_safe(policy):
    assert (
        predicted(policy, tracker_after("utter_emergency_next_steps", "not yet", "deny", buttons=[]))
        == "utter_emergency_next_steps"
    )
    assert (
        predicted(
            policy,
            tracker_after(
                "utter_emergency_next_steps", "im safe now im at my nans", "confirm_safe", buttons=[]
            ),
        )
        == "utter_glad_safe"
    )


@pytest.mark.parametrize("intent", ["disclose_self_harm", "report_medical_emergency", "use_other_language"])
def test_levels_with_their_own_rule_are_left_to_it(policy, intent):
    assert predicted(policy, tracker_after("utter_ask_in_danger_now", "i want to die", intent)) is None


def test_a_clear_safe_answer_in_another_language_moves_on_and_anything_else_keeps_its_own_reply(policy):
    # B8's kind: "no, I'm safe now, I'm at home with my mum" in Portuguese got the other-language
    # reply (999 again) instead of the gentle re-check
    safe = tracker_after("utter_ask_in_danger_now", "não, agora tô segura, tô em casa", "use_other_language")
    assert predicted(policy, safe) == "utter_recheck_danger"
    unsure = tracker_after("utter_ask_in_danger_now", "no sé, creo que sigue afuera", "use_other_language")
    assert predicted(policy, unsure) is None  # the other-language rule: 999 with an interpreter


def test_abstains_outside_the_danger_questions(policy):
    events = [ActionExecuted(ACTION_LISTEN_NAME), UserUttered("hi", {"name": "greet"})]
    assert predicted(policy, DialogueStateTracker.from_events("t", events, DOMAIN.slots)) is None
    assert predicted(policy, tracker_after("utter_greet", "kinda", "affirm")) is None
    assert predicted(policy, DialogueStateTracker.from_events("t", [], DOMAIN.slots)) is None


def test_the_table_names_real_responses_and_every_answer(tmp_path):
    questions = load_danger_questions(REPO / "data" / "safety" / "danger_questions.yml")
    for question, entry in questions.items():
        assert question in DOMAIN.responses
        assert set(entry["next"].values()) <= set(DOMAIN.responses)
    broken = tmp_path / "q.yml"
    broken.write_text("questions:\n  utter_x:\n    yes_means: danger\n    next: {danger: utter_y}\n")
    with pytest.raises(ValueError, match="each of"):
        load_danger_questions(broken)


def test_a_level_only_the_classifier_gave_is_read_as_an_answer(policy):
    # the urgency classifier learned first messages; after a danger question a level it alone
    # gave does not take the turn from the answer ("no the police came and took him")
    tracker = tracker_after(
        "utter_ask_in_danger_now", "no the police came and took him", "report_medical_emergency"
    )
    tracker.latest_message.parse_data["safety_net"] = {"level": "medical", "by_classifier": True}
    assert predicted(policy, tracker) == "utter_recheck_danger"
    tracker.latest_message.parse_data["safety_net"] = {"level": "medical", "by_classifier": False}
    assert predicted(policy, tracker) is None


def test_the_trial_its_fine_and_you_misunderstood_me_leave_the_emergency_route(policy):
    # 2026-11-30 new-user trial: "im at home its fine" got "Please call 999 now if you can"
    assert (
        predicted(policy, tracker_after("utter_ask_in_danger_now", "im at home its fine", "inform"))
        == "utter_recheck_danger"
    )
    assert (
        predicted(policy, tracker_after("utter_recheck_danger", "its fine", "affirm", buttons=[]))
        == "utter_glad_safe"
    )
    assert (
        predicted(
            policy,
            tracker_after("utter_emergency_next_steps", "nah im home now its all good", "deny", buttons=[]),
        )
        == "utter_glad_safe"
    )
    # the "You misunderstood me" button, then a typed "its fine"
    assert (
        predicted(
            policy,
            tracker_after("utter_ask_in_danger_now", "/correct_misunderstanding", "correct_misunderstanding"),
        )
        == "utter_recheck_danger"
    )
    assert (
        predicted(policy, tracker_after("utter_recheck_danger", "its fine", "out_of_scope", buttons=[]))
        == "utter_glad_safe"
    )


@pytest.mark.parametrize("text", ["is that even illegal", "what do i do now", "can i still tell someone"])
def test_a_new_question_after_the_recheck_is_answered_by_the_other_policies(policy, text):
    # the re-check is asked only after "no" / "I'm safe" / "you misunderstood me": a question
    # with nothing urgent in it is something new, not an unsure answer
    tracker = tracker_after("utter_recheck_danger", text, "ask_does_it_count", buttons=[])
    assert predicted(policy, tracker) is None


def test_a_question_never_leaves_the_first_danger_question(policy):
    tracker = tracker_after("utter_ask_in_danger_now", "is that even illegal", "ask_does_it_count")
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


@pytest.mark.parametrize("question", ["utter_emergency_next_steps"])
def test_after_the_emergency_steps_a_question_gets_999_first_its_answer_then_are_you_safe(policy, question):
    # C5: the whole emergency reply a third time; C6: "should i just pay some of it" unanswered.
    # Right after the whole block only: after a re-ask such a question ends the route (C10, below)
    text = "should i just pay some of it"
    plan = ["utter_emergency_before_answer", "utter_answer_pay", "utter_ask_safe_now"]
    for done in range(len(plan) + 1):
        tracker = tracker_after(question, text, "nlu_fallback", buttons=[], then=plan[:done])
        assert predicted(policy, tracker) == (plan[done] if done < len(plan) else ACTION_LISTEN_NAME)


def test_after_the_emergency_steps_a_question_with_no_answer_is_heard_with_999_first(policy):
    text = "what would they even say to me"
    tracker = tracker_after("utter_emergency_next_steps", text, "nlu_fallback", buttons=[])
    assert predicted(policy, tracker) == "utter_emergency_question"
    then = tracker_after(
        "utter_emergency_next_steps", text, "nlu_fallback", buttons=[], then=["utter_emergency_question"]
    )
    assert predicted(policy, then) == ACTION_LISTEN_NAME


def test_remind_needs_a_question_response(tmp_path):
    path = tmp_path / "danger_questions.yml"
    path.write_text(
        "questions:\n  utter_x:\n    yes_means: safe\n    moves_on: remind\n    next:\n"
        + "".join(f"      {a}: utter_y\n" for a in ("danger", '"no"', "safe", "misunderstood", "not_now"))
    )
    with pytest.raises(ValueError, match="next.question"):
        load_danger_questions(path)


@pytest.mark.parametrize("text,intent", [("no", "deny"), ("idk", "nlu_fallback"), ("not yet", "deny")])
def test_after_the_emergency_steps_an_unsure_answer_keeps_the_whole_route(policy, text, intent):
    tracker = tracker_after("utter_emergency_next_steps", text, intent, buttons=[])
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


@pytest.mark.parametrize("text", ["idk", "is it", "no", "not really"])
def test_short_or_unsure_answers_to_the_recheck_keep_the_emergency_route(policy, text):
    tracker = tracker_after("utter_recheck_danger", text, "deny", buttons=[])
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


def test_an_urgent_question_after_the_recheck_keeps_the_emergency_route(policy):
    tracker = tracker_after(
        "utter_recheck_danger", "what if he comes back tonight", "nlu_fallback", buttons=[]
    )
    tracker.latest_message.parse_data["safety_net"] = {"level": "check", "by_classifier": False}
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


@pytest.mark.parametrize(
    "text", ["im scared. newham. my mum is at work till 6", "edmonton i dont know the address exactly"]
)
def test_after_the_emergency_steps_news_that_is_no_question_keeps_the_whole_route(policy, text):
    # C6's first run: such messages lost 999 and the marker
    tracker = tracker_after("utter_emergency_next_steps", text, "nlu_fallback", buttons=[])
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


@pytest.mark.parametrize(
    "text",
    [
        "ok so shld i tell my nan",  # a lead-in, then a question in text-speak
        "im 14 anyway so is that even allowed",  # "is that ..." later in the message
        "right. what happens to him now",  # a question after a first sentence
        "wheres brixton",  # "whats X"
    ],
)
def test_after_the_emergency_steps_a_question_without_a_question_mark_is_heard(policy, text):
    # C7's first run: "so shud i not go", "im 16 tho so is it even illegal", "whats mash" got
    # the emergency block again instead of being heard with 999 first
    tracker = tracker_after("utter_emergency_next_steps", text, "nlu_fallback", buttons=[])
    assert predicted(policy, tracker) != "utter_emergency_next_steps"


@pytest.mark.parametrize("text", ["so what", "ok im in my room now", "no. hes still here", "is it"])
def test_short_answers_and_news_are_not_taken_for_questions(text):
    assert not asks_a_question(text)


@pytest.mark.parametrize(
    "question", ["utter_ask_in_danger_now", "utter_emergency_next_steps", "utter_emergency_question"]
)
@pytest.mark.parametrize(
    "text,intent",
    [
        ("not rn, ill message later", "nlu_fallback"),
        ("ok g2g", "nlu_fallback"),
        ("byee", "goodbye"),
        ("sorry need to go my dad is home", "nlu_fallback"),
        ("not right now", "deny"),
    ],
)
def test_a_young_person_can_always_stop_and_keeps_999(policy, question, text, intent):
    # C8's first run: "not now ill come back" inside the emergency route got the 999 block again
    tracker = tracker_after(question, text, intent, buttons=[])
    assert predicted(policy, tracker) == "utter_emergency_stop"
    tracker = tracker_after(question, text, intent, buttons=[], then=["utter_emergency_stop"])
    assert predicted(policy, tracker) == ACTION_LISTEN_NAME
    reply = DOMAIN.responses["utter_emergency_stop"][0]
    assert "[[emergency_999.phone]]" in reply["text"] and reply["custom"]["urgency"] == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "i need to go to the police",  # going somewhere for help, not stopping
        "later he came back and hit me",  # "later" in a story
        "stop it hes hurting me",  # urgent: the risk stage's level keeps the route
        "not now he's still in the room with me and i cant get out of here",  # too long to be a stop
    ],
)
def test_stopping_look_alikes_keep_the_emergency_route(policy, text):
    tracker = tracker_after("utter_emergency_next_steps", text, "nlu_fallback", buttons=[])
    if text.startswith("stop it"):
        tracker.latest_message.parse_data["safety_net"] = {"level": "emergency", "by_classifier": False}
    assert predicted(policy, tracker) != "utter_emergency_stop"


def _with_borough(tracker, borough):
    tracker.latest_message.entities.append({"entity": "borough", "value": borough})
    return tracker


def test_a_borough_named_after_the_emergency_steps_gets_999_then_its_local_services(policy):
    # C8's first run: "we live in hillingdon", "tooting", "kingston" got no local services
    plan = ["utter_emergency_before_local", "action_show_local_support", "utter_ask_safe_now"]
    for question in ("utter_emergency_next_steps", "utter_ask_safe_now", "utter_recheck_danger"):
        for done in range(len(plan) + 1):
            tracker = _with_borough(
                tracker_after(question, "we're in croydon", "inform_location", buttons=[], then=plan[:done]),
                "croydon",
            )
            assert predicted(policy, tracker) == (plan[done] if done < len(plan) else ACTION_LISTEN_NAME)


def test_a_borough_in_answer_to_the_first_danger_question_keeps_the_emergency_steps(policy):
    # "Are you in danger right now?" "edmonton": where they are, in danger: the steps come first
    tracker = _with_borough(
        tracker_after("utter_ask_in_danger_now", "edmonton", "inform_location"), "enfield"
    )
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


def test_i_dont_know_is_no_borough_and_the_crisis_check_keeps_its_own_replies(policy):
    # "i dont know. maybe" carries the LocationExtractor's borough "not_given": an unsure answer
    unsure = _with_borough(
        tracker_after("utter_emergency_next_steps", "i dont know. maybe", "nlu_fallback", buttons=[]),
        "not_given",
    )
    assert predicted(policy, unsure) == "utter_emergency_next_steps"
    # the crisis check's answers are its own: a stop or a place is not read as the emergency route's
    check = _with_borough(
        tracker_after("utter_check_crisis", "i dont know. maybe", "nlu_fallback", buttons=[]), "not_given"
    )
    assert predicted(policy, check) == "utter_crisis"
    assert (
        predicted(policy, tracker_after("utter_check_crisis", "gtg", "nlu_fallback", buttons=[]))
        != "utter_emergency_stop"
    )


# C9's first run: once the emergency steps were given, every later message got the whole block
# again, whatever it said. Something new that is neither an answer nor urgent (the module doc):
# right after the whole block, the short "are you safe?" with 999; after that, the route ends.
NEWS_WITH_NOTHING_URGENT = [
    "im in year 10 and i really like art and drama",  # going on with their story
    "my nan usually cooks for us on sundays",
    "my brother plays football on saturdays so hes out",
    "no idea what ill say to my form tutor tomorrow",  # wondering what next, not "idk"
    "it started around when we moved flats",
]
SHORT_ASIDES = ["thanks for that", "hold on a sec", "ok got it", "soz im slow", "sorry for the spelling", "k"]
REMINDED = ["utter_ask_safe_now", "utter_emergency_question"]  # "are you safe?" asked again since


@pytest.mark.parametrize("text", NEWS_WITH_NOTHING_URGENT + SHORT_ASIDES)
def test_after_the_whole_block_news_or_an_aside_gets_the_short_are_you_safe(policy, text):
    tracker = tracker_after("utter_emergency_next_steps", text, "nlu_fallback", buttons=[])
    plays(lambda t: predicted(policy, t), tracker, "utter_ask_safe_now", ACTION_LISTEN_NAME)


@pytest.mark.parametrize("question", REMINDED)
@pytest.mark.parametrize("text", NEWS_WITH_NOTHING_URGENT + SHORT_ASIDES)
def test_after_are_you_safe_again_news_or_an_aside_ends_the_route(policy, question, text):
    tracker = tracker_after(question, text, "nlu_fallback", buttons=[])
    assert predicted(policy, tracker) is None
    # and the conversation policies may answer it: it no longer counts as a danger answer
    assert not answers_a_danger_question(latest_turn(tracker))


def test_the_short_are_you_safe_keeps_999_and_the_emergency_marker():
    reply = DOMAIN.responses["utter_ask_safe_now"][0]
    assert "[[emergency_999.phone]]" in reply["text"] and reply["custom"]["urgency"] == "emergency"


@pytest.mark.parametrize("question", ["utter_emergency_next_steps", *REMINDED])
@pytest.mark.parametrize(
    "text,intent",
    [
        ("kinda", "affirm"),
        ("maybe idk", "nlu_fallback"),
        ("dunno tbh", "nlu_fallback"),
        ("probably i think", "nlu_fallback"),
        ("not really no", "deny"),
        ("No, not yet", "report_immediate_danger"),  # the button's title, typed
        ("2", "inform_age"),  # the button's number
        ("999", "nlu_fallback"),
        ("mum gets back at 6 i think", "nlu_fallback"),  # unsure, however long
        ("yeah but he still has my keys", "affirm"),  # a yes first, then more
        ("at my cousins", "nlu_fallback"),  # short and no aside: read as unsure
    ],
)
def test_after_the_steps_an_unsure_answer_still_gets_the_whole_block(policy, question, text, intent):
    tracker = tracker_after(question, text, intent, buttons=ASK_SAFE_BUTTONS)
    assert predicted(policy, tracker) == "utter_emergency_next_steps"
    assert answers_a_danger_question(latest_turn(tracker))


@pytest.mark.parametrize("question", ["utter_emergency_next_steps", *REMINDED])
@pytest.mark.parametrize(
    "text",
    [
        "he is in the next room",  # a danger part (someone present)
        "hes in the kitchen shouting",
        "he keeps texting me saying hes outside",
        "my stepdad just came home",  # someone arriving: no word class, but part of the emergency
        "she turned up at the door",
    ],
)
def test_after_the_steps_danger_told_gets_the_whole_block(policy, question, text):
    tracker = tracker_after(question, text, "nlu_fallback", buttons=[])
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


@pytest.mark.parametrize("question", ["utter_emergency_next_steps", *REMINDED])
@pytest.mark.parametrize("level", ["emergency", "medical", "check"])
def test_after_the_steps_an_urgent_level_keeps_the_route_even_on_calm_words(policy, question, level):
    # whoever gave it (the words or the urgency classifier): the stage's urgent levels are kept
    for by_classifier in (False, True):
        tracker = tracker_after(
            question, "my nan usually cooks for us on sundays", "nlu_fallback", buttons=[]
        )
        tracker.latest_message.parse_data["safety_net"] = {"level": level, "by_classifier": by_classifier}
        assert predicted(policy, tracker) == "utter_emergency_next_steps"


@pytest.mark.parametrize("question", ["utter_emergency_next_steps", *REMINDED])
def test_after_the_steps_the_danger_button_keeps_the_route(policy, question):
    tracker = tracker_after(
        question, "/report_immediate_danger", "report_immediate_danger", buttons=ASK_SAFE_BUTTONS
    )
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


def test_an_aside_the_classifier_alone_reads_as_crisis_gets_the_short_question_not_the_end(policy):
    # the urgency classifier reads "hold on" or "sorry" as crisis: not urgent here, but the other
    # policies would answer that level, so the route does not end on it
    for question in ["utter_emergency_next_steps", *REMINDED]:
        tracker = tracker_after(question, "hold on", "disclose_self_harm", buttons=[])
        tracker.latest_message.parse_data["safety_net"] = {"level": "crisis", "by_classifier": True}
        assert predicted(policy, tracker) == "utter_ask_safe_now"
        assert answers_a_danger_question(latest_turn(tracker))


@pytest.mark.parametrize("text", NEWS_WITH_NOTHING_URGENT[:2] + SHORT_ASIDES[:2])
def test_the_first_danger_question_still_keeps_the_route_on_anything_but_safe(policy, text):
    # issue 12 item 3: the first answer to "Are you in danger right now?" is never moved on from
    tracker = tracker_after("utter_ask_in_danger_now", text, "nlu_fallback")
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


def test_the_table_says_what_something_new_gets_after_each_reminding_question(tmp_path):
    questions = load_danger_questions(REPO / "data" / "safety" / "danger_questions.yml")
    for question, entry in questions.items():
        new = entry.get("something_new")
        assert (entry.get("moves_on") == "remind") == bool(new), question
        assert new in (None, "end") or new in DOMAIN.responses, question
    path = tmp_path / "danger_questions.yml"
    path.write_text(
        "questions:\n  utter_x:\n    yes_means: safe\n    moves_on: remind\n    next:\n      question: utter_q\n"
        + "".join(f"      {a}: utter_y\n" for a in ("danger", '"no"', "safe", "misunderstood", "not_now"))
    )
    with pytest.raises(ValueError, match="something_new"):
        load_danger_questions(path)


# C10's first run: every question inside the route got "please call 999 first" again, turn after
# turn. Once "are you safe?" has been asked again, a question with nothing urgent ends the route.
CALM_QUESTIONS = [
    "should i just pay some of it",
    "can you report stuff from ages ago",
    "would my teacher have to tell my parents?",
    "is it still a crime if i said yes at first",
    "what happens if i go to the police about it",
]


@pytest.mark.parametrize("question", REMINDED)
@pytest.mark.parametrize("text", CALM_QUESTIONS)
def test_after_are_you_safe_again_a_calm_question_ends_the_route(policy, question, text):
    tracker = tracker_after(question, text, "nlu_fallback", buttons=[])
    assert predicted(policy, tracker) is None
    assert not answers_a_danger_question(latest_turn(tracker))


@pytest.mark.parametrize("text", CALM_QUESTIONS)
def test_right_after_the_whole_block_a_calm_question_is_still_heard_with_999_first(policy, text):
    tracker = tracker_after("utter_emergency_next_steps", text, "nlu_fallback", buttons=[])
    assert predicted(policy, tracker) in ("utter_emergency_before_answer", "utter_emergency_question")
    assert answers_a_danger_question(latest_turn(tracker))


@pytest.mark.parametrize("question", REMINDED)
@pytest.mark.parametrize(
    "text",
    [
        "what do i do if he comes back tonight",  # someone arriving
        "should i lock myself in the bathroom",  # a door or lock
        "can i ring 999 if hes just shouting",  # 999
        "what if hes still outside my house?",  # a danger part (someone present)
    ],
)
def test_after_are_you_safe_again_an_urgent_question_keeps_the_route(policy, question, text):
    tracker = tracker_after(question, text, "nlu_fallback", buttons=[])
    assert predicted(policy, tracker) is not None
    assert answers_a_danger_question(latest_turn(tracker))


@pytest.mark.parametrize("question", REMINDED)
@pytest.mark.parametrize("level", ["emergency", "medical", "check", "crisis"])
def test_after_are_you_safe_again_a_question_with_any_level_keeps_the_route(policy, question, level):
    tracker = tracker_after(question, "can you report stuff from ages ago", "nlu_fallback", buttons=[])
    tracker.latest_message.parse_data["safety_net"] = {"level": level, "by_classifier": True}
    assert predicted(policy, tracker) is not None


def test_the_first_danger_question_still_keeps_the_route_on_a_calm_question(policy):
    for text in CALM_QUESTIONS:
        tracker = tracker_after("utter_ask_in_danger_now", text, "nlu_fallback")
        assert predicted(policy, tracker) == "utter_emergency_next_steps"


def test_the_table_says_what_a_question_gets_after_each_reminding_question(tmp_path):
    questions = load_danger_questions(REPO / "data" / "safety" / "danger_questions.yml")
    for question, entry in questions.items():
        assert (entry.get("moves_on") == "remind") == bool(entry.get("something_asked")), question
    path = tmp_path / "danger_questions.yml"
    path.write_text(
        "questions:\n  utter_x:\n    yes_means: safe\n    moves_on: remind\n    something_new: end\n"
        "    next:\n      question: utter_q\n"
        + "".join(f"      {a}: utter_y\n" for a in ("danger", '"no"', "safe", "misunderstood", "not_now"))
    )
    with pytest.raises(ValueError, match="something_asked"):
        load_danger_questions(path)


@pytest.mark.parametrize("question", REMINDED)
def test_after_are_you_safe_again_a_calm_question_naming_a_borough_gets_its_services_and_answer(
    policy, question
):
    # C10: "my school's in X. is there someone i can tell" got "call 999 first" a third time
    text = "our college is in sutton. who could i talk to about it"
    plan = ["action_show_local_support", "utter_answer_should_tell"]
    for done in range(len(plan) + 1):
        tracker = _with_borough(
            tracker_after(question, text, "nlu_fallback", buttons=[], then=plan[:done]), "sutton"
        )
        assert predicted(policy, tracker) == (plan[done] if done < len(plan) else ACTION_LISTEN_NAME)


def test_right_after_the_whole_block_a_question_naming_a_borough_keeps_999_first(policy):
    text = "our college is in sutton. who could i talk to about it"
    tracker = _with_borough(
        tracker_after("utter_emergency_next_steps", text, "nlu_fallback", buttons=[]), "sutton"
    )
    assert predicted(policy, tracker) == "utter_emergency_before_local"


@pytest.mark.parametrize("question", REMINDED)
def test_an_urgent_question_naming_a_borough_keeps_999_first(policy, question):
    text = "im in sutton and hes back, what do i do"
    tracker = _with_borough(tracker_after(question, text, "nlu_fallback", buttons=[]), "sutton")
    assert predicted(policy, tracker) == "utter_emergency_before_local"


@pytest.mark.parametrize("question", REMINDED)
def test_worrying_about_someone_getting_in_trouble_is_no_arrival(policy, question):
    text = "how do i tell a teacher without my brother getting in trouble"
    tracker = tracker_after(question, text, "nlu_fallback", buttons=[])
    assert predicted(policy, tracker) is None


def _after_check(check_parts, story, earlier=("hiya can i ask u something about my coach",)):
    """A conversation: earlier messages with nothing urgent, then a `check` the classifier alone
    gave (with these word-class parts), the danger question, then `story`."""
    events = [ActionExecuted(ACTION_LISTEN_NAME)]
    for text in earlier:
        events += [user(text, "start_disclosure"), ActionExecuted("utter_invite_to_share")]
        events += [ActionExecuted(ACTION_LISTEN_NAME)]
    events += [
        user("im nb btw", "report_possible_danger", level="check", by_classifier=True, parts=check_parts),
        ActionExecuted("utter_safety_check"),
        BotUttered("call 999"),
        ActionExecuted("utter_ask_in_danger_now"),
        BotUttered("question?", {"buttons": ASK.get("buttons")}),
        ActionExecuted(ACTION_LISTEN_NAME),
        user(story, "start_disclosure"),
    ]
    return DialogueStateTracker.from_events("test", events, DOMAIN.slots)


STORY = "my girlfriend reads all my messages every night and sulks when i see my mates"


def test_c13_a_story_after_a_weak_check_inside_a_conversation_is_answered_as_anywhere(policy):
    # C13's kind in our own words: the classifier alone, with no harm in the words, raised the
    # check on a message inside a conversation; the young person goes on with the story: the
    # other policies answer it, not 999 again (three 999 replies in a row before)
    assert predicted(policy, _after_check((), STORY)) is None
    assert predicted(policy, _after_check(("immediacy", "soon_today"), STORY)) is None


@pytest.mark.parametrize(
    "tracker",
    [
        # harm in the words of the check: the route stands
        _after_check(("present_person",), STORY),
        # the check was the first message: the route stands, whatever follows
        _after_check((), STORY, earlier=()),
        _after_check((), STORY, earlier=("hi",)),
        # the answer tells of danger, or asks something: the route's own plan
        _after_check((), "he is outside my house right now banging on the door and shouting"),
        _after_check((), "what should i do if he turns up at mine later tonight"),
        # a short answer is an answer
        _after_check((), "kinda scared tbh"),
    ],
)
def test_c13_the_route_stands_after_a_real_check_a_first_message_or_an_urgent_answer(policy, tracker):
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


@pytest.mark.parametrize(
    "text,intent,is_answer",
    [
        # C12's kind in our own words: after the crisis check, a new question with nothing urgent
        # is left to the other policies by DangerQuestionPolicy, so it is no answer for them either
        ("is it strange that im telling a computer before my mum", "nlu_fallback", False),
        ("how long do i have if i want to report it one day", "ask_report_police", False),
        # an answer stays an answer
        ("yes", "affirm", True),
        ("kind of", "nlu_fallback", True),
        ("no", "deny", True),
    ],
)
def test_c12_a_new_question_after_the_crisis_check_is_no_answer_to_it(policy, text, intent, is_answer):
    tracker = tracker_after("utter_check_crisis", text, intent, buttons=[])
    assert answers_a_danger_question(latest_turn(tracker)) is is_answer
    if not is_answer:
        assert predicted(policy, tracker) is None


def _after_a_past_check(check_parts, story, level="check"):
    """A check (or another level) on a message with these word-class parts, the danger question,
    then `story` (C17)."""
    events = [
        ActionExecuted(ACTION_LISTEN_NAME),
        user("last time he got angry at me", "report_possible_danger", level=level, parts=check_parts),
        ActionExecuted("utter_safety_check"),
        BotUttered("call 999"),
        ActionExecuted("utter_ask_in_danger_now"),
        BotUttered("question?", {"buttons": ASK.get("buttons")}),
        ActionExecuted(ACTION_LISTEN_NAME),
        user(story, "nlu_fallback"),
    ]
    return DialogueStateTracker.from_events("test", events, DOMAIN.slots)


PAST_STORY = "please dont make me tell my key worker she will just move me to another city"


@pytest.mark.parametrize("told", ["earlier", "yesterday_done", "habitual", "this_morning_done", "past"])
def test_c17_a_story_after_a_check_on_harm_told_before_now_gets_the_short_recheck(policy, told):
    # C17's kind in our own words: the check came on harm told as done before now; the young
    # person goes on with the story: "are you safe?" with 999, not the whole block a second time
    assert predicted(policy, _after_a_past_check((told, "volatile"), PAST_STORY)) == "utter_ask_safe_now"


@pytest.mark.parametrize(
    "tracker",
    [
        # nothing in the check said when: the route stands
        _after_a_past_check(("volatile",), PAST_STORY),
        # danger now in the words: emergency keeps the whole block
        _after_a_past_check(("earlier", "harm_now"), PAST_STORY, level="emergency"),
        # the answer tells of danger now, or is short (an answer)
        _after_a_past_check(("earlier",), "hes outside my house right now and keeps ringing the bell"),
        _after_a_past_check(("earlier",), "kinda scared tbh"),
    ],
)
def test_c17_the_route_stands_without_a_time_before_now_or_with_danger_in_the_answer(policy, tracker):
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


@pytest.mark.parametrize(
    "text",
    [
        "he has left but hes sat in his van at the end of the road",
        "hes gone now but hes parked up round the corner",
        "im fine please dont call anyone",
        "im ok just dont ring the police please",
    ],
)
def test_b24_gone_but_nearby_or_fine_with_a_plea_gets_the_emergency_steps(policy, text):
    # B24: not a clear safe, so not the short re-check
    tracker = tracker_after("utter_ask_in_danger_now", text, "confirm_safe")
    assert predicted(policy, tracker) == "utter_emergency_next_steps"


@pytest.mark.parametrize(
    "text",
    [
        "nah she left ages ago, me and dad are at my uncles and were staying the night",
        "no he went about two hours ago and me and my sister are at our aunties now, we are staying here",
        "no - he's safe, he's here with me in the head's office and his stepdad has been arrested",
        "they're safe now, they're with me in the staff room and the man was taken away",
    ],
)
def test_b24_a_clear_safe_after_the_emergency_steps_moves_on(policy, text):
    # B24: a clear safe (left a while ago and at a relative's; an adult's "she is safe, here with
    # me") is no reason for the emergency steps again
    tracker = tracker_after("utter_emergency_next_steps", text, "confirm_safe", buttons=ASK_SAFE_BUTTONS)
    assert predicted(policy, tracker) == "utter_glad_safe"
    tracker = tracker_after("utter_ask_in_danger_now", text, "confirm_safe")
    assert predicted(policy, tracker) == "utter_recheck_danger"
