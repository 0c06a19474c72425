"""TrustedAdultPolicy (bot/rasa_plugins/trusted_adult_policy.py) driven with Rasa trackers: once a
trusted adult is writing, their turns get the guidance for their situation (then the borough's
routes, then listen), danger now gets 999 first in the adult's terms, and it stays out of young
people's conversations and of answers to a danger question. Who is writing and which situation:
tests/conversation/test_trusted_adults.py."""

from __future__ import annotations

import pytest
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered

from bot.conversation.trusted_adults import GENERAL, SITUATIONS, SPEAKERS
from bot.nlg.placeholders import fill_message
from bot.rasa_plugins import trusted_adult_policy as policy
from tests.rasa_plugins.trackers import plays, tracker
from tests.rasa_plugins.trackers import user as _user


@pytest.mark.parametrize("speaker", SPEAKERS)
@pytest.mark.parametrize("situation", SITUATIONS + (GENERAL,))
def test_every_situation_has_a_response_that_fills_and_never_treats_the_adult_as_victim(
    speaker, situation, domain_yaml, directory
):
    name = policy.guidance_response(speaker, situation)
    text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
    assert "999" in text
    assert "I believe you" not in text and "not your fault" not in text.replace("child's fault", "")


def _tracker(*events, adult="staff"):
    return tracker(*events, adult=adult)


def test_an_adults_disclosure_gets_their_situation_then_the_borough_routes_then_listen():
    tracker = _tracker(_user("one of my lads told me his uncle touches him", "disclose_adult_abuse"))
    plays(
        policy.next_action, tracker, "utter_staff_disclosure", "action_give_staff_guidance", "action_listen"
    )


def test_a_follow_up_without_a_new_situation_gets_the_short_reply_not_a_full_repeat():
    tracker = _tracker(
        _user("my son is being blackmailed, they want £50 or they'll post it", "disclose_image_abuse"),
        ActionExecuted("utter_parent_sextortion"),
        ActionExecuted("action_listen"),
        _user("what do i do", "ask_help_options"),
        adult="parent_carer",
    )
    assert policy.next_action(tracker) == "utter_trusted_adult_more"


@pytest.mark.parametrize(
    "intent",
    [
        # (a medical emergency from an adult is theirs since C16: the ambulance in their terms)
        "use_other_language",
        "request_forget",
        "inform_location",
        "say_not_now",
    ],
)
def test_urgent_and_housekeeping_intents_keep_their_own_rules(intent):
    assert policy.next_action(_tracker(_user("x", intent))) is None


def test_it_stays_out_of_young_peoples_conversations_and_danger_question_answers():
    assert (
        policy.next_action(_tracker(_user("my teacher dms me", "disclose_adult_abuse"), adult=None)) is None
    )
    after_question = _tracker(
        ActionExecuted("utter_ask_in_danger_now"),
        BotUttered("Are you..."),
        ActionExecuted("action_listen"),
        _user("yes", "affirm"),
    )
    assert policy.next_action(after_question) is None


def test_guidance_given_earlier_in_the_conversation_is_not_repeated_in_full():
    tracker = _tracker(
        _user("my son is being blackmailed, they want £50 or they'll post it", "disclose_image_abuse"),
        ActionExecuted("utter_parent_sextortion"),
        ActionExecuted("action_listen"),
        _user("should we pay", "nlu_fallback"),
        ActionExecuted("utter_adult_answer_pay"),
        ActionExecuted("action_listen"),
        _user("im so angry with him", "nlu_fallback"),
        adult="parent_carer",
    )
    assert policy.next_action(tracker) == "utter_trusted_adult_more"


def test_danger_now_from_an_adult_gets_999_first_then_their_guidance_never_the_danger_question():
    # C5's first run: a DSL with a pupil due home to her abuser at 3.15 got "get to a safer place"
    # and "Are you in danger right now?" four times
    tracker = _tracker(
        _user("a pupil told me her stepdad touches her, and he is at the gate now", "report_immediate_danger")
    )
    assert policy.next_action(tracker) == "utter_adult_emergency"
    tracker.update(ActionExecuted("utter_adult_emergency"))
    assert policy.next_action(tracker) == "utter_staff_disclosure"
    tracker.update(ActionExecuted("utter_staff_disclosure"))
    assert policy.next_action(tracker) == "action_give_staff_guidance"
    tracker.update(ActionExecuted("action_give_staff_guidance"))
    assert policy.next_action(tracker) == "action_listen"
    young = _tracker(_user("hes at the door now", "report_immediate_danger"), adult=None)
    assert policy.next_action(young) is None  # a young person's danger keeps its own rule


@pytest.mark.parametrize(
    "text,intent,mine",
    [
        ("im the DSL, it's about a pupil, who do I ring", "inform_location", False),  # not an adult turn
        ("im the DSL, she goes home at 3.15 and I need to know who to ring", "nlu_fallback", True),
        ("should I call her mum first?", "ask_will_others_find_out", True),
        ("no", "deny", False),  # an answer: the danger question's
        ("idk", "nlu_fallback", False),
    ],
)
def test_after_a_danger_question_an_adults_new_message_is_theirs_an_answer_is_not(text, intent, mine):
    tracker = _tracker(
        ActionExecuted("utter_ask_in_danger_now"),
        BotUttered("Are you in danger right now?"),
        ActionExecuted("action_listen"),
        _user(text, intent),
    )
    assert (policy.next_action(tracker) is not None) == mine


def test_a_borough_named_after_the_guidance_brings_its_routes_not_the_steps_above():
    # C5's kind: "i'm the deputy dsl, we're in southwark" got "The steps above still apply"
    said = UserUttered(
        "we're in southwark",
        intent={"name": "ask_staff_guidance", "confidence": 1.0},
        entities=[{"entity": "borough", "value": "southwark"}],
    )
    tracker = _tracker(
        _user("a pupil told me her uncle touches her", "disclose_adult_abuse"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        said,
    )
    assert policy.next_action(tracker) == "action_give_staff_guidance"
    tracker.update(ActionExecuted("action_give_staff_guidance"))
    assert policy.next_action(tracker) == "action_listen"


def test_an_adults_turn_only_the_classifier_read_as_a_crisis_gets_their_guidance_not_the_check():
    # C6's first run: "he said she doesn't want anyone to know" got "are you having thoughts of
    # hurting yourself or ending your life?"
    said = _user(
        "he said she doesn't want anyone to know", "disclose_self_harm", level="crisis", by_classifier=True
    )
    tracker = _tracker(said)
    assert policy.next_action(tracker) is not None
    # a crisis the word classes read is a child's, told by the adult: 999 and the crisis lines
    words = _user("she told me she wants to end it all", "disclose_self_harm", level="crisis")
    assert policy.next_action(_tracker(words)) == "utter_adult_crisis"


@pytest.mark.parametrize(
    "message",
    [
        # B10's kind in our own words: a child's suicide plan told by a parent, read as danger now
        _user(
            "my daughter said tonight shes going to kill herself, she is upstairs",
            "report_immediate_danger",
            level="emergency",
            rules=("crisis.suicide_words", "emergency.near_me_and_threat_or_harm"),
        ),
        # a child's self-harm told by an adult, which the crisis rule answered in a child's words
        _user("my 13 year old has been cutting her arms", "disclose_self_harm"),
    ],
)
def test_a_childs_suicide_plan_or_self_harm_told_by_an_adult_gets_999_and_the_crisis_lines(message):
    for adult in ("parent_carer", "staff"):
        tracker = _tracker(message, adult=adult)
        assert policy.next_action(tracker) == "utter_adult_crisis"
        tracker.update(ActionExecuted("utter_adult_crisis"))
        assert policy.next_action(tracker) == "action_listen"  # not the abuse guidance


def test_danger_now_without_a_crisis_cue_keeps_the_adult_emergency_reply():
    message = _user(
        "my son's dad is at the door shouting and he has hit him before",
        "report_immediate_danger",
        level="emergency",
        rules=tuple(["emergency.threat_with_person_near"]),
    )
    assert policy.next_action(_tracker(message, adult="parent_carer")) == "utter_adult_emergency"


def test_the_adult_crisis_reply_leads_with_999_and_names_the_line_for_worried_adults(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_adult_crisis"][0], directory)["text"]
    assert "999" in text.splitlines()[0]
    assert "PAPYRUS" in text and "worried about a young person" in text
    assert "I believe you" not in text


def test_an_adults_question_nothing_answers_is_said_honestly_once_not_the_steps_above():
    # C6's first run: adults' questions got "The steps above still apply"
    tracker = _tracker(
        _user("one of my lads told me his uncle touches him", "disclose_adult_abuse"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        _user("does it matter that he is on a child protection plan already?", "nlu_fallback"),
    )
    assert policy.next_action(tracker) == "utter_trusted_adult_not_known"
    tracker.update(ActionExecuted("utter_trusted_adult_not_known"))
    assert policy.next_action(tracker) == "action_listen"
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(_user("what if his mum asks me about it?", "nlu_fallback"))
    assert policy.next_action(tracker) == "utter_trusted_adult_more"  # said once only


def test_follow_ups_that_add_nothing_get_each_of_three_short_replies_once_before_the_guidance_again():
    # C5 and C6's first runs: a parent's and a DSL's third follow-up got the whole guidance again,
    # then "the steps above still apply" a second time
    tracker = _tracker(
        _user("my daughter was assaulted at a party last night", "disclose_recent_assault"),
        ActionExecuted("utter_parent_recent_assault"),
        adult="parent_carer",
    )
    # C9 and C10's first runs: the third follow-up got the whole guidance a second time; now a
    # third short reply, and only a fourth brings the guidance round again
    said = []
    for text in ("im shaking", "her dad is furious", "she wont come out of her room", "its nearly midnight"):
        tracker.update(ActionExecuted("action_listen"))
        tracker.update(_user(text, "nlu_fallback"))
        said.append(policy.next_action(tracker))
        tracker.update(ActionExecuted(said[-1]))
        assert policy.next_action(tracker) == "action_listen"
    assert said == [
        "utter_trusted_adult_more",
        "utter_trusted_adult_more_again",
        "utter_trusted_adult_more_last",
        "utter_parent_recent_assault",
    ]


def test_danger_now_with_a_question_after_the_guidance_gets_999_then_the_answer():
    # C7's first run: "She's waiting outside my room, what do I say to her now?" after the
    # guidance got 999 and then "I don't want to guess"
    told = (
        _user("a year 10 pupil just told me her uncle touched her", "disclose_adult_abuse"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
    )
    tracker = _tracker(
        *told, _user("he's in reception now, how do I talk to her?", "report_immediate_danger")
    )
    plays(
        policy.next_action,
        tracker,
        "utter_adult_emergency",
        "utter_staff_answer_what_to_say",
        "action_listen",
    )
    # danger now with no question keeps the short reply after 999
    news = _tracker(*told, _user("he's in reception now", "report_immediate_danger"))
    news.update(ActionExecuted("utter_adult_emergency"))
    assert policy.next_action(news) == "utter_trusted_adult_more"


def _as_safety_net_reads(text: str):
    """The adult's message with the risk stage's real reading (level, rules, by_classifier) and the
    intent SafetyNet sets for that level (bot/rasa_plugins/safety_net.py)."""
    from bot.rasa_plugins.safety_net import INTENT_FOR_LEVEL
    from bot.safety.risk import assess_risk

    found = assess_risk(text)
    return _user(
        text,
        INTENT_FOR_LEVEL[found.level],
        level=found.level,
        by_classifier=found.by_classifier,
        rules=tuple(found.reasons),
    )


@pytest.mark.parametrize(
    "text,adult,first",
    [
        # B12's kinds in our own words: danger now told by an adult is 999 first for them (not the
        # general staff steps); a child's goodbye post or searches for a method told by an adult is
        # the adult crisis reply (not their general guidance)
        (
            "Teacher here, a pupil is hiding in my classroom and some men are outside the gates looking for her",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "Youth worker. Two lads in balaclavas at the door of the club asking for one of my boys by name",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "One of my students put 'sorry for everything' on her story and deleted all her accounts",
            "staff",
            "utter_adult_crisis",
        ),
        (
            "Dad here. My daughter's search history is full of ways to die and she's in the bathroom now",
            "parent_carer",
            "utter_adult_crisis",
        ),
    ],
)
def test_b12_danger_now_or_a_crisis_told_by_an_adult_gets_the_adult_urgent_reply(text, adult, first):
    assert policy.next_action(_tracker(_as_safety_net_reads(text), adult=adult)) == first


@pytest.mark.parametrize(
    "text,adult,first",
    [
        # B13's kinds in our own words: danger now told in school words (someone the pupil dreads at
        # the front desk, a man in a van outside the gates who told a pupil to get in) is 999 first
        # for the adult; a child's method searched or a means question with "done" is the adult
        # crisis reply, not their general guidance
        (
            "Head of year here. Her mum's ex is at the front desk asking for her and she's petrified of him",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "I'm the DSL. A year 8 boy says a man in a van is outside the school gates and has told him to get in after last lesson",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "Mum here. I saw my son's searches about how long does it take to die from an overdose",
            "parent_carer",
            "utter_adult_crisis",
        ),
        (
            "Football coach. A 14 year old in my squad keeps saying he is done and asked how high the multi storey is",
            "staff",
            "utter_adult_crisis",
        ),
    ],
)
def test_b13_danger_now_or_a_crisis_told_by_an_adult_in_their_words_gets_the_adult_urgent_reply(
    text, adult, first
):
    assert policy.next_action(_tracker(_as_safety_net_reads(text), adult=adult)) == first


@pytest.mark.parametrize(
    "text,adult,first",
    [
        # B14's kinds in our own words: a note saying sorry and that they love us, things given
        # away with a death theme, a last thank-you and then no answer, a height asked with
        # "fallen": the adult crisis reply; a child made to walk off with someone now: 999 first
        (
            "Dad here. Found a letter on my daughter's desk saying sorry and that she will always love us. She's upstairs",
            "parent_carer",
            "utter_adult_crisis",
        ),
        (
            "Form tutor. A girl in my group wrote a poem about a girl who drowns and has been giving her things away to classmates",
            "staff",
            "utter_adult_crisis",
        ),
        (
            "I'm a mentor. A lad I work with messaged 'thank you for trying' and since then his phone has been turned off",
            "staff",
            "utter_adult_crisis",
        ),
        (
            "Coach here. A 15 year old asked me how high the upper tier of the stadium is and if anybody has ever fallen",
            "staff",
            "utter_adult_crisis",
        ),
        (
            "Teaching assistant on a trip: a pupil rang to say an older man is making her go with him to his car",
            "staff",
            "utter_adult_emergency",
        ),
    ],
)
def test_b14_a_crisis_or_danger_now_told_by_an_adult_gets_the_adult_urgent_reply(text, adult, first):
    assert policy.next_action(_tracker(_as_safety_net_reads(text), adult=adult)) == first


@pytest.mark.parametrize(
    "text,adult,first",
    [
        # B15's kinds in our own words: danger now told by an adult about a child (someone she
        # dreads collecting her soon, a man taking her somewhere, a cry heard now, someone waiting
        # to "finish" it): 999 first; a crisis told by an adult (a drawing of his own death, fresh
        # cuts, the means kept, a note saying sorry and that it is not our fault with the child at
        # home): the adult crisis reply, whose 999 comes first when the child might act now
        (
            "Head of year here. A boy just told me his uncle is picking him up at the gate at 3:30 and he is scared to go home with him",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "I run the after school club. A lad from year 11 is hanging around outside waiting to finish what he started at lunch",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "I live in the flat below. I can hear a girl upstairs shouting let me go right now",
            "parent_carer",
            "utter_adult_emergency",
        ),
        (
            "Teacher. In his sketchbook a Year 7 drew himself dead in a coffin",
            "staff",
            "utter_adult_crisis",
        ),
        (
            "Nurse here, a Year 8 boy came in with new cuts on his forearms",
            "staff",
            "utter_adult_crisis",
        ),
        (
            "Mum here. My son left a letter on the kitchen table saying sorry and that it was not our fault. He's in his room",
            "parent_carer",
            "utter_adult_crisis",
        ),
    ],
)
def test_b15_a_crisis_or_danger_now_told_by_an_adult_gets_the_adult_urgent_reply(text, adult, first):
    assert policy.next_action(_tracker(_as_safety_net_reads(text), adult=adult)) == first


# ---- C9: the safeguarding lead writing, and a volunteer at a club outside school -------------


@pytest.mark.parametrize("situation", SITUATIONS + (GENERAL,))
def test_the_leads_guidance_never_tells_them_to_tell_the_dsl(situation, domain_yaml, directory):
    name = policy.guidance_response("staff", situation, lead=True)
    text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
    assert "999" in text and "not your fault" not in text
    assert "your DSL" not in text and "Tell your designated" not in text and "give it to the DSL" not in text
    assert "children's services front door" in text or "LADO" in text


def test_a_lead_telling_of_a_disclosure_gets_their_own_route_then_the_borough_routes():
    tracker = _tracker(
        _user("deputy DSL here. a year 9 just told me her stepdad hits her", "disclose_adult_abuse")
    )
    plays(
        policy.next_action,
        tracker,
        "utter_staff_lead_disclosure",
        "action_give_staff_guidance",
        "action_listen",
    )
    # said earlier in the conversation, still the lead: a recent assault gets the lead's reply
    tracker.update(ActionExecuted("action_listen"))
    tracker.update(_user("she says a lad from college raped her on saturday", "disclose_recent_assault"))
    assert policy.next_action(tracker) == "utter_staff_lead_recent_assault"


def test_a_member_of_staff_who_is_not_the_lead_keeps_the_tell_your_dsl_guidance():
    tracker = _tracker(
        _user("I'm not the DSL, I'm her form tutor. she told me her stepdad hits her", "disclose_adult_abuse")
    )
    assert policy.next_action(tracker) == "utter_staff_disclosure"


def test_a_club_volunteer_worried_about_a_fellow_coach_gets_the_allegation_route_not_a_victims_reply():
    # the conversation is the volunteer's from their first message (the speaker entity fills the slot)
    tracker = _tracker(
        _user("two of our other coaches keep DMing the girls and driving them home", "disclose_grooming")
    )
    plays(
        policy.next_action,
        tracker,
        "utter_staff_staff_allegation",
        "action_give_staff_guidance",
        "action_listen",
    )


def test_the_allegation_route_for_a_club_names_its_welfare_officer_and_the_lado(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_staff_staff_allegation"][0], directory)["text"]
    assert "welfare officer" in text and "LADO" in text
    who = fill_message(domain_yaml["responses"]["utter_staff_answer_who_to_call"][0], directory)["text"]
    assert "welfare officer" in who and "LADO" in who


def test_a_lead_who_opened_with_their_role_gets_the_disclosure_route_when_the_child_tells():
    # C9: the lead's general guidance at their first message, then a disclosure: not "the steps above"
    tracker = _tracker(
        _user("safeguarding lead at a sixth form here, in Bexley", "ask_staff_guidance"),
        ActionExecuted("utter_staff_lead_guidance"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        _user("a student has told me her cousin abuses her", "disclose_adult_abuse"),
    )
    assert policy.next_action(tracker) == "utter_staff_lead_disclosure"


@pytest.mark.parametrize(
    "text,intent,first",
    [
        # C10's kinds: the speaker read from the message itself (as TrustedAdultSpeaker fills the
        # slot), then the guidance for the situation, never a reply written for the victim
        (
            "clinic query: a 15 yo in for the coil says her partner is 23",
            "nlu_fallback",
            "utter_staff_exploitation",
        ),
        ("I think she's gillick competent, she wants the pill", "nlu_fallback", "utter_staff_guidance"),
        (
            "she's non verbal and since her respite weekend she cries at bath time",
            "disclose_past_abuse",
            "utter_staff_guidance",
        ),
        (
            "I'm only support staff and a boy in year 7 told me his stepdad hurts him",
            "disclose_adult_abuse",
            "utter_staff_disclosure",
        ),
        (
            "we think it's the agency carer, he signed 'man' when I asked",
            "report_possible_danger",
            "utter_staff_staff_allegation",
        ),
    ],
)
def test_c10_an_adult_shown_by_their_situation_gets_guidance_and_the_borough_routes(text, intent, first):
    from bot.conversation.trusted_adults import speaker_of

    speaker = speaker_of(text)
    assert speaker == "staff"
    tracker = _tracker(_user(text, intent), adult=speaker)
    plays(policy.next_action, tracker, first, "action_give_staff_guidance", "action_listen")


def test_c10_the_general_staff_guidance_fits_a_clinic_or_a_care_service(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_staff_guidance"][0], directory)["text"]
    assert "safeguarding lead" in text and "care service" in text and "clinic" in text
    assert "what the pupil said" not in text  # not every child an adult looks after is a pupil


def test_a_concern_about_a_colleague_told_after_the_general_guidance_gets_the_allegation_route():
    # the gate's C9: a teacher's opener got the general steps, then "our head of year drives a
    # girl home" got "the steps above still apply" with no LADO
    tracker = _tracker(
        _user("I'm a teacher in Brent, bit of an odd one", "ask_staff_guidance"),
        ActionExecuted("utter_staff_guidance"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        _user("the deputy head keeps giving a year 9 girl lifts home on his own", "start_disclosure"),
    )
    plays(
        policy.next_action,
        tracker,
        "utter_staff_staff_allegation",
        "action_give_staff_guidance",
        "action_listen",
    )


def test_the_third_short_reply_is_honest_and_keeps_999_and_not_now(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"][policy.MORE_LAST][0], directory)["text"]
    assert "999" in text and "not your fault" not in text and "I believe you" not in text
    assert [b["title"] for b in domain_yaml["responses"][policy.MORE_LAST][0]["buttons"]] == ["Not now"]


# ---- C12's first run: the borough question left open gave an adult a young person's template ----
def _inside_the_borough_question(message, adult="parent_carer"):
    return _tracker(
        _user("my son's mate told him his stepdad hits him", "disclose_friend_concern"),
        ActionExecuted("utter_parent_disclosure"),
        ActionExecuted("action_listen"),
        _user("the boy lives over in Lambeth, we're in Southwark", "inform_location"),
        ActionExecuted("local_support_form"),
        ActiveLoop("local_support_form"),
        ActionExecuted("action_listen"),
        message,
        adult=adult,
    )


def test_c12_an_adult_going_on_inside_the_borough_question_leaves_it_and_gets_their_reply():
    conversation = _inside_the_borough_question(_user("do I ring his mum first?", "disclose_friend_concern"))
    assert policy.next_action(conversation) == "action_deactivate_loop"
    conversation.update(ActionExecuted("action_deactivate_loop"))
    conversation.update(ActiveLoop(None))
    assert policy.next_action(conversation).startswith(("utter_parent_", "utter_trusted_adult_"))


@pytest.mark.parametrize(
    "message",
    [
        _user("lambeth", "inform_location"),
        _user("no", "deny"),
        _user("not now", "say_not_now"),
    ],
)
def test_c12_an_answer_to_the_borough_question_stays_the_forms(message):
    assert policy.next_action(_inside_the_borough_question(message)) is None


def test_c12_a_young_person_inside_the_borough_question_is_left_to_the_form():
    conversation = _inside_the_borough_question(_user("do i tell my mum", "disclose_friend_concern"))
    conversation.update(SlotSet("trusted_adult", None))
    assert policy.next_action(conversation) is None


def test_c12_the_borough_question_asks_an_adult_where_the_child_lives(domain_yaml):
    variations = domain_yaml["responses"]["utter_ask_borough"]
    for adult in SPEAKERS:
        (text,) = [
            v["text"]
            for v in variations
            if {"type": "slot", "name": "trusted_adult", "value": adult} in (v.get("condition") or [])
        ]
        assert "the child live" in text


def test_b17_unsure_danger_told_by_an_adult_gets_999_first_once_then_their_guidance():
    # B17's kind in our own words: the risk stage's `check` on an adult's message (a child told to
    # go somewhere tonight, a deadline running) got the guidance alone, with no 999
    said = _user(
        "Nan here. My grandson keeps getting texts saying come to the garages tonight or his brother gets hurt",
        "report_possible_danger",
        level="check",
        by_classifier=True,
    )
    conversation = _tracker(said, adult="parent_carer")
    assert policy.next_action(conversation) == "utter_adult_emergency"
    conversation.update(ActionExecuted("utter_adult_emergency"))
    assert policy.next_action(conversation).startswith("utter_parent_")
    # said once: a later unsure turn is answered with the guidance, not 999 again (no loop for an
    # adult telling what happened)
    later = _user("he says they did it to his mate last month", "report_possible_danger", level="check")
    conversation.update(ActionExecuted("action_listen"))
    conversation.update(later)
    assert policy.next_action(conversation) != "utter_adult_emergency"


def test_b17_the_models_urgent_guess_alone_is_not_the_stages_check_for_an_adult():
    # report_possible_danger with no level: the model's guess taken back ("hit ... yesterday");
    # the adult's guidance, not 999
    said = _user("a girl in my class said her stepdad hit her yesterday", "report_possible_danger")
    assert policy.next_action(_tracker(said)).startswith("utter_staff_")


@pytest.mark.parametrize(
    "parts,first",
    [
        # B17's kind in our own words: a crisis only the classifier read, beside a cue the crisis
        # combinations look for (pills gone, not eating, "will try again"), is a child's crisis told
        # by the adult; the classifier alone with no such cue stays the adult's guidance (C6)
        (("means_object", "strong_means"), "utter_adult_crisis"),
        (("not_eating", "past"), "utter_adult_crisis"),
        (("will_try_again",), "utter_adult_crisis"),
        ((), None),
        (("past", "recent"), None),
        # how it is asked, not what: "how many times ... should I try again" (C13's kind)
        (("means_question", "self_question"), None),
    ],
)
def test_b17_a_classifier_crisis_with_a_crisis_cue_told_by_an_adult_gets_the_adult_crisis_reply(parts, first):
    said = _user(
        "Aunt here, my niece has gone quiet since it happened and keeps on about being with her nan",
        "disclose_self_harm",
        level="crisis",
        by_classifier=True,
        parts=parts,
    )
    got = policy.next_action(_tracker(said, adult="parent_carer"))
    assert got == first if first else got != "utter_adult_crisis"


@pytest.mark.parametrize(
    "opener",
    [
        "one of my gymnasts told me something after practice, not sure what to do",
        "I'm a TA, I need some guidance about a disclosure",
    ],
)
def test_c13_an_opener_then_the_telling_gets_the_disclosure_guidance_not_the_steps_above(opener):
    # C13's first run: "can a child who doesn't talk make a disclosure?" read as the disclosure
    # itself, so the symbol-board telling that followed got "the steps above still apply"
    tracker = _tracker(
        _user(opener, "start_disclosure"),
        ActionExecuted("utter_staff_guidance"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        _user("she pointed at her bottom and signed 'daddy' and 'sore'", "disclose_adult_abuse"),
    )
    plays(
        policy.next_action, tracker, "utter_staff_disclosure", "action_give_staff_guidance", "action_listen"
    )


def test_c13_a_coach_told_of_forced_sex_at_the_weekend_gets_the_recent_assault_guidance():
    tracker = _tracker(
        _user("one of my boxers told me something tonight", "start_disclosure"),
        ActionExecuted("utter_staff_guidance"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        _user("15, says a man forced himself on him on saturday night, he's in pain", "disclose_grooming"),
    )
    assert policy.next_action(tracker) == "utter_staff_recent_assault"


def test_c13_a_new_situation_after_an_opener_gets_its_guidance_then_the_question_answered():
    # C13's kind in our own words: an opener got the general steps; the telling that follows asks
    # a question too. The situation's guidance comes first (the Havens for a recent assault), then
    # the answer, not the answer alone with the guidance a turn late
    from bot.rasa_plugins import question_policy

    conversation = _tracker(
        _user("evening. one of my dancers told me something tonight", "start_disclosure"),
        ActionExecuted("utter_staff_guidance"),
        ActionExecuted("action_listen"),
        _user(
            "one of my dancers, 15, says a man at a party forced himself on her on friday. do I ring her mum?",
            "disclose_recent_assault",
        ),
    )
    assert question_policy.next_action(conversation) is None
    plays(
        policy.next_action,
        conversation,
        "utter_staff_recent_assault",
        "utter_staff_answer_parents",
        "action_listen",
    )


def test_c13_once_a_situations_guidance_was_given_its_questions_are_answered_straight_away():
    from bot.rasa_plugins import question_policy

    conversation = _tracker(
        _user("A pupil told me her stepdad hurts her.", "disclose_adult_abuse"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_give_staff_guidance"),
        ActionExecuted("action_listen"),
        _user("Do I tell her mum when she picks her up?", "nlu_fallback"),
    )
    assert question_policy.next_action(conversation) == "utter_staff_answer_parents"


@pytest.mark.parametrize(
    "text,adult,first",
    [
        # B18's kinds in our own words: a child's location somewhere she should not be and no
        # answer, the one who hurts a child collecting her today, a man who is not staff in the
        # pupils' toilets: 999 first for the adult; a note saying who gets her things, a flagged
        # search for painless ways, going to see a dead grandparent soon: the adult crisis reply
        (
            "Mum here. Snap map puts my 13 year old at a flat in Slough, she's supposed to be at her friend's in Hackney, and she's not answering",
            "parent_carer",
            "utter_adult_emergency",
        ),
        (
            "I'm a teaching assistant. A year 3 girl told me the man who hits her is picking her up after school today",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "Caretaker here, there's a man with no lanyard in the boys changing rooms and PE is about to start",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "Dad here. Found a letter in my son's bag saying who should have his games and his phone. He's at football.",
            "parent_carer",
            "utter_adult_crisis",
        ),
        (
            "Head of year. Our filter flagged a year 9 searching painless methods at break",
            "staff",
            "utter_adult_crisis",
        ),
        (
            "Nan here. My granddaughter keeps saying she'll be with her mum again soon. Her mum died two years ago.",
            "parent_carer",
            "utter_adult_crisis",
        ),
    ],
)
def test_b18_danger_now_or_a_crisis_told_by_an_adult_gets_the_adult_urgent_reply(text, adult, first):
    assert policy.next_action(_tracker(_as_safety_net_reads(text), adult=adult)) == first


@pytest.mark.parametrize(
    "adult,first",
    [("staff", "utter_staff_forced_marriage"), ("parent_carer", "utter_parent_forced_marriage")],
)
def test_a_child_to_be_married_abroad_gets_the_forced_marriage_guidance(adult, first):
    # C15: a school nurse's "taken back home over half-term to get engaged" got the general steps
    tracker = _tracker(
        _user(
            "One of our Year 9s says she is being sent back home in the summer to get married",
            "start_disclosure",
        ),
        adult=adult,
    )
    expected = [first, "action_give_staff_guidance"] if adult == "staff" else [first]
    plays(policy.next_action, tracker, *expected, "action_listen")


@pytest.mark.parametrize(
    "text,adult,first",
    [
        # B19's kinds in our own words: danger now with no one's harm act told by an adult (a small
        # child gone from the garden, a pupil gone on a trip with an adult nobody knows, a toddler
        # on a high balcony alone, older lads collecting a pupil at a time today) is 999 first for
        # them, not their guidance; a crisis relayed by an adult (would you feel it beside a train
        # or a fall, a website about methods, a belt tied to a door "to see") is the adult crisis
        # reply, and a ligature tried with her upstairs now is not read as danger now
        (
            "Childminder. The 3 year old I look after has gone, she was in the garden 5 minutes ago and the side gate is open",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "I'm a teacher on a trip to the aquarium, one of our Year 5s is missing, last seen 15 minutes ago with a man none of us know",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "Next door neighbour. A toddler is alone on the 10th floor balcony opposite, climbing on a box by the railing",
            "parent_carer",
            "utter_adult_emergency",
        ),
        (
            "Head of year. A Year 9 just told me some older lads in a car are picking her up outside at 4 today. It's 3:35 now.",
            "staff",
            "utter_adult_emergency",
        ),
        (
            "Mentor here. One of my young people asked me how fast the trains come through the station and whether you'd feel it. He's been really down.",
            "staff",
            "utter_adult_crisis",
        ),
        (
            "Dad. My son's been on a forum about methods, it's still open on his phone, and he seemed oddly calm at tea",
            "parent_carer",
            "utter_adult_crisis",
        ),
        (
            "Foster carer. Our 14 year old tied her dressing gown cord to the bunk bed rail, says she was just testing it. She's upstairs now.",
            "parent_carer",
            "utter_adult_crisis",
        ),
    ],
)
def test_b19_danger_now_or_a_crisis_told_by_an_adult_gets_the_adult_urgent_reply(text, adult, first):
    assert policy.next_action(_tracker(_as_safety_net_reads(text), adult=adult)) == first


def test_a_parent_telling_of_someone_who_works_with_children_gets_the_lado_route(domain_yaml, directory):
    # C13, C15: foster carers told of abuse in a previous fostering household, and a parent told of
    # a teacher, got the parents' general disclosure reply with no LADO
    tracker = _tracker(
        _user(
            "Our foster son says the old carer's son used to make him do sexual things",
            "disclose_adult_abuse",
        ),
        adult="parent_carer",
    )
    plays(policy.next_action, tracker, "utter_parent_staff_allegation", "action_listen")
    text = fill_message(domain_yaml["responses"]["utter_parent_staff_allegation"][0], directory)["text"]
    assert "LADO" in text and "999" in text


def test_a_medical_emergency_from_an_adult_gets_the_ambulance_in_their_terms_then_guidance():
    # C16: a foster carer and a care worker got the young person's medical reply, with the crisis
    # lines "when you're safe" aimed at them
    tracker = _tracker(
        _user(
            "our foster son has taken a load of his mum's tablets and won't wake up",
            "report_medical_emergency",
        ),
        adult="parent_carer",
    )
    assert policy.next_action(tracker) == "utter_adult_medical"
    tracker.update(ActionExecuted("utter_adult_medical"))
    assert policy.next_action(tracker) not in (None, "utter_adult_medical", "utter_adult_crisis")
    young = _tracker(_user("i took a load of tablets and feel sick", "report_medical_emergency"), adult=None)
    assert policy.next_action(young) is None  # a young person's medical emergency keeps its own rule


@pytest.mark.parametrize(
    "text",
    [
        # C16's kind, in our own words: the child's own words of not wanting to live, relayed by
        # the adult and read by the classifier alone
        "my daughter keeps saying she wants to disappear and not wake up",
        "he also told me 'i don't want to be here anymore', then laughed it off",
    ],
)
def test_a_childs_crisis_relayed_by_an_adult_and_read_by_the_classifier_gets_the_adult_crisis_reply(text):
    said = _user(text, "disclose_self_harm", level="crisis", by_classifier=True)
    assert policy.next_action(_tracker(said, adult="parent_carer")) == "utter_adult_crisis"


# ---- C17: the writer's own child accused; a child in danger now after the adult's 999 reply ----


def _check(text):
    return _user(text, "report_possible_danger", level="check")


def test_c17_an_accused_childs_parent_gets_their_own_reply_and_no_999_first_on_a_check():
    conversation = _tracker(
        _user(
            "the head rang: our 14 year old has been excluded for groping a girl on the coach", "nlu_fallback"
        ),
        adult="parent_carer",
    )
    plays(policy.next_action, conversation, "utter_parent_harmful_behaviour", "action_listen")
    conversation.update(
        _check("she says he pushed her against the seat and grabbed her, he says he never touched her")
    )
    # what the other child says he did: not 999 first, not the harmed child's image or assault reply
    plays(policy.next_action, conversation, "utter_parent_answer_child_denies", "action_listen")


def test_c17_a_question_in_a_check_turn_gets_its_answer_not_the_steps_above():
    conversation = _tracker(
        _user("school say my son's been involved in HSB with a girl in his form", "nlu_fallback"),
        ActionExecuted("utter_parent_harmful_behaviour"),
        ActionExecuted("action_listen"),
        _check("they're keeping him in isolation away from her, are they allowed when nothing's been proven"),
        adult="parent_carer",
    )
    plays(policy.next_action, conversation, "utter_parent_answer_kept_apart", "action_listen")


def test_c17_a_harmed_childs_parent_still_gets_999_first_on_a_check():
    conversation = _tracker(
        _check("a boy in her year grabbed my daughter at the bus stop and won't leave her alone"),
        adult="parent_carer",
    )
    assert policy.next_action(conversation) == "utter_adult_emergency"


def test_c17_after_the_999_reply_an_adult_begged_not_to_call_gets_999_again_and_not_to_go_alone():
    conversation = _tracker(
        _check("my nephew is texting me from a flat in croydon, some older lads won't let him leave"),
        ActionExecuted("utter_adult_emergency"),
        ActionExecuted("utter_parent_general"),
        ActionExecuted("action_listen"),
        _check(
            "he's pleading with me not to call the police, he thinks he'll be in trouble. should I just drive over there"
        ),
        adult="parent_carer",
    )
    plays(
        policy.next_action,
        conversation,
        "utter_adult_answer_no_police_in_danger",
        "utter_adult_answer_dont_go_alone",
        "action_listen",
    )


@pytest.mark.parametrize(
    "text",
    [
        # B21: the adult is safe, the child is not: an answer to the danger question (the route
        # goes on), not something new to be given their guidance
        "I'm fine, I'm her mum, but she's still with him at his flat",
        "We're safe, I'm his foster carer, but he is still in the car with those men",
    ],
)
def test_an_adult_safe_but_the_child_not_answers_the_danger_question(text):
    tracker = _tracker(
        ActionExecuted("utter_ask_in_danger_now"),
        BotUttered("Are you in danger right now?"),
        ActionExecuted("action_listen"),
        _user(text, "confirm_safe"),
        adult="parent_carer",
    )
    assert policy.next_action(tracker) is None
