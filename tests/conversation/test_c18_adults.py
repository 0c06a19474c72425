"""C18's first run (issue 13): adults answered as the victim, and adults' practical questions left
unanswered. Kinds, in our own words (none of them a C18 sentence): a school's lunchtime staff, a
leader or helper with a uniformed group or on a camp, someone who places or looks after
apprentices and trainees, a professional's own obligations when a child asks or tells them
something, the LADO process named; the writer's own child who shared someone's picture; and the
answers for a supply teacher, a host employer, a child due home to where the harm may be, consent
to share, a child's earlier unfounded allegation. Look-alikes: young people who write of their
teacher, their nurse, their obligations at home, their apprenticeship, stay young people."""

from __future__ import annotations

import pytest

from bot.conversation.questions import answers_for
from bot.conversation.trusted_adults import situation_of, speaker_of
from bot.nlg.placeholders import fill_message
from bot.rasa_plugins import trusted_adult_policy as policy
from tests.rasa_plugins.trackers import plays, tracker
from tests.rasa_plugins.trackers import user as _user


@pytest.mark.parametrize(
    "text",
    [
        # a school's lunchtime staff, the role said anywhere in the message
        "just to say im one of the lunchtime supervisors at an infant school, a little boy said something odd",
        "ok so i work as a midday assistant, not a teacher. a girl in reception told me about her uncle",
        "sorry forgot to say im a dinner lady. one of the year 4s said her brother hurts her",
        # a leader or helper with a uniformed group or on a camp
        "I'm an adult helper at a cub pack and one of the cubs said something at the campfire",
        "I'm one of the leaders at our beavers colony, can I ask something",
        "im a volunteer on a dofe expedition this weekend and need advice",
        "one of our guides (13) said a man at the hall keeps staring at her",
        "two of my cadets told me the instructor makes them stay behind",
        # someone who places or looks after apprentices and trainees
        "I look after work placements for a sixth form college and one of the students is upset",
        "one of our trainees, 16, says the site foreman keeps touching her",
        "two of my apprentices told me the supervisor sends them messages at night",
        "the host employer's manager has been messaging her late at night",
        "I'm the apprenticeship officer at a college and need advice",
        # a professional's own obligations when a child asks or tells them something
        "what are my duties if a patient aged 14 tells me she's sleeping with an adult",
        "what are our safeguarding responsibilities when a 15 yo discloses something at youth club",
        # the LADO process named or called; senior leaders sceptical of a child
        "Do I need to ring the LADO today or can it wait until the head is back?",
        "What's the LADO threshold for a TA who hugs pupils?",
        "the senior leadership team seem sceptical about what the girl says",
    ],
)
def test_c18_adults_are_recognised_from_their_role_or_their_work(text):
    assert speaker_of(text) == "staff"


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes: a young person writing of adults, their own duties, their own work
        "my dinner lady is really mean to me and pulls my arm",
        "what are my obligations at home, mum makes me do everything",
        "what are my responsibilities as a 15 year old when mum is out",
        "i have a duty to look after my little sister when mum works",
        "my teacher asked me to stay behind and i felt weird",
        "the school nurse gave me the pill is that allowed",
        "my nurse told me i have to tell someone",
        "im a young leader at cubs and one of the leaders touched me",
        "im an apprentice at a garage and my boss keeps touching me",
        "im 17 and on an apprenticeship, my manager keeps commenting on my body",
        "our scout leader said we're going on camp and i dont want to go",
        "im the leader of my friendship group lol",
        "what is a LADO",
        "my mum is sceptical about therapy",
        "one of the explorers keeps messaging me",
    ],
)
def test_c18_young_people_who_write_of_adults_or_duties_stay_young_people(text):
    assert speaker_of(text) is None


@pytest.mark.parametrize(
    "texts",
    [
        ["she posted a video of a boy in the changing rooms on her story and the school has suspended her"],
        ["the academy excluded my son because he shared pics of his ex in a group chat"],
    ],
)
def test_c18_the_writers_own_child_who_shared_a_picture_is_the_accused_childs_situation(texts):
    assert situation_of(texts) == "harmful_behaviour"


@pytest.mark.parametrize(
    "texts",
    [
        # the parent's own child is the one in the picture, or someone else shared it
        ["my son's nude was forwarded round the school and he won't go in"],
        ["a boy shared my daughter's pictures and the school excluded him"],
        ["her ex forwarded her nudes to his mates, she's been off school since"],
    ],
)
def test_c18_a_harmed_childs_parent_is_never_the_accused_childs(texts):
    assert situation_of(texts) != "harmful_behaviour"


def test_c18_a_child_dropped_off_by_different_men_is_exploitation():
    assert situation_of(
        ["a 13 year old at our project gets collected by older men in a car most nights"]
    ) == ("exploitation")


STAFF, PARENT, LEAD = "staff", "parent_carer", "safeguarding_lead"


@pytest.mark.parametrize(
    "audience,situation,text,expected",
    [
        # don't investigate yourself, not even "his side"
        (
            STAFF,
            "staff_allegation",
            "Should I ring him and hear his version before I go to the LADO?",
            "utter_staff_answer_confront",
        ),
        # a supply or agency worker: the LADO and the case manager, not the writer alone
        (
            STAFF,
            "staff_allegation",
            "the agency coach is back in on monday, should we stop using him?",
            "utter_staff_answer_supply",
        ),
        (
            STAFF,
            "staff_allegation",
            "do I let the agency know what he's been accused of?",
            "utter_staff_answer_supply",
        ),
        (
            LEAD,
            "staff_allegation",
            "can I just cancel the booking for tomorrow?",
            "utter_staff_answer_supply",
        ),
        # an apprentice or trainee harmed at the host employer: the writer's own DSL first
        (
            STAFF,
            "disclosure",
            "Shall I email the employer's HR team or speak to our safeguarding lead first?",
            "utter_staff_answer_placement_employer",
        ),
        (
            STAFF,
            "general",
            "do I report it to HR at the placement or not",
            "utter_staff_answer_placement_employer",
        ),
        # a child due home to where the harm may be: children's services before then
        (
            PARENT,
            "disclosure",
            "can we just not send him back to his dad's after half term?",
            "utter_parent_answer_keep_child",
        ),
        (
            PARENT,
            "disclosure",
            "could I keep them at mine till it's sorted",
            "utter_parent_answer_keep_child",
        ),
        # consent to share: a child protection concern is referred without it
        (
            STAFF,
            "exploitation",
            "Do we need the young person's permission before we refer to MASH?",
            "utter_staff_answer_consent_share",
        ),
        # a child's earlier unfounded allegation, and leaders who doubt this one
        (
            STAFF,
            "staff_allegation",
            "she's made false allegations before and the head's not convinced",
            "utter_staff_answer_doubt",
        ),
        # sorting it out within the group
        (
            STAFF,
            "staff_allegation",
            "the chair wants us to sort this out ourselves",
            "utter_staff_answer_police",
        ),
        # the writer's own child shared a picture: nothing viewed, kept, sent or deleted
        (
            PARENT,
            "harmful_behaviour",
            "do I wipe the video off her phone before the police see it",
            "utter_parent_answer_shared_image",
        ),
        (
            PARENT,
            "harmful_behaviour",
            "should i forward the pics to my email so i can show the head",
            "utter_parent_answer_shared_image",
        ),
    ],
)
def test_c18_adults_practical_questions_get_a_sourced_answer(audience, situation, text, expected):
    assert expected in answers_for(text, audience, situation=situation)


@pytest.mark.parametrize(
    "text",
    ["can i keep her here tonight", "should i tell the agency", "do i need her permission"],
)
def test_c18_young_people_never_get_the_adults_answers(text):
    assert not any(
        a
        in (
            "utter_parent_answer_keep_child",
            "utter_staff_answer_supply",
            "utter_staff_answer_consent_share",
            "utter_staff_answer_placement_employer",
        )
        for a in answers_for(text, "young_person")
    )


def test_c18_a_harmed_childs_parent_never_gets_the_shared_image_answer():
    # the parent of the child in the picture keeps their own replies (Report Remove for their child)
    answers = answers_for("should i delete the pics off her phone", PARENT, situation="image_nudes")
    assert "utter_parent_answer_shared_image" not in answers


@pytest.mark.parametrize(
    "name,cites",
    [
        ("utter_staff_answer_supply", ("LADO", "Keeping children safe in education", "Sefton")),
        ("utter_staff_answer_placement_employer", ("DSL", "LADO", "Sefton", "101")),
        ("utter_parent_answer_keep_child", ("children's services", "999", "NSPCC")),
        (
            "utter_parent_answer_shared_image",
            ("Report Remove", "Stop It Now", "UKCIS", "designated safeguarding lead"),
        ),
        ("utter_staff_answer_consent_share", ("Redbridge", "without")),
    ],
)
def test_c18_answers_fill_cite_their_source_and_never_treat_the_adult_as_victim(
    name, cites, domain_yaml, directory
):
    text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
    for cited in cites:
        assert cited in text
    assert "I believe you" not in text and "not your fault" not in text and "your child's fault" not in text


def test_c18_once_an_adult_is_recognised_a_past_abuse_reading_gets_their_guidance():
    # the model reads a child's earlier allegation as the writer's own past abuse: still the adult's
    conversation = tracker(
        _user(
            "Need a steer on the LADO process, a year 9 says the cover teacher grabbed her wrist",
            "ask_staff_guidance",
        ),
        adult="staff",
    )
    plays(
        policy.next_action,
        conversation,
        "utter_staff_staff_allegation",
        "action_give_staff_guidance",
        "action_listen",
    )
    conversation.update(
        _user("she made a claim against a TA two years ago that went nowhere", "disclose_past_abuse")
    )
    assert policy.next_action(conversation) in policy.SHORT_REPLIES + ("utter_staff_answer_doubt",)


def test_c18_the_accused_childs_parent_asking_again_never_gets_the_harmed_childs_reply():
    given = ("utter_parent_harmful_behaviour", "utter_parent_answer_shared_image")
    again = answers_for(
        "can i at least screenshot it for the head?", PARENT, given=given, situation="harmful_behaviour"
    )
    assert again == ["utter_staff_answer_image_again"]
    # asked a third time: nothing new, and still not the harmed child's parent's reply
    given += ("utter_staff_answer_image_again",)
    third = answers_for(
        "so should i delete the photo or not", PARENT, given=given, situation="harmful_behaviour"
    )
    assert "utter_parent_image_nudes" not in third


@pytest.mark.parametrize(
    "text",
    [
        "if we report it her dad will never let us see the grandkids again",
        "if I mention anything to my son he'll stop us visiting",
    ],
)
def test_c18_a_relative_afraid_of_losing_contact_is_told_the_family_is_not_theirs_to_tell_first(text):
    assert answers_for(text, PARENT, situation="disclosure")[:1] == ["utter_parent_answer_parents"]


def test_c18_a_young_person_kept_from_friends_gets_no_adults_answer():
    assert "utter_parent_answer_parents" not in answers_for(
        "my mum wont let me see my friends", "young_person"
    )
