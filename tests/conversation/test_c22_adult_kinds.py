"""C22's first run (issue 13): adults answered as the victim, and needless 999. Kinds, in our own
words (none of them a C22 sentence), tested both ways:

1. a young person telling of a brother's, sister's or cousin's abuse is worried about someone else
   (the friend_concern route, utter_acknowledge_relative), not the one in danger;
2. an employer or business owner worried about their young worker is a trusted adult with no DSL
   to tell (utter_staff_employer_guidance, the `employer` answers);
3. abuse told as going on since a time of the school year is a disclosure, not danger now;
4. the abuser at a family occasion ahead is a worry to plan for, not danger now.
Look-alikes: a young person's own abuse by a relative, a young worker writing of their manager,
danger tonight or now."""

from __future__ import annotations

import pytest

from bot.conversation.questions import answers_for, audience_of
from bot.conversation.reply_cues import about_a_relative
from bot.conversation.topics import topic_of_turn
from bot.conversation.trusted_adults import speaker_of, writes_as_employer, writes_as_lead
from bot.nlg.placeholders import fill_message
from bot.rasa_plugins import topic_policy
from bot.rasa_plugins import trusted_adult_policy as adult_policy
from bot.safety.risk import assess_risk, default_risk_data
from tests.rasa_plugins.trackers import plays, tracker
from tests.rasa_plugins.trackers import user as _user

YP, EMPLOYER = "young_person", "employer"

# ---- 1. a brother's, sister's or cousin's abuse: a worry about someone else ---------------------

RELATIVE_TELLINGS = [
    "my big sister told me her ex keeps turning up at her college and grabbing her",
    "my younger brother's only 11 and he says the man next door gives him sweets to go in",
    "my cousin told me her mums boyfriend comes into the bathroom when shes in the shower",
    "a guy from the gym keeps messaging my little sister and she's 14",
    "my sister is 9 and she said her swimming teacher touches her",
    "my sisters new boyfriend is 22 and she's 15, he picks her up from school",
]


@pytest.mark.parametrize("text", RELATIVE_TELLINGS)
def test_a_relatives_abuse_told_by_a_young_person_is_a_worry_about_someone_else(text):
    assert about_a_relative(text), text
    for intent in ("disclose_adult_abuse", "disclose_grooming", "disclose_assault", "disclose_past_abuse"):
        assert topic_of_turn(intent, text) == "friend_concern", (intent, text)
    assert speaker_of(text) is None  # a young person, not an adult


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own abuse, by a relative or a relative's partner
        "my brothers mate touches me when hes round",
        "my big cousin abused me when i was little",
        "my stepbrother keeps coming in my room",
        "my sister's boyfriend tried to kiss me",
        "my older sister told me to send him pics",
        "i was touched by my uncle, my sister knows",
        # a relative named with no harm to them
        "my little sister is so annoying",
    ],
)
def test_the_writers_own_abuse_or_a_relative_with_no_harm_stays_as_it_was(text):
    assert not about_a_relative(text), text
    assert topic_of_turn("disclose_adult_abuse", text) == "adult_abuse"


def test_a_relative_named_in_a_message_that_tells_nothing_shows_no_topic():
    # the relative's cue changes a disclosure's topic only; it makes nothing a disclosure
    assert topic_of_turn("nlu_fallback", "my brother is 12 and he loves football") is None


def test_a_relatives_abuse_read_as_the_writers_own_gets_the_relatives_reply_and_routes():
    conversation = tracker(
        _user(
            "my little brother told me his coach makes him get changed in front of him",
            "disclose_adult_abuse",
        )
    )
    plays(
        topic_policy.next_action,
        conversation,
        "utter_acknowledge_relative",
        "action_signpost",
        "action_listen",
    )


def test_a_relatives_abuse_read_as_a_friends_gets_the_relatives_words():
    conversation = tracker(
        _user("my cousin said her dads friend sends her messages at night", "disclose_friend_concern")
    )
    plays(topic_policy.next_action, conversation, "utter_acknowledge_relative", "action_signpost")


def _weak_check(text, model_intent):
    return _user(text, "report_possible_danger", model_intent=model_intent, level="check", by_classifier=True)


def test_a_relatives_abuse_only_the_classifier_read_as_danger_gets_no_danger_question():
    # "Are you in danger right now?" asked of a sister telling of her sister: the relative's reply
    # (999 for them if in danger now) and the routes, then more of it is thanked, not asked again
    conversation = tracker(
        _weak_check("my older sister said her boyfriend pushed her down the stairs", "disclose_adult_abuse")
    )
    plays(
        topic_policy.next_action,
        conversation,
        "utter_adult_emergency",
        "utter_acknowledge_relative",
        "action_signpost",
        "action_listen",
    )
    conversation.update(
        _weak_check("he shouts at her all the time and she's scared of him", "disclose_adult_abuse")
    )
    assert topic_policy.next_action(conversation) == "utter_same_topic_more"


def test_a_relatives_abuse_the_words_read_as_possible_danger_gets_999_for_them_and_no_question():
    conversation = tracker(
        _user(
            "my sister is 14 and her boyfriend hits her and takes her phone off her",
            "report_possible_danger",
            model_intent="disclose_adult_abuse",
            level="check",
            parts=("harm_done",),
        )
    )
    plays(
        topic_policy.next_action,
        conversation,
        "utter_adult_emergency",
        "utter_acknowledge_relative",
        "action_signpost",
        "action_listen",
    )


def test_the_writers_own_danger_beside_a_relative_keeps_the_danger_route():
    conversation = tracker(
        _weak_check("my sister's boyfriend pushed me and hes still here", "disclose_adult_abuse")
    )
    assert topic_policy.next_action(conversation) != "utter_acknowledge_relative"


@pytest.mark.parametrize(
    "text",
    [
        "should i tell my dad",
        "do i tell our mum or not",
        "how can i help her",
        "she made me swear not to say anything",
        "who should i tell",
    ],
)
def test_after_a_relatives_abuse_what_to_do_is_telling_an_adult_not_the_victims_answer(text):
    answers = answers_for(text, YP, given=("utter_acknowledge_relative",), topic="friend_concern")
    assert answers[:1] == ["utter_answer_relative_what_to_do"], text
    assert "utter_answer_tell_parent" not in answers


def test_a_young_persons_own_question_about_telling_a_parent_keeps_its_answer():
    assert answers_for("should i tell my mum", YP, topic="adult_abuse")[:1] == ["utter_answer_tell_parent"]


def test_the_relatives_replies_name_999_and_an_adult_and_no_victim_wording(domain_yaml, directory):
    ack = fill_message(domain_yaml["responses"]["utter_acknowledge_relative"][0]["text"], directory)
    assert "999" in ack and "safeguarding lead" in ack
    answer = fill_message(domain_yaml["responses"]["utter_answer_relative_what_to_do"][0]["text"], directory)
    assert "Childline" in answer
    for text in (ack, answer):
        assert "until you're ready" not in text and "I believe you" not in text


# ---- 2. an employer or business owner: a trusted adult with no DSL ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We run a family bakery and the lad who does Saturdays is 15, a customer keeps offering him lifts",
        "I'm the duty manager at a supermarket and I'm worried about one of our sales assistants",
        "takeaway owner here, a driver who collects orders keeps chatting up my 16 year old waitress",
        "as his boss I'm not sure what I'm allowed to do",
        "a 16 year old we hired for the summer says a regular keeps asking for her snapchat",
        "one of my baristas is only 16 and a man waits for her every evening",
    ],
)
def test_an_employer_is_a_trusted_adult_who_acts_themselves(text):
    assert speaker_of(text) == "staff", text
    assert writes_as_employer([text]) and not writes_as_lead([text])
    assert audience_of("staff", employer=True) == EMPLOYER
    assert (
        adult_policy.guidance_response("staff", "exploitation", employer=True)
        == "utter_staff_employer_guidance"
    )


@pytest.mark.parametrize(
    "text",
    [
        # a young worker writing of their employer, and other look-alikes
        "im 16 and the owner of the cafe i work at keeps texting me",
        "my boss at the chippy keeps asking me out",
        "im a barista and a customer keeps waiting for me",
        "i work saturdays at a bakery and my manager touches my waist",
        "i run a shop in minecraft lol",
        "my dad owns a restaurant and his friend keeps staring at me",
        # a training provider or a school keeps its own route (C18)
        "two of my apprentices told me the supervisor sends them messages at night",
        "one of our staff is messaging a pupil",
    ],
)
def test_a_young_worker_a_game_or_a_school_is_no_employer(text):
    assert not writes_as_employer([text]), text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Am I allowed to bar him from coming in?", "utter_employer_answer_ban"),
        ("can I just refuse to serve him from now on", "utter_employer_answer_ban"),
        ("who do I ring about this", "utter_employer_answer_who_to_call"),
        ("What should I actually do?", "utter_employer_answer_who_to_call"),
        ("Should I pull him aside and warn him off?", "utter_employer_answer_confront"),
        ("do her parents need to know?", "utter_staff_lead_answer_parents"),
        ("what do I put in writing about it", "utter_staff_answer_record_contents"),
    ],
)
def test_an_employers_questions_get_their_own_answers(text, expected):
    assert answers_for(text, EMPLOYER)[:1] == [expected], text


def test_banning_is_an_employers_question_only():
    assert answers_for("can i ban him from the club", "staff") != ["utter_employer_answer_ban"]
    assert answers_for("can i block him on snapchat", EMPLOYER) == []
    assert answers_for("can i ban him", YP) == []


@pytest.mark.parametrize(
    "name",
    [
        "utter_staff_employer_guidance",
        "utter_employer_answer_who_to_call",
        "utter_employer_answer_confront",
        "utter_employer_answer_ban",
    ],
)
def test_an_employers_replies_name_their_routes_never_a_dsl_or_victim_words(name, domain_yaml, directory):
    text = fill_message(domain_yaml["responses"][name][0]["text"], directory)
    assert "101" in text and "NSPCC" in text, name
    for never in ("DSL", "designated safeguarding lead", "not your fault", "not in trouble", "Samaritans"):
        assert never not in text, (name, never)


def test_an_employers_first_message_gets_the_employers_guidance_and_no_borough_routes():
    conversation = tracker(
        _user(
            "I manage a hair salon and a client keeps giving our 16 year old junior gifts",
            "disclose_grooming",
        ),
        adult="staff",
    )
    plays(adult_policy.next_action, conversation, "utter_staff_employer_guidance", "action_listen")


# ---- 3. and 4. not danger now: abuse told as ongoing, the abuser at an occasion ahead -----------


def _level(text):
    return assess_risk(text, default_risk_data()).level


@pytest.mark.parametrize(
    "text",
    [
        "the TA in our class puts his hand on my knee in reading time, its been going on since october",
        "a learning support assistant has been showing me rude videos since the start of term",
        "eid is at my nans this year and hes coming",
        "diwali dinner is at ours and my uncle is going to be there",
        "hes coming to my cousins christening next month and mum says im making a fuss",
        "my stepdads brother will be at the family party in two weeks",
    ],
)
def test_ongoing_abuse_or_an_occasion_ahead_is_not_danger_now(text):
    assert _level(text) != "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "the TA is touching me right now in the room",
        "the party is at ours tonight and hes coming",
        "he is coming to the party tonight",
        "my uncle is on his way here now",
        "the party is at ours tonight and hes coming, hes already outside",
    ],
)
def test_danger_tonight_or_now_keeps_its_level(text):
    assert _level(text) in ("emergency", "check"), text


@pytest.mark.parametrize(
    "text",
    [
        "eid is at my nans this year and hes coming",
        "he will be at my sisters wedding in august",
        "he is invited to the family barbecue on sunday",
    ],
)
def test_the_abuser_at_an_occasion_ahead_is_answered_with_who_can_help_plan(text):
    assert answers_for(text, YP, topic="non_recent")[:1] == ["utter_answer_abuser_coming"], text


def test_an_occasion_ahead_with_no_abuse_told_is_no_such_answer():
    assert answers_for("my cousin is coming to my birthday party", YP, topic="emotional_support") == []


def test_the_abuser_at_an_occasion_ahead_told_in_the_first_disclosure_is_answered_after_its_routes():
    from bot.rasa_plugins import question_policy
    from rasa.shared.core.events import ActionExecuted

    conversation = tracker(
        _user(
            "my uncle hurt me when i was 8 and hes coming to my sisters wedding in june",
            "disclose_past_abuse",
        )
    )
    assert question_policy.next_action(conversation) is None  # the disclosure's own reply first
    for action in ("utter_acknowledge_past_abuse", "action_signpost"):
        conversation.update(ActionExecuted(action))
    plays(question_policy.next_action, conversation, "utter_answer_abuser_coming", "action_listen")


def test_a_first_disclosure_with_no_occasion_ahead_gets_no_answer_after_its_routes():
    from bot.rasa_plugins import question_policy
    from rasa.shared.core.events import ActionExecuted

    conversation = tracker(_user("my uncle hurt me when i was 8", "disclose_past_abuse"))
    for action in ("utter_acknowledge_past_abuse", "action_signpost"):
        conversation.update(ActionExecuted(action))
    assert question_policy.next_action(conversation) is None


def test_asked_again_after_a_relatives_abuse_the_short_answer_comes():
    given = ("utter_acknowledge_relative", "utter_answer_relative_what_to_do")
    assert answers_for("should i tell our mum?", YP, given=given, topic="friend_concern") == [
        "utter_answer_relative_what_to_do_again"
    ]
