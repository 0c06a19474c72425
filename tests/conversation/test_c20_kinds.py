"""C20's first run (issue 13): wrong templates, unanswered questions and openers read as "not
understood". Kinds, in our own words (none of them a C20 sentence), tested both ways: messages of
the kind that must now be caught, and look-alikes (calm, past, joking, a school question) that
must stay as they were."""

from __future__ import annotations

import re

import pytest
from rasa.shared.core.events import ActionExecuted

from bot.conversation.questions import answers_for
from bot.conversation.reply_cues import announces_something, told_as_assault
from bot.conversation.topics import topic_of_turn
from bot.conversation.trusted_adults import situation_of
from bot.nlg.placeholders import fill_message
from bot.rasa_plugins import question_policy, topic_policy
from tests.rasa_plugins.trackers import plays
from tests.rasa_plugins.trackers import tracker as _tracker
from tests.rasa_plugins.trackers import user as _user

YP, STAFF, PARENT, LEAD = "young_person", "staff", "parent_carer", "safeguarding_lead"


# ---- adults' questions answered instead of "I don't have a sourced answer" -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "What precisely am I supposed to note down?",
        "do I put it in her exact words or my own summary",
        "Should I record it word for word?",
        "Do I need to log exactly what she said to me?",
    ],
)
def test_what_goes_in_the_record_and_in_whose_words_is_answered(text):
    assert answers_for(text, STAFF)[:1] == ["utter_staff_answer_record_contents"], text


@pytest.mark.parametrize(
    "text",
    [
        "I've written down the date of the trip in my diary",
        "Her exact words were 'leave me alone'",
    ],
)
def test_writing_or_words_about_something_else_is_not_the_record_question(text):
    assert "utter_staff_answer_record_contents" not in answers_for(text, STAFF), text


@pytest.mark.parametrize(
    "text",
    [
        "What if my line manager just waves it off, where else can I take it?",
        "The trustees want it dealt with internally. Can I go above them?",
        "The chair said they'll sort it in-house and not tell anyone",
        "I think the management are going to cover it up",
    ],
)
def test_going_past_a_setting_that_brushes_it_off_is_answered_with_the_lado_and_whistleblowing(text):
    answers = answers_for(text, STAFF)
    assert "utter_staff_answer_escalate" in answers, text
    assert "utter_parent_answer_escalate" in answers_for(text, PARENT), text


@pytest.mark.parametrize(
    "text",
    [
        "The head was really helpful and rang the LADO straight away",
        "We handled the trip planning in-school this year",
        "Who is the DSL at our school?",
    ],
)
def test_a_setting_that_acted_or_an_ordinary_question_is_no_escalation(text):
    assert "utter_staff_answer_escalate" not in answers_for(text, STAFF), text


def test_the_escalation_answer_cites_its_source_and_never_tells_a_lead_to_tell_the_dsl(
    domain_yaml, directory
):
    text = fill_message(domain_yaml["responses"]["utter_staff_answer_escalate"][0], directory)["text"]
    assert "Keeping children safe in education" in text and "Whistleblowing" in text
    assert not re.search(r"\btell (your|the) DSL\b", text)


@pytest.mark.parametrize(
    "text",
    [
        "She came in for the morning after pill. Do I still give it to her?",
        "Should I go ahead with the implant appointment after what he told me?",
        "can I still prescribe the pill now she's disclosed this",
    ],
)
def test_contraception_after_a_disclosure_is_answered_safeguarding_first(text):
    assert answers_for(text, STAFF)[:1] == ["utter_staff_answer_contraception"], text
    assert answers_for(text, LEAD)[:1] == ["utter_staff_lead_answer_contraception"], text


def test_the_contraception_answer_leads_with_the_dsl_and_cites_the_nhs_page(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_staff_answer_contraception"][0], directory)["text"]
    assert text.startswith("Safeguarding first: tell your DSL")
    assert "five days" in text and "Source:" in text


@pytest.mark.parametrize(
    "text",
    [
        "We run a contraception lesson in year 10 PSHE",
        "What is the pill made of?",
    ],
)
def test_a_lesson_or_a_question_without_asking_what_to_do_is_not_the_contraception_kind(text):
    assert "utter_staff_answer_contraception" not in answers_for(text, STAFF), text


@pytest.mark.parametrize(
    "text",
    [
        "How do I actually speak to him once he's up?",
        "how can I even approach her about it in the morning",
    ],
)
def test_how_to_talk_to_the_child_is_answered_with_what_to_say(text):
    assert answers_for(text, PARENT)[:1] == ["utter_parent_answer_what_to_say"], text


@pytest.mark.parametrize(
    "text",
    [
        "Her contact visit is booked for 2pm on Thursday at the centre",
        "There's contact this weekend. Can we just keep him home?",
        "contact's planned at the hub tomorrow, should I cancel?",
    ],
)
def test_contact_coming_soon_with_a_time_or_place_between_is_answered(text):
    assert "utter_adult_answer_contact_soon" in answers_for(text, PARENT), text


@pytest.mark.parametrize(
    "text",
    [
        "I lost contact with her mum years ago",
        "Should I cancel his football on Saturday?",
    ],
)
def test_contact_in_other_senses_is_not_the_contact_kind(text):
    assert "utter_adult_answer_contact_soon" not in answers_for(text, PARENT), text


@pytest.mark.parametrize(
    "text",
    [
        "Could I get into trouble for not passing it on last week?",
        "If it turns out I'm wrong they'll push me out of the congregation",
        "I'll be shunned by everyone at the mosque",
    ],
)
def test_fear_for_oneself_for_having_waited_or_for_a_place_in_a_community_is_answered(text):
    assert "utter_staff_answer_lose_job" in answers_for(text, STAFF), text


@pytest.mark.parametrize(
    "text",
    [
        "I want to turn up at his flat and have it out with him",
        "We know where the lad lives",
    ],
)
def test_a_parent_going_round_to_the_persons_home_is_asked_not_to(text):
    assert answers_for(text, PARENT)[:1] == ["utter_parent_answer_confront"], text


def test_a_parent_going_round_to_a_friends_house_is_not_confronting():
    assert "utter_parent_answer_confront" not in answers_for("she's going round to her nan's house", PARENT)


def test_how_to_report_asked_by_a_parent_gets_who_to_call():
    assert answers_for("I'm no good with the internet. How can we report him?", PARENT)[:1] == [
        "utter_parent_answer_who_to_call"
    ]


# ---- a parent whose own child did the harm ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "It's about our daughter doing something to another child, not something done to her",
        "this is about my stepson who did something sexual to his sister",
    ],
)
def test_a_parent_whose_own_child_did_something_is_the_harmful_behaviour_situation(text):
    assert situation_of([text]) == "harmful_behaviour", text


@pytest.mark.parametrize(
    "text",
    [
        "It's about my son, something was done to him at camp",
        "my daughter was hurt by an older boy",
        "this is about my son doing something brave at school",
    ],
)
def test_a_parent_whose_child_was_harmed_is_not_read_as_the_child_who_harmed(text):
    assert situation_of([text]) != "harmful_behaviour", text


@pytest.mark.parametrize(
    "text",
    [
        "Where could a seven year old have picked that up? Has someone hurt him?",
        "Why would she do something like that?",
    ],
)
def test_why_the_child_did_it_gets_no_guess_and_who_can_help(text):
    answers = answers_for(text, PARENT, situation="harmful_behaviour")
    assert answers[:1] == ["utter_parent_answer_child_harmed_why"], text


def test_why_asked_when_the_child_was_harmed_is_not_the_harmful_behaviour_answer():
    answers = answers_for("Why would he do something like that to her?", PARENT, situation="disclosure")
    assert "utter_parent_answer_child_harmed_why" not in answers


def test_families_like_ours_gets_help_for_the_child_who_harmed():
    answers = answers_for("Is there anyone who helps parents like us?", PARENT, situation="harmful_behaviour")
    assert answers[:1] == ["utter_parent_answer_help_for_child_who_harmed"]


# ---- young people's questions -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "what does consent even mean",
        "can someone explain the meaning of consent",
        "people say it doesnt count if ur drunk, is that true?",
        "weve had sex before so does it still count",
    ],
)
def test_consent_questions_get_what_the_law_says(text):
    assert "utter_answer_consent_law" in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    [
        "we both are 15 so could we get done for it",
        "is it illegal if were both under sixteen",
        "are we gonna be in trouble, we're 14",
    ],
)
def test_both_under_16_asking_about_trouble_gets_that_part_of_the_law(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_both_under_16"], text


@pytest.mark.parametrize(
    "text",
    [
        "were both 15 and we swapped pics, will we get in trouble",
        "we are both 14 and he sent me a video, is that illegal",
    ],
)
def test_both_under_16_with_pictures_gets_the_answer_about_images_not_sex(text):
    answers = answers_for(text, YP)
    assert "utter_answer_both_under_16" not in answers, text
    assert answers[:1] in (["utter_answer_trouble"], ["utter_answer_image_age_law"]), text


@pytest.mark.parametrize(
    "text",
    [
        "we both got told off in class today",
        "my little brother is 12 and under 16s cant watch that film",
    ],
)
def test_school_trouble_or_a_film_rating_is_not_the_under_16_kind(text):
    assert "utter_answer_both_under_16" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    [
        "i was drunk at my cousins wedding lol",
        "we both got in trouble for talking in class",
        "i consent to the school trip form",
    ],
)
def test_drink_trouble_or_a_form_are_not_consent_questions(text):
    assert "utter_answer_consent_law" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    [
        "if i tell the imam will it just get dealt with in the mosque",
        "will the club just keep it quiet",
        "i think theyll sort it within the team and nobody will know",
    ],
)
def test_being_kept_inside_a_church_club_or_team_is_answered(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_kept_inside"], text


@pytest.mark.parametrize(
    "text",
    [
        "we sang in the church choir on sunday",
        "my team won inside the sports hall",
    ],
)
def test_a_church_or_team_with_nothing_kept_inside_is_not_the_kind(text):
    assert "utter_answer_kept_inside" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("i dont wanna be a grass tho", "utter_answer_snitch"),
        ("would reporting it be snitching", "utter_answer_snitch"),
        ("who do i tell when the head of year is his best mate", "utter_answer_head_close_to_him"),
        ("hes close friends with the manager so whats the point", "utter_answer_head_close_to_him"),
        ("is there any point in reporting it if i dont know his name", "utter_answer_worth_reporting"),
        ("is it actually worth telling anyone", "utter_answer_worth_reporting"),
        ("is there someone who speaks romanian i could talk to", "utter_answer_language_person"),
        ("can i chat with a counsellor in arabic", "utter_answer_language_person"),
    ],
)
def test_young_peoples_questions_get_their_answer(text, answer):
    assert answers_for(text, YP)[:1] == [answer], text


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("my mate is a snitch lol", "utter_answer_snitch"),
        ("the head is really strict about phones", "utter_answer_head_close_to_him"),
        ("whats the point of homework", "utter_answer_worth_reporting"),
        ("i speak polish at home with my nan", "utter_answer_language_person"),
    ],
)
def test_look_alikes_do_not_get_those_answers(text, answer):
    assert answer not in answers_for(text, YP), text


# ---- a sexual assault the model read as grooming ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "at the house party a lad from sixth form pushed me onto the bed and held me down",
        "i told him no and he just laughed and carried on",
        "i woke up on the sofa and he was touching me",
        "i only agreed cos he wouldnt stop going on at me and got angry",
    ],
)
def test_an_assault_with_no_sign_of_grooming_is_the_assault_topic(text):
    assert told_as_assault(text), text
    assert topic_of_turn("disclose_grooming", text) == "assault", text


@pytest.mark.parametrize(
    "text",
    [
        "a man on snapchat keeps asking for pics and says dont tell",
        "he touched me under my clothes when we met up after he bought me stuff",
        "hes 25 and keeps touching my leg when he gives me lifts",
        "he made me do stuff on camera when we were on facetime",
    ],
)
def test_grooming_signs_or_an_adult_keep_the_grooming_topic(text):
    assert topic_of_turn("disclose_grooming", text) == "grooming", text


# C21's first run: two rapes, by an older lad at a party and by a man met on an app, got the
# grooming line. A rape told in so many words is an assault whoever did it (it was "hes 25 and
# held me down" -> grooming in C20's tests; the assault's routes, the Havens first, fit it better)
@pytest.mark.parametrize(
    "text",
    [
        "hes 25 and held me down",
        "this man i met off an app said he was 18, at his place he made me do it",
        "an older lad from year 13 took me into the toilets and did stuff, sexual stuff",
        "my friends brother, hes like 20, had sex with me when i was asleep",
    ],
)
def test_a_rape_told_in_so_many_words_is_the_assault_topic_whoever_did_it(text):
    assert topic_of_turn("disclose_grooming", text) == "assault", text


def test_the_assault_read_as_grooming_gets_the_assault_acknowledgement():
    tracker = _tracker(_user("he held me down at the party, i kept saying no", "disclose_grooming"))
    plays(topic_policy.next_action, tracker, "utter_acknowledge_assault", "action_signpost")


# ---- openers that announce something ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "hey is it ok if i tell you something personal",
        "sorry if my spelling is bad im dyslexic",
        "i live in a childrens home and im scared to say stuff",
        "dont know how to explain this",
        "hi. i need some advice",
    ],
)
def test_an_opener_that_announces_something_gets_the_invitation(text):
    assert announces_something(text), text
    tracker = _tracker(_user(text, "nlu_fallback"))
    plays(topic_policy.next_action, tracker, "utter_invite_to_share", "action_listen")


@pytest.mark.parametrize(
    "text",
    [
        "whats the capital of france",
        "lol my cat is sat on my keyboard",
        "i need to revise for my maths test",
    ],
)
def test_a_message_that_announces_nothing_keeps_not_understood(text):
    assert not announces_something(text), text
    assert topic_policy.next_action(_tracker(_user(text, "nlu_fallback"))) is None


@pytest.mark.parametrize(
    "text",
    [
        "i need help quick someone is blackmailing me",
        "can i tell u something, hes threatening to post my nudes unless i pay",
    ],
)
def test_an_opener_that_already_tells_what_happened_gets_that_reply_not_the_invitation(text):
    tracker = _tracker(_user(text, "nlu_fallback"))
    plays(topic_policy.next_action, tracker, "utter_acknowledge_image_abuse", "action_signpost")


def test_the_invitation_has_a_not_now_choice(domain_yaml):
    titles = [b["title"] for b in domain_yaml["responses"]["utter_invite_to_share"][0]["buttons"]]
    assert "Not now" in titles


# ---- "nvm" after a disclosure, and no list asked for ------------------------------------------------


def test_not_now_after_a_friends_disclosure_leaves_the_door_open_for_the_friend():
    tracker = _tracker(
        _user("my mate told me her uncle does stuff to her", "disclose_friend_concern"),
        ActionExecuted("utter_acknowledge_friend"),
        ActionExecuted("action_listen"),
        _user("forget it i'll leave it", "say_not_now"),
    )
    plays(topic_policy.next_action, tracker, "utter_not_now_friend", "action_listen")


def test_not_now_after_their_own_disclosure_leaves_the_door_open():
    tracker = _tracker(
        _user("my step dad hits me when hes drunk", "disclose_adult_abuse"),
        ActionExecuted("utter_acknowledge_adult_abuse"),
        ActionExecuted("action_listen"),
        _user("never mind", "say_not_now"),
    )
    plays(topic_policy.next_action, tracker, "utter_not_now_after_disclosure", "action_listen")


def test_not_now_with_nothing_told_keeps_its_own_rule():
    assert topic_policy.next_action(_tracker(_user("maybe later", "say_not_now"))) is None


def test_no_list_asked_for_with_an_intent_that_shows_a_list_gets_the_invitation():
    tracker = _tracker(_user("can i tell u something without u sending me numbers", "ask_report_anonymously"))
    plays(topic_policy.next_action, tracker, "utter_invite_to_share", "action_listen")


def test_anonymous_reporting_asked_without_refusing_a_list_keeps_its_rule():
    tracker = _tracker(_user("can i report without saying my name", "ask_report_anonymously"))
    assert topic_policy.next_action(tracker) is None


# ---- an adult's question read as a privacy question ------------------------------------------------


def _adult_after_guidance(text, intent):
    return _tracker(
        _user("a boy in my class told me his dad hurts him", "ask_staff_guidance"),
        ActionExecuted("utter_staff_disclosure"),
        ActionExecuted("action_listen"),
        _user(text, intent),
        adult="staff",
    )


def test_an_adults_record_question_read_as_privacy_is_answered():
    tracker = _adult_after_guidance("Should I note down precisely what words he used?", "ask_privacy")
    plays(question_policy.next_action, tracker, "utter_staff_answer_record_contents", "action_listen")


def test_an_adults_real_privacy_question_keeps_its_reply():
    tracker = _adult_after_guidance("is this chat stored anywhere", "ask_privacy")
    assert question_policy.next_action(tracker) is None


def test_a_young_persons_privacy_question_keeps_its_reply_even_with_a_question_of_ours():
    tracker = _tracker(_user("will my mum find out what i type here", "ask_privacy"))
    assert question_policy.next_action(tracker) is None


def test_an_adults_escalation_question_read_as_local_support_is_answered_first():
    tracker = _adult_after_guidance(
        "if she brushes me off is there anywhere else I can go", "ask_local_support"
    )
    plays(question_policy.next_action, tracker, "utter_staff_answer_escalate", "action_listen")


# ---- wording: no "her" for any child, no victim wording to a parent ---------------------------------


def test_the_missing_child_answer_names_no_gender(domain_yaml):
    text = domain_yaml["responses"]["utter_adult_answer_missing_now"][0]["text"]
    assert not re.search(r"\b(she|her|he|him|his)\b", text, re.I)


def test_the_adults_evidence_answer_is_not_victim_wording(domain_yaml):
    text = domain_yaml["responses"]["utter_adult_answer_evidence"][0]["text"]
    assert "nothing is ruined" not in text.lower()
    assert text.startswith("If anything isn't washed yet, leave it as it is")


# ---- an adult's telling read as no situation ("the steps above still apply") -----------------------


@pytest.mark.parametrize(
    ("text", "situation"),
    [
        (
            "on his tablet someone who claims he's 22 keeps telling him not to tell his parents",
            "exploitation",
        ),
        ("the messages say she is really grown up for her age and never tell your mum", "exploitation"),
        ("she said her uncle used to 'do things' to her when she stayed over", "disclosure"),
    ],
)
def test_an_adults_telling_of_grooming_signs_or_quoted_words_shows_its_situation(text, situation):
    assert situation_of([text]) == situation, text


@pytest.mark.parametrize(
    "text",
    [
        "he says he's 12 and in year 7",
        "she's really mature for her age, her teachers always say so",
        "his dad does the school run and 'stuff' like that",
    ],
)
def test_an_age_a_compliment_or_plans_show_no_grooming_or_disclosure(text):
    assert situation_of([text]) not in ("exploitation", "disclosure"), text


def test_keep_it_in_the_family_is_not_a_question_about_the_picture():
    answers = answers_for(
        "his grandad says we should keep it in the family and not tell anyone",
        PARENT,
        situation="harmful_behaviour",
    )
    assert "utter_parent_answer_shared_image" not in answers
    assert "utter_parent_answer_shared_image" in answers_for(
        "should I keep the photo on his phone for the school?", PARENT, situation="harmful_behaviour"
    )
