"""Questions asked inside a conversation (data/conversation/questions.yml,
bot/conversation/questions.py): each kind is recognised in phrasings of our own (the blind sets
stay the measure) and answered for the writer's audience. The policy that asks this module:
tests/rasa_plugins/test_question_policy.py."""

from __future__ import annotations

import re

import pytest
import yaml

from bot import REPO_ROOT
from bot.conversation.questions import MAX_ANSWERS, answers_for, load_questions

YP, STAFF, PARENT = "young_person", "staff", "parent_carer"


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        ("honestly was it my fault cos i went back to his", YP, "utter_not_your_fault"),
        ("would it be weird if im 13 and hes 20", YP, "utter_answer_older_person"),
        ("am i overreacting or is that actually a thing", YP, "utter_answer_it_counts"),
        ("could i get arrested for having them on my phone", YP, "utter_answer_trouble"),
        ("will my dad find out if i ring them", YP, "utter_will_others_find_out"),
        ("if i go to the school nurse would she ring my mum", YP, "utter_answer_parents_told"),
        ("do the police have to contact my parents", YP, "utter_answer_parents_told"),
        ("would my carers get told about it", YP, "utter_answer_parents_told"),
        ("do i have to go to the police tho", YP, "utter_answer_police"),
        ("it was in year 7, is that too late now", YP, "utter_answer_too_late"),
        ("i washed all my clothes already, is there still evidence", YP, "utter_answer_evidence"),
        ("what if i get pregnant from it", YP, "utter_answer_sexual_health"),
        ("should i just forget about it", YP, "utter_answer_forget_it"),
        ("should i send him the money so he deletes it", YP, "utter_answer_pay"),
        # C15's openers, in our own words: a need or a worry about the assistant itself
        ("can i just vent for a bit", YP, "utter_answer_just_talk"),
        ("i dont want advice i just need to get this out", YP, "utter_answer_just_talk"),
        ("im dyslexic so please keep it simple", YP, "utter_answer_plain_words"),
        ("is this only for teenagers? im 12", YP, "utter_answer_who_is_it_for"),
        ("are you the police", YP, "utter_answer_not_a_professional"),
        ("do you tell social services", YP, "utter_answer_not_a_professional"),
        ("ok this might sound stupid", YP, "utter_answer_sounds_dumb"),
        ("r u gonna be judgy if im gay", YP, "utter_answer_not_weird_about_it"),
        ("do you know anything about nonbinary people", YP, "utter_answer_not_weird_about_it"),
        # C15's kinds, in our own words: paying some to calm them; whether having paid ends it
        ("i could just send him 20 quid to get him to back off?", YP, "utter_answer_pay"),
        ("i already paid her last night, will she delete it now", YP, "utter_answer_pay"),
        # choosing whom to tell, or someone outside the circle
        ("whos the best person to tell at school", YP, "utter_answer_which_adult"),
        ("ok i think ill talk to my head of year tmrw", YP, "utter_answer_plan_to_tell"),
        ("might tell miss tomorrow", YP, "utter_answer_plan_to_tell"),
        ("should i tell my nan or my form tutor", YP, "utter_answer_which_adult"),
        ("what if i just tell mr okoro and nobody else", YP, "utter_answer_which_adult"),
        ("who else could i talk to, not my family", YP, "utter_answer_which_adult"),
        ("who can i tell thats not from my church", YP, "utter_answer_which_adult"),
        ("i dont even know who to talk to", YP, "utter_answer_which_adult"),
        # a young person asking what a DSL is
        ("whats a dsl? u keep saying it", YP, "utter_answer_what_is_dsl"),
        ("how do i find out who the safeguarding lead is", YP, "utter_answer_what_is_dsl"),
        ("is there a group for gay lads or anything", YP, "utter_answer_boys_lgbt"),
        ("i really dont do phone calls", YP, "utter_answer_online"),
        ("is there any way to write it to them instead", YP, "utter_answer_online"),
        ("how do i tell my mum about it", YP, "utter_answer_tell_parent"),
        ("hes asked me to come to his flat saturday, should i go", YP, "utter_answer_dont_meet"),
        ("can i just message her and say sorry", YP, "utter_answer_dont_confront"),
        ("is there help for lads or is it all for girls", YP, "utter_answer_boys_lgbt"),
        ("Is there any support for boys? All I can find is for women", PARENT, "utter_parent_answer_boys"),
        ("Are there services for young men specifically? He is 17", PARENT, "utter_parent_answer_boys"),
        ("i cant call anyone, can i talk online", YP, "utter_answer_online"),
        ("could i just text someone rather", YP, "utter_answer_online"),
        ("do they have a chat thing or is it only phone", YP, "utter_answer_online"),
        ("is there anything without ringing up", YP, "utter_answer_online"),
        ("i really dont like using the phone", YP, "utter_answer_online"),
        ("is there anything anyone can do", YP, "utter_answer_can_help"),
        ("what happens at the havens", YP, "utter_answer_havens"),
        ("Do we need to inform the parents at this stage?", STAFF, "utter_staff_answer_parents"),
        ("Would it be fair to hear his side before I report it?", STAFF, "utter_staff_answer_confront"),
        ("Can I get him to write a statement so it's on record?", STAFF, "utter_staff_answer_record"),
        ("She made me promise not to say anything to anyone.", STAFF, "utter_staff_answer_confidential"),
        ("Do I need to call the police or is that overkill?", STAFF, "utter_staff_answer_police"),
        ("Should we pay them? We could afford it.", PARENT, "utter_adult_answer_pay"),
        ("Could I message him back and pretend to be my son?", PARENT, "utter_adult_answer_dont_engage"),
        ("Should I screenshot it for the file?", STAFF, "utter_staff_image_nudes"),
        ("What does a whole-school response look like?", STAFF, "utter_staff_answer_whole_school"),
        # the safeguarding lead away, unknown or not acting; waiting; referring oneself
        (
            "Our safeguarding lead is on leave this week, who else can I go to?",
            STAFF,
            "utter_staff_answer_who_to_call",
        ),
        ("I honestly don't know who our designated lead is", STAFF, "utter_staff_answer_who_to_call"),
        ("Am I allowed to make the referral myself?", STAFF, "utter_staff_answer_who_to_call"),
        ("Could I phone children's services directly?", STAFF, "utter_staff_answer_who_to_call"),
        ("My line manager said to leave it until Monday", STAFF, "utter_staff_answer_cant_wait"),
        ("It's late and everybody has left, the school is shut", STAFF, "utter_staff_answer_who_to_call"),
        ("Can this wait until after the weekend?", PARENT, "utter_parent_answer_cant_wait"),
        # looking into it or having it out first
        (
            "Shall I take a statement from the colleague before I pass it on?",
            STAFF,
            "utter_staff_answer_confront",
        ),
        ("Is it worth taking the older lad aside after practice?", STAFF, "utter_staff_answer_confront"),
        ("Honestly I just want to go round to his house", PARENT, "utter_adult_answer_dont_engage"),
        ("Should I ask her a few more questions first?", STAFF, "utter_staff_answer_record"),
        ("I could find out more details before I refer it", STAFF, "utter_staff_answer_record"),
        ("Is it police first or the council?", STAFF, "utter_staff_answer_police"),
        # deleting the messages is deleting the evidence
        ("Do we just delete his messages and block him?", PARENT, "utter_adult_answer_dont_engage"),
        # C15's kinds, in our own words: looking into it first; going round to the other family
        ("Can I have a look at the coach's phone first?", STAFF, "utter_staff_answer_search_phone"),
        ("Could I have a quick word with her before it goes further?", STAFF, "utter_staff_answer_confront"),
        ("Her brothers want to go round to the lad's house tonight", PARENT, "utter_parent_answer_confront"),
        ("What do I actually put in my notes?", STAFF, "utter_staff_answer_record_contents"),
        ("what should the log include?", STAFF, "utter_staff_answer_record_contents"),
        ("And when he gets home what should we say?", PARENT, "utter_parent_answer_what_to_say"),
        ("What about the girl's mum, do I ring her?", STAFF, "utter_staff_answer_parents"),
    ],
)
def test_each_kind_of_question_gets_its_answer(text, audience, expected):
    assert expected in answers_for(text, audience)


@pytest.mark.parametrize(
    "text,audience",
    [
        ("my dad is picking me up later", YP),
        ("he was 20 and i was 15 when it started, it stopped years ago", YP),
        ("the police came round last week for my brother", YP),
        ("I'm a teacher in Lambeth.", STAFF),
        ("Can I delete this chat afterwards?", PARENT),  # the forget button's job, not evidence
        ("I have a word document with my notes", STAFF),
        ("hi", YP),
        # look-alikes of C15's kinds: a choice that is not about telling; a payment that is not
        # to a blackmailer; a DSL named, not asked about
        ("should i wear my black top or my blue one", YP),
        ("i already paid for the school trip", YP),
        ("i told the dsl yesterday and she was nice", YP),
        ("my mum doesnt like phone calls either lol", YP),
        ("my sister is a social worker", YP),
        ("the teacher said my essay was too simple", YP),
        ("that film was so stupid lol", YP),
        ("my cousin can talk for hours", YP),
    ],
)
def test_statements_that_ask_nothing_get_no_answer(text, audience):
    assert answers_for(text, audience) == []


def test_answers_follow_the_order_asked_and_stop_at_two_questions():
    text = "will my mum find out? is it my fault? do i have to go to the police?"
    assert answers_for(text, YP) == ["utter_will_others_find_out", "utter_not_your_fault"]
    assert MAX_ANSWERS == 2


def test_an_audience_without_an_answer_for_a_kind_is_not_given_another_audiences():
    assert "utter_answer_trouble" not in answers_for("will i get in trouble", STAFF)
    assert "utter_staff_answer_record" not in answers_for("should i write it down", YP)


def test_every_answer_is_a_domain_response_or_action_and_cites_its_facts():
    domain = yaml.safe_load((REPO_ROOT / "domain.yml").read_text(encoding="utf-8"))
    names = set(domain["responses"]) | set(domain["actions"])
    for kind in load_questions():
        for audience, answers in kind.answers.items():
            assert set(answers) <= names, (kind.name, audience)


def test_a_broken_file_names_the_kind(tmp_path):
    path = tmp_path / "questions.yml"
    path.write_text("questions:\n  fault:\n    when: ['(unclosed']\n    young_person: utter_x\n")
    with pytest.raises(ValueError, match="questions.fault"):
        load_questions(path)
    path.write_text("questions:\n  fault:\n    when: ['x']\n    teenager: utter_x\n")
    with pytest.raises(ValueError, match="unknown keys"):
        load_questions(path)


def test_a_more_specific_kind_replaces_the_general_one():
    answers = answers_for("is it normal if hes 22 and im 15", YP)
    assert "utter_answer_older_person" in answers and "utter_answer_it_counts" not in answers


def test_asking_what_the_assistant_can_do_keeps_its_own_reply():
    assert answers_for("what can you help me with", YP) == []
    assert answers_for("can u help me", YP) == []


def test_asking_how_to_get_a_picture_taken_down_is_answered_with_report_remove():
    assert answers_for("is there any way to get a video of me removed from a website", YP) == [
        "utter_answer_take_down"
    ]


def test_who_to_call_gets_the_routes_for_staff_and_for_parents():
    assert answers_for("Sorry, who should I actually contact about this?", STAFF) == [
        "utter_staff_answer_who_to_call",
        "action_give_staff_guidance",
    ]
    assert answers_for("who do we report it to", PARENT) == ["utter_parent_answer_who_to_call"]


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        ("how much is it to talk to them", YP, "utter_answer_cost"),
        ("would she find out it was me who told", YP, "utter_answer_will_he_know"),
        ("do u need proof to report it", YP, "utter_answer_need_evidence"),
        ("does he have to talk to the police?", PARENT, "utter_parent_answer_police_choice"),
        ("What will happen next?", STAFF, "utter_staff_answer_what_next"),
        ("where even is the havens and do i need to book", YP, "utter_answer_havens"),
        # C6's kind: talking to the person it is about
        ("should we speak with the lad who did it", STAFF, "utter_staff_answer_confront"),
        # C5's kinds: a language or reading need said first
        ("sorry my english is not very good", YP, "utter_answer_language_need"),
        ("i dont speak much english", YP, "utter_answer_language_need"),
        ("could you explain in simple words please", YP, "utter_answer_short_answers"),
        ("this is too much to read", YP, "utter_answer_short_answers"),
        # C5's kind: what the law says about consent (Childline's page)
        ("does it still count if it was my gf who made me", YP, "utter_answer_consent_law"),
        ("what age is the age of consent here", YP, "utter_answer_consent_law"),
        ("shes 17 tho so its allowed isnt it", YP, "utter_answer_consent_law"),
        ("is it even assault if we were together at the time", YP, "utter_answer_consent_law"),
        ("can i get in trouble for sending pics if im 14", YP, "utter_answer_trouble"),
        # C5's kind: copying an image as proof (never "keep the pictures")
        ("should i screenshot them so i have proof", YP, "utter_answer_screenshot_image"),
        ("can i save the vid to show the police", YP, "utter_answer_screenshot_image"),
        ("shall i get screenshots of the gc before she deletes it", YP, "utter_answer_screenshot_image"),
        # C5 and C6's kind: the child's wish about their parents, said to a member of staff
        ("he really doesnt want his dad finding out", STAFF, "utter_staff_answer_parents"),
        ("the lad begged me not to tell his mum", STAFF, "utter_staff_answer_parents"),
        ("she does not want her foster carers told", STAFF, "utter_staff_answer_parents"),
        # C5 and C6's kind: washing or changing after a recent assault, asked by an adult
        ("my son has had a bath since, is that bad", PARENT, "utter_adult_answer_evidence"),
        ("ive binned her clothes. did i ruin it", PARENT, "utter_adult_answer_evidence"),
        ("should we let her have a shower", PARENT, "utter_adult_answer_evidence"),
        ("he hasn't changed his clothes yet", STAFF, "utter_adult_answer_evidence"),
    ],
)
def test_more_kinds_of_question(text, audience, expected):
    assert expected in answers_for(text, audience)


def test_a_question_asked_again_gets_its_short_answer_once():
    asked = "Should I look at the photos first?"
    assert answers_for(asked, STAFF) == ["utter_staff_image_nudes"]
    assert answers_for(asked, STAFF, given=("utter_staff_image_nudes",)) == ["utter_staff_answer_image_again"]
    assert (
        answers_for(asked, STAFF, given=("utter_staff_image_nudes", "utter_staff_answer_image_again")) == []
    )


def test_a_kind_for_one_topic_waits_for_that_topic():
    assert answers_for("how do i get it deleted", YP, topic="image_abuse") == ["utter_answer_take_down"]
    assert answers_for("how do i get it deleted", YP, topic="harassment") == []


def test_a_friend_asking_what_to_do_is_told_telling_is_right_even_after_a_promise():
    assert answers_for("what am i even meant to do", YP, topic="friend_concern") == [
        "utter_answer_friend_what_to_do"
    ]
    assert answers_for("but i swore not to say anything", YP, topic="friend_concern") == [
        "utter_answer_friend_what_to_do"
    ]
    assert answers_for("what am i meant to do", YP, topic="harassment") == []


def test_anonymity_and_the_numbers_asked_again_get_short_answers():
    assert answers_for("can i stay anonymous?", YP) == ["utter_report_anonymously"]
    assert answers_for("can i stay anonymous?", YP, given=("utter_report_anonymously",)) == [
        "utter_answer_anonymous_again"
    ]
    assert answers_for("ok can u give me the number", YP) == [
        "utter_answer_here_they_are",
        "action_continue_topic",
    ]
    assert answers_for("What should I do?", STAFF) == ["utter_staff_answer_what_next"]


def test_the_conversation_is_read_only_when_a_topic_bound_question_is_asked():
    calls = []

    def topic():
        calls.append(1)
        return "image_abuse"

    assert answers_for("my dad is picking me up later", YP, topic=topic) == []
    assert answers_for("was it my fault tho", YP, topic=topic) == ["utter_not_your_fault"]
    assert calls == []
    assert answers_for("how do i get it deleted", YP, topic=topic) == ["utter_answer_take_down"]
    assert calls == [1]


@pytest.mark.parametrize(
    "text", ["should i keep the messages he sent", "do i need proof", "i sent him a pic of my dog"]
)
def test_keeping_messages_or_needing_proof_is_not_the_copying_question(text):
    assert "utter_answer_screenshot_image" not in answers_for(text, YP)


def test_no_young_persons_answer_tells_them_to_keep_pictures(domain_yaml):
    # "if there are messages or pictures, keep them" was said to a 16-year-old about her nudes
    for name, variations in domain_yaml["responses"].items():
        for variation in variations:
            text = variation.get("text", "").lower()
            assert "pictures, keep them" not in text and "images, keep them" not in text, name


@pytest.mark.parametrize(
    "text,topic,expected",
    [
        # C5's kinds: news that decides what to say next, in a conversation about grooming or abuse
        ("she wants to link up after school tomorrow", "grooming", "utter_answer_dont_meet"),
        ("were meeting at the park on sunday", "grooming", "utter_answer_dont_meet"),
        ("my stepdad is coming back to ours next week", "adult_abuse", "utter_answer_abuser_coming"),
        ("hes staying for christmas again", "non_recent", "utter_answer_abuser_coming"),
    ],
)
def test_news_of_a_meeting_or_a_visit_is_answered_in_its_conversation_only(text, topic, expected):
    assert expected in answers_for(text, YP, topic=lambda: topic)
    assert expected not in answers_for(text, YP, topic=lambda: None)


def test_getting_a_picture_off_other_peoples_phones_is_the_take_down_question():
    # C6's first run: "can it be deleted from everyones phones" got how to delete this chat
    for text in ("will it get deleted off all their phones", "can i make everyone delete it"):
        assert answers_for(text, YP, topics_told=lambda: {"image_abuse"}) == ["utter_answer_take_down"], text


def test_is_it_illegal_in_a_conversation_about_pictures_gets_what_the_law_says():
    # C6's first run: "is that even illegal?" about upskirting got "you're not being dramatic"
    for text in ("wait is that actually illegal", "can he get arrested for filming me"):
        assert answers_for(text, YP, topic=lambda: "image_abuse") == ["utter_answer_image_law"], text
    assert "utter_answer_image_law" not in answers_for("is that illegal", YP, topic=lambda: "non_recent")


@pytest.mark.parametrize(
    "text",
    [
        "would childline tell my mum if i rang",
        "is childline actually confidential",
        "can my tutor keep it a secret if i tell her",
    ],
)
def test_whether_childline_or_a_teacher_keeps_it_private_gets_the_answer_that_starts_with_childline(text):
    # C6's first run: "if i tell childline something do they tell my parents" got "often, yes"
    assert answers_for(text, YP) == ["utter_will_others_find_out"]


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        # C7's kinds, young people: how a teacher will take it, being taken away, not wanting
        # the person punished, Childline about a friend, a need that rules out a call, the bill
        ("if i told miss would she think im lying", YP, "utter_answer_teacher_reaction"),
        ("should i talk to my head of year or will they be mad", YP, "utter_answer_teacher_reaction"),
        ("could social services take me away from my mum", YP, "utter_answer_taken_away"),
        ("would i have to go into care", YP, "utter_answer_taken_away"),
        ("i dont want my step dad locked up", YP, "utter_answer_dont_want_punished"),
        ("i only want it to stop tbh", YP, "utter_answer_dont_want_punished"),
        ("can i message childline about my mate", YP, "utter_answer_childline_for_friend"),
        ("im hard of hearing", YP, "utter_answer_online"),
        ("id rather text than talk", YP, "utter_answer_online"),
        ("will it come up on my mums phone bill", YP, "utter_will_others_find_out"),
        ("i havent washed yet", YP, "utter_answer_evidence"),
        # C7's kinds, adults
        ("the head's away, who else can we tell?", STAFF, "utter_staff_answer_who_to_call"),
        ("who should we make a referral to, we're a charity", STAFF, "utter_staff_answer_who_to_call"),
        ("it's gone 9, everywhere is closed", STAFF, "utter_staff_answer_who_to_call"),
        (
            "the safeguarding lead is his wife",
            STAFF,
            "utter_staff_answer_lead_accused",
        ),  # C17: the LADO directly
        ("do I warn the other kids' parents?", STAFF, "utter_staff_answer_parents"),
        ("would his family have to be told?", STAFF, "utter_staff_answer_parents"),
        ("wouldn't that be breaching her confidentiality", STAFF, "utter_staff_answer_confidential"),
        ("is it too late for the morning after pill now?", STAFF, "utter_adult_answer_medical"),
        ("does she need to see a doctor?", PARENT, "utter_adult_answer_medical"),
        ("honestly it could be a rumour", STAFF, "utter_staff_answer_doubt"),
        ("I've got no evidence, it's just a feeling", STAFF, "utter_staff_answer_doubt"),
        ("she's a really popular teacher", STAFF, "utter_staff_answer_doubt"),
        ("would that actually be illegal though?", STAFF, "utter_staff_answer_law"),
        ("he says it's a relationship and they're in love", STAFF, "utter_staff_answer_law"),
        ("how do I talk to him when he comes back in?", STAFF, "utter_staff_answer_what_to_say"),
        ("can we wipe the photos off it?", STAFF, "utter_staff_image_nudes"),
        ("what is the procedure here", STAFF, "utter_staff_answer_what_next"),
        ("she's asking to have a bath", PARENT, "utter_adult_answer_evidence"),
        ("should I question her again about it", PARENT, "utter_staff_answer_record"),
    ],
)
def test_c7_kinds_of_question(text, audience, expected):
    assert expected in answers_for(text, audience)


@pytest.mark.parametrize(
    "text,audience,unexpected",
    [
        # look-alikes: news that asks none of these, and the same words for another audience
        ("my teacher was off today", YP, "utter_answer_teacher_reaction"),
        ("i told sir and he was nice about it", YP, "utter_answer_teacher_reaction"),
        ("he took my phone away", YP, "utter_answer_taken_away"),
        ("i want to go to the police", YP, "utter_answer_dont_want_punished"),
        ("i rang childline last year", YP, "utter_answer_childline_for_friend"),
        ("i heard him say it", YP, "utter_answer_online"),
        ("who else was there doesn't matter", STAFF, "utter_staff_answer_who_to_call"),
        ("the head's office is next to mine", STAFF, "utter_staff_answer_who_to_call"),
        ("her family moved here last year", STAFF, "utter_staff_answer_parents"),
        ("he took the pictures at the party", STAFF, "utter_staff_answer_doubt"),
        ("she's a popular girl in her year", STAFF, "utter_staff_answer_doubt"),
        ("what did she say to you", STAFF, "utter_staff_answer_what_to_say"),
        ("is it illegal", YP, "utter_staff_answer_law"),
    ],
)
def test_c7_look_alikes_get_no_such_answer(text, audience, unexpected):
    assert unexpected not in answers_for(text, audience)


def test_deleting_a_picture_told_about_earlier_in_the_conversation_is_the_take_down_question():
    # C7's first run: "how do i get it deleted" after later turns about self-harm and school got
    # how to delete this chat, then (with the chat guard) "I don't want to guess"
    def told():
        return {"image_abuse", "self_harm"}

    text = "how can i get them deleted"
    assert answers_for(text, YP, topic=lambda: "self_harm", topics_told=told) == ["utter_answer_take_down"]
    # no picture told about in the conversation: not this answer
    assert answers_for(text, YP, topic=lambda: "self_harm", topics_told=lambda: {"self_harm"}) == []


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        # C8's kinds, in our own words: whether and whom to tell, "go police" without "to",
        # "is it like ...", bringing someone, where a parent takes a child, taking a device away,
        # and Gillick
        ("shld i talk to an adult about it", YP, "utter_answer_should_tell"),
        ("who could i even talk to, not my mum", YP, "utter_answer_should_tell"),
        ("if i told somebody would they be mad", YP, "utter_answer_should_tell"),
        ("will i need to go police", YP, "utter_answer_police"),
        ("is it kind of abuse what he does", YP, "utter_answer_it_counts"),
        ("could my nan come with me to it", YP, "utter_answer_bring_someone"),
        ("can i bring my sister", YP, "utter_answer_bring_someone"),
        ("where should we take him tonight", PARENT, "utter_adult_answer_medical"),
        ("do I ban him from gaming now", PARENT, "utter_parent_answer_take_device"),
        ("should we take her phone off her", PARENT, "utter_parent_answer_take_device"),
        ("she's fraser competent so can I just treat her?", STAFF, "utter_staff_answer_gillick"),
    ],
)
def test_c8_kinds_of_question(text, audience, expected):
    assert expected in answers_for(text, audience)


@pytest.mark.parametrize(
    "text,audience,unexpected",
    [
        # look-alikes: telling news, not asking; a young person about their own things
        ("i told someone at school already", YP, "utter_answer_should_tell"),
        ("my mum came with me last time", YP, "utter_answer_bring_someone"),
        ("he took my phone off me", YP, "utter_parent_answer_take_device"),
        ("he took my phone off me", YP, "utter_answer_bring_someone"),
        ("where do i go from here", YP, "utter_adult_answer_medical"),
        ("i like him a lot", YP, "utter_answer_it_counts"),
    ],
)
def test_c8_look_alikes_get_no_such_answer(text, audience, unexpected):
    assert unexpected not in answers_for(text, audience)


def test_what_to_do_now_after_suicidal_thoughts_gets_the_steps_for_right_now():
    # C8: "what do i actually do rn" after "id rather be dead" got "I don't want to guess"
    assert "utter_answer_what_now_crisis" in answers_for(
        "so what should i do now", YP, topics_told=["image_abuse", "self_harm"]
    )
    # look-alike: the same words in a conversation with no self-harm in it
    assert "utter_answer_what_now_crisis" not in answers_for(
        "so what should i do now", YP, topics_told=["image_abuse"]
    )


def test_sending_part_of_the_money_is_the_pay_question():
    assert "utter_answer_pay" in answers_for("cud i send half and tell him thats all", YP)
    assert "utter_answer_pay" not in answers_for("i sent him a pic of my cat", YP)


@pytest.mark.parametrize(
    "text,topic,expected",
    [
        # C8: the abuser visiting at a festival, or still at the house; asked round alone
        ("shes coming over for diwali again", "adult_abuse", "utter_answer_abuser_coming"),
        ("hes still at our house most sundays", "non_recent", "utter_answer_abuser_coming"),
        ("he keeps asking me to pop round his place after lessons", "grooming", "utter_answer_dont_meet"),
    ],
)
def test_c8_news_of_a_visit_or_an_invitation_is_answered_in_its_conversation(text, topic, expected):
    assert expected in answers_for(text, YP, topic=topic)
    # the same news in a conversation with no abuse in it asks nothing
    assert expected not in answers_for(text, YP, topic="friend_concern")


def test_asking_for_a_text_version_of_a_line_is_the_online_question():
    # C8: "is there a text one" after the phone numbers, from a deaf girl
    assert "utter_answer_online" in answers_for("isnt there a texting version", YP)
    assert "utter_answer_online" in answers_for("have they got a chat option", YP)
    assert "utter_answer_online" not in answers_for("there was a text from him", YP)


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        # C8: an adult who says they are not the lead, contact coming soon, a child who won't talk
        ("im just a lunchtime supervisor so idk if it's my place", STAFF, "utter_staff_answer_not_the_lead"),
        ("i am not the DSL, who decides", STAFF, "utter_staff_answer_not_the_lead"),
        ("her contact visit is tomorrow", PARENT, "utter_adult_answer_contact_soon"),
        ("he's meant to go back to his dad's on friday", STAFF, "utter_adult_answer_contact_soon"),
        ("he won't open up to any of us", STAFF, "utter_adult_answer_child_wont_talk"),
    ],
)
def test_c8_adult_kinds(text, audience, expected):
    assert expected in answers_for(text, audience)


@pytest.mark.parametrize(
    "text",
    ["i'm only a kid", "he won't talk to me since the party", "contact me if you need to"],
)
def test_c8_adult_kinds_are_not_young_peoples(text):
    # a young person's words ask none of these (no young_person answer)
    assert not {
        "utter_staff_answer_not_the_lead",
        "utter_adult_answer_contact_soon",
        "utter_adult_answer_child_wont_talk",
    } & set(answers_for(text, YP))


def test_c8_school_told_and_nothing_sent_yet():
    assert "utter_answer_parents_told" in answers_for("and teachers would they have to tell", YP)
    assert "utter_answer_not_sent_yet" in answers_for(
        "i havent sent him any yet", YP, topics_told=["grooming"]
    )
    # look-alikes: no abuse in the conversation; a message sent, not a picture withheld
    assert "utter_answer_not_sent_yet" not in answers_for(
        "i havent sent it yet", YP, topics_told=["reporting"]
    )
    assert "utter_answer_parents_told" not in answers_for("school was boring today", YP)


def test_an_adult_asking_whether_the_child_gets_in_trouble_gets_what_the_guidance_says():
    # C8: "will she get in trouble? she's 12" (a TA, about the girl in a nude) got "no sourced answer"
    assert "utter_adult_answer_child_in_trouble" in answers_for(
        "could the boy be arrested for sending it", STAFF
    )
    assert "utter_adult_answer_child_in_trouble" in answers_for("will my son get a criminal record?", PARENT)
    # a young person about themselves keeps their own answer
    assert "utter_adult_answer_child_in_trouble" not in answers_for("will i get in trouble", YP)


# ---- C9's kinds: questions the bot can answer from what it already knows ---------------------


@pytest.mark.parametrize(
    "text,audience,topics,expected",
    [
        # how long after, about the Havens by name (any conversation) or not (after an assault)
        ("its been four days now, will the havens still do the check", YP, (), "utter_answer_havens_time"),
        ("Is a week too late for the Havens?", PARENT, (), "utter_adult_answer_havens_time"),
        (
            "Can the SARC still examine him if we wait till Monday?",
            STAFF,
            (),
            "utter_adult_answer_havens_time",
        ),
        (
            "could i go there on saturday instead or will it be too late",
            YP,
            ("assault",),
            "utter_answer_havens_time",
        ),
        (
            "would they still look at her if it's 9 days ago",
            PARENT,
            ("medical_forensic",),
            "utter_adult_answer_havens_time",
        ),
        # 999 or 101
        ("so is it 101 or 999 for this", YP, (), "utter_answer_emergency_or_not"),
        ("Ring 999 or just 101? Nobody's hurt right now", STAFF, (), "utter_adult_answer_emergency_or_not"),
        # CEOP, by the young person themselves
        ("am i allowed to report to ceop on my own", YP, (), "utter_answer_ceop_myself"),
        ("could i fill in the ceop form without telling my mum", YP, (), "utter_answer_ceop_myself"),
        # an adult's secrets, pictures or touching called what friends do, or normal
        (
            "she told me its our little secret and everyone does it. is that right",
            YP,
            ("adult_abuse",),
            "utter_answer_not_what_friends_do",
        ),
        ("do mates really ask for pics like that", YP, ("grooming",), "utter_answer_not_what_friends_do"),
        (
            "is it normal for a swimming coach to hug you that long",
            YP,
            ("grooming",),
            "utter_answer_not_what_friends_do",
        ),
        # telling at school and the family
        ("would the teachers get my dad in trouble if i say", YP, (), "utter_answer_school_parents_trouble"),
        ("could my mum end up arrested", YP, (), "utter_answer_school_parents_trouble"),
        # a friend's reaction to being told about
        (
            "if i go to a teacher would my mate never talk to me again",
            YP,
            ("friend_concern",),
            "utter_answer_friend_reaction",
        ),
    ],
)
def test_c9_kinds_of_question(text, audience, topics, expected):
    answers = answers_for(text, audience, topics_told=topics) if topics else answers_for(text, audience)
    assert answers and answers[0] == expected


@pytest.mark.parametrize(
    "text,audience,topics,unexpected",
    [
        # the time of something else, or reporting years later, is not the Havens' window
        ("can i go to the cinema tomorrow", YP, ("assault",), "utter_answer_havens_time"),
        (
            "is it too late to report? it was in primary school",
            YP,
            ("non_recent",),
            "utter_answer_havens_time",
        ),
        ("can i go tmrw after school", YP, ("harassment",), "utter_answer_havens_time"),
        # 999 said alone (the urgent route's), and CEOP named as news, ask nothing of these kinds
        ("i called 999 already", YP, (), "utter_answer_emergency_or_not"),
        ("my friend already told ceop", YP, (), "utter_answer_ceop_myself"),
        # "friends" in a conversation with no abuse in it; news about a parent, not a question
        (
            "she said friends do that. is that true",
            YP,
            ("friend_concern",),
            "utter_answer_not_what_friends_do",
        ),
        ("my dad got in trouble at work", YP, (), "utter_answer_school_parents_trouble"),
        # a young person's own telling keeps its answer outside a friend's conversation
        ("if i told somebody would they be mad", YP, ("non_recent",), "utter_answer_friend_reaction"),
    ],
)
def test_c9_look_alikes_get_no_such_answer(text, audience, topics, unexpected):
    answers = answers_for(text, audience, topics_told=topics) if topics else answers_for(text, audience)
    assert unexpected not in answers


def test_c9_answers_say_what_the_listings_say_and_no_more(domain_yaml, directory):
    from bot.nlg.placeholders import fill_message

    def said(name: str) -> str:
        return fill_message(domain_yaml["responses"][name][0], directory)["text"]

    havens = directory.get("the_havens")
    for name in ("utter_answer_havens_time", "utter_adult_answer_havens_time"):
        # the window is the listing's own sentence, with its phone number; no day count of ours
        assert havens.summary in said(name) and havens.phone in said(name)
    for name in ("utter_answer_emergency_or_not", "utter_adult_answer_emergency_or_not"):
        text = said(name)
        assert text.index("999") < text.index("101") and "danger now" in text
    ceop = said("utter_answer_ceop_myself")
    assert directory.get("ceop_safety_centre").age_note in ceop and "Not anonymous" in ceop
    friends = said("utter_answer_not_what_friends_do")
    assert friends.startswith("No.") and "not your fault" in friends
    school = said("utter_answer_school_parents_trouble")
    assert "keep you safe" in school and "I can't tell you what will happen" in school


def test_c9_not_wanting_to_lose_the_adult_grooming_them_is_not_a_friend_concern():
    # in a conversation about grooming, "he's my best friend" is about the one harming them
    for text in (
        "but shes my bestie i cant lose her",
        "i dont wanna block him tho",
        "hes the only one who gets me",
    ):
        answers = answers_for(text, YP, topics_told=("grooming", "friend_concern"))
        assert answers[:1] == ["utter_answer_lose_them"], text
    # look-alikes: a friend who told them, in a friend's conversation; a friend named as such
    assert "utter_answer_lose_them" not in answers_for(
        "i dont want to lose her", YP, topics_told=("friend_concern",)
    )
    assert "utter_answer_lose_them" not in answers_for(
        "my friend is being groomed and shes my best friend", YP, topics_told=("grooming",)
    )


@pytest.mark.parametrize(
    "text",
    [
        # C9: a volunteer's doubts in their own words: nothing happened yet, a reputation, friends
        # in high places
        "nothing has really happened, it's just a feeling",
        "I'd hate to wreck his career over a hunch",
        "she's close friends with our club president",
    ],
)
def test_c9_an_adults_doubts_get_you_dont_need_proof(text):
    assert "utter_staff_answer_doubt" in answers_for(text, STAFF)


def test_c9_not_wanting_to_lose_them_said_again_gets_the_short_answer_not_a_friend_concern():
    answers = answers_for(
        "i cant lose him hes my best mate",
        YP,
        given=("utter_answer_lose_them",),
        topics_told=("grooming", "friend_concern"),
    )
    assert answers == ["utter_answer_lose_them_again"]


def test_c9_no_answer_for_the_safeguarding_lead_tells_them_to_tell_the_dsl(domain_yaml, directory):
    # C9: a DSL was told "tell your designated safeguarding lead": every kind a member of staff
    # can ask gives the lead an answer (their own, or the staff one) that never says so
    from bot.nlg.placeholders import fill_message

    told = re.compile(
        r"\b(tell|to|hand it to|pass it on to) (your|the) (DSL|designated safeguarding lead)\b|\b(your|the) DSL (or their deputy )?decides\b",
        re.I,
    )
    for kind in load_questions():
        names = list(kind.answer_for("safeguarding_lead") or ()) + [kind.again_for("safeguarding_lead")]
        for name in (n for n in names if n and n.startswith("utter_")):
            text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
            assert not told.search(text), (kind.name, name)


# C10's kinds, in our own words: whether a picture can be taken down or stays up for good (Report
# Remove's listing), whether Childline is still there at 18 (its listing's age range), and whether
# the police can be texted (no sourced text number: 999's text relay, online reporting, the chat)
PICTURES = {"image_abuse"}


@pytest.mark.parametrize(
    "text",
    [
        "will the video ever be removed",
        "could they get the photos taken down or not",
        "is that pic gonna be up forever",
        "does it stay online for good now",
    ],
)
def test_c10_whether_a_picture_can_come_down_is_the_take_down_question(text):
    answers = answers_for(text, YP, topic=lambda: "image_abuse", topics_told=lambda: PICTURES)
    assert answers == ["utter_answer_take_down"]


@pytest.mark.parametrize(
    "text",
    [
        "am i allowed to still call childline when im 18",
        "im eighteen next week, could i still talk to childline",
        "whats the age limit for childline",
        "is childline just for kids",
        "am i too old for childline now",
    ],
)
def test_c10_childlines_age_range_is_answered(text):
    assert answers_for(text, YP) == ["utter_answer_childline_age"]


@pytest.mark.parametrize(
    "text",
    [
        "can i text the police instead of ringing",
        "is there a way to message 999",
        "do the police have a text line",
        "the police, could i reach them by text",
    ],
)
def test_c10_texting_the_police_is_answered_with_the_sourced_routes_only(text):
    assert answers_for(text, YP) == ["utter_answer_text_police"]


@pytest.mark.parametrize(
    "text,unexpected",
    [
        ("he took it down after a day", "utter_answer_take_down"),
        ("it was up for ages before anyone saw", "utter_answer_take_down"),
        ("childline helped my sister when she was 15", "utter_answer_childline_age"),
        ("i rang childline last year", "utter_answer_childline_age"),
        ("the police texted my mum back", "utter_answer_text_police"),
        ("he keeps messaging me and i told the police", "utter_answer_text_police"),
    ],
)
def test_c10_look_alikes_get_no_such_answer(text, unexpected):
    assert unexpected not in answers_for(text, YP, topic=lambda: "image_abuse", topics_told=lambda: PICTURES)


def test_c10_answers_say_only_what_the_listings_say(domain_yaml, directory):
    from bot.nlg.placeholders import fill_message

    def said(name):
        return fill_message(domain_yaml["responses"][name][0], directory)["text"]

    age = said("utter_answer_childline_age")
    assert directory.get("childline").age_note in age and "[[" not in age
    police = said("utter_answer_text_police")
    # the only text route to 999 is the listing's relay; no "text 999", no invented number
    relay = next(e for e in directory.get("emergency_999").extra_phones if "Relay UK" in e.label)
    assert relay.value in police and not re.search(r"\btext 999\b", police, re.I)
    assert directory.get("childline").phone in police
    numbers = set(re.findall(r"\b\d[\d ]{2,}\d\b", police))
    known = {relay.value, "999", directory.get("childline").phone, "0800 1111", "1111"}
    assert {n.strip() for n in numbers} <= known | {"2022"}, numbers


# ---- the gate's C9 and C10 (fitting routes mapped, issue 13): questions told, not asked --------


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        # a doubt said as a statement, not as "does it count?"
        ("not sure if it even counts tbh", YP, "utter_answer_it_counts"),
        ("dunno whether what he did is harassment", YP, "utter_answer_it_counts"),
        # "school will tell them" followed by "right" or "innit", with no question word
        ("teachers would tell my mum straight away wouldnt they", YP, "utter_answer_parents_told"),
        ("if i go to student services my form tutor will call my dad yeah", YP, "utter_answer_parents_told"),
        # what to tell the child, with a word between
        ("what should I honestly tell her happens next?", STAFF, "utter_staff_answer_what_to_say"),
        # the child goes home soon, to where the harm may be
        (
            "his stepdad collects him at half 3 and that's who he named",
            STAFF,
            "utter_staff_answer_who_to_call",
        ),
        ("he's going home in an hour", STAFF, "utter_staff_answer_who_to_call"),
        # nobody's permission is needed to refer
        (
            "Would we need the manager's approval before ringing anyone?",
            STAFF,
            "utter_staff_answer_who_to_call",
        ),
        # being told to look through a child's device
        # C11's search_phone kind answers "go through her phone" more exactly (no searching, the
        # device to the DSL, and the same never view, copy or delete images)
        (
            "My head of department says I should go through her phone first",
            STAFF,
            "utter_staff_answer_search_phone",
        ),
        ("the deputy asked me to check what's on his ipad", STAFF, "utter_staff_image_nudes"),
    ],
)
def test_gate_c9_c10_questions_told_as_statements_get_their_answers(text, audience, expected):
    assert expected in answers_for(text, audience)


@pytest.mark.parametrize(
    "text,audience,unexpected",
    [
        ("it counts as a lesson if you turn up", YP, "utter_answer_it_counts"),
        ("the school will tell them about the trip", YP, "utter_answer_parents_told"),
        ("I'll go home at 6 and ring them tomorrow", STAFF, "utter_staff_answer_who_to_call"),
        ("I went through the policy twice", STAFF, "utter_staff_image_nudes"),
    ],
)
def test_gate_c9_c10_look_alikes_get_no_such_answer(text, audience, unexpected):
    assert unexpected not in answers_for(text, audience)


# ---- C11's first run: adults' follow-up questions the guidance answers -----------------------
LEAD = "safeguarding_lead"


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        # searching a device: no own enquiries, no viewing images, the device to the lead
        (
            "can I scroll through her messages to see who else got them",
            STAFF,
            "utter_staff_answer_search_phone",
        ),
        ("would it help if we went through his laptop ourselves", STAFF, "utter_staff_answer_search_phone"),
        ("do I search the coach's phone before I say anything", STAFF, "utter_staff_answer_search_phone"),
        ("shall we look through it before the police come", LEAD, "utter_staff_lead_answer_search_phone"),
        # deleting what was shared
        ("his mum says we should wipe everything and forget it", STAFF, "utter_staff_answer_dont_delete"),
        ("can we just delete them and not make a fuss", STAFF, "utter_staff_answer_dont_delete"),
        (
            "honestly I'd rather get rid of all the pictures tonight",
            PARENT,
            "utter_parent_answer_dont_delete",
        ),
        # a child about to go home, nobody to tell
        ("home time in ten minutes, should I let him go home?", STAFF, "utter_staff_answer_going_home"),
        (
            "he's meant to go home at 4, what do I do, nobody is picking up",
            STAFF,
            "utter_staff_answer_going_home",
        ),
        ("I can't really stop him leaving, can I", STAFF, "utter_staff_answer_going_home"),
        # gone off with an adult now
        ("do we wait for him to turn up or what", PARENT, "utter_adult_answer_missing_now"),
        ("should I go looking for her, I know the area", PARENT, "utter_adult_answer_missing_now"),
        ("can I follow the car, I'm in mine now", PARENT, "utter_adult_answer_missing_now"),
        ("should we just wait till she comes home", STAFF, "utter_adult_answer_missing_now"),
        # going round there, or the other family
        ("part of me wants to storm round there and have it out", PARENT, "utter_parent_answer_confront"),
        ("should I ring the boy's parents and sort it out myself", PARENT, "utter_parent_answer_confront"),
        ("can we not just sort it out with the family", PARENT, "utter_parent_answer_confront"),
        # the child's parent who lives with the person (a grandparent, an aunt)
        ("do I phone my son and tell him what she said", PARENT, "utter_parent_answer_parents"),
        ("should I tell her mum? she lives with him", PARENT, "utter_parent_answer_parents"),
        ("do I tell his dad, he's with her at home", STAFF, "utter_staff_answer_parents"),
        # the child doesn't want the police
        ("my daughter doesn't want to go to the police", PARENT, "utter_parent_answer_police_choice"),
        ("he says he won't talk to the police", STAFF, "utter_staff_answer_police"),
        # whose matter it is; the lead unreachable; someone outside; told they're overthinking
        ("is it a criminal matter or do the school deal with it", STAFF, "utter_staff_answer_police"),
        ("the head's gone home and the deputy isn't picking up", STAFF, "utter_staff_answer_who_to_call"),
        ("is there somebody independent of the club I could ring", STAFF, "utter_staff_answer_who_to_call"),
        ("my manager reckons I'm overreacting", STAFF, "utter_staff_answer_doubt"),
        ("she's pally with him so I doubt anything will happen", STAFF, "utter_staff_answer_doubt"),
        # a parent's talk with their own child
        ("how should I bring it up with my daughter", PARENT, "utter_parent_answer_what_to_say"),
    ],
)
def test_c11_adults_follow_up_questions_get_the_guidance(text, audience, expected):
    assert expected in answers_for(text, audience), answers_for(text, audience)


@pytest.mark.parametrize(
    "text,audience,unexpected",
    [
        # a picture looked at stays the image question; the app's own chat is not the evidence
        ("Should I look at the photos first?", STAFF, "utter_staff_answer_search_phone"),
        ("Should we delete all the messages from him?", PARENT, "utter_parent_answer_dont_delete"),
        # going home as news, a parent's own phone, a walk round the park
        ("she went home at 3 like normal", STAFF, "utter_staff_answer_going_home"),
        ("I checked my phone and there was nothing", STAFF, "utter_staff_answer_search_phone"),
        ("we walked round the park after school", PARENT, "utter_parent_answer_confront"),
        ("should I tell my daughter I found the messages", PARENT, "utter_parent_answer_parents"),
        ("she waited for me to come back from work", PARENT, "utter_adult_answer_missing_now"),
        # C21: a colleague away is no child gone off with an adult
        (
            "Our DSL is off sick all week. Do I wait for her to come back?",
            STAFF,
            "utter_adult_answer_missing_now",
        ),
        (
            "the head is on a course, should we wait till she gets back?",
            STAFF,
            "utter_adult_answer_missing_now",
        ),
        (
            "our welfare officer is on holiday, do I just wait for him to return",
            STAFF,
            "utter_adult_answer_missing_now",
        ),
    ],
)
def test_c11_look_alikes_get_no_such_answer(text, audience, unexpected):
    assert unexpected not in answers_for(text, audience)


@pytest.mark.parametrize(
    "text",
    [
        "how long do i have to get checked at the hospital",
        "is there still time for a forensic exam, its been 10 days",
        "its been 5 days, is it too late for a test to show anything",
        "how many days till its too late for the morning after pill",
        "would a blood test still pick it up or is it too late",
    ],
)
def test_c11_a_timing_question_gets_the_sourced_windows_not_it_doesnt_matter(text):
    answers = answers_for(text, YP)
    assert "utter_answer_medical_timing" in answers and "utter_answer_too_late" not in answers


@pytest.mark.parametrize(
    "text",
    [
        "is it too late to tell someone, it was two years ago",
        "can i still report it even though it was ages ago",
        "it happened when i was little, is that too late now",
    ],
)
def test_c11_telling_or_reporting_late_keeps_its_doesnt_matter_how_long_ago(text):
    answers = answers_for(text, YP)
    assert "utter_answer_too_late" in answers and "utter_answer_medical_timing" not in answers


def test_c11_answers_say_only_what_the_sources_say(domain_yaml, directory):
    from bot.nlg.placeholders import fill_message

    def said(name):
        return fill_message(domain_yaml["responses"][name][0], directory)["text"]

    timing = said("utter_answer_medical_timing")
    havens = directory.get("the_havens")
    assert havens.summary in timing and havens.phone in timing
    assert directory.get("nhs_111").phone in timing and "doesn't matter how long ago" not in timing
    assert directory.get("nhs_emergency_sexual_health").summary in timing
    ukcis = directory.get("ukcis_sharing_nudes").name
    for name in ("utter_staff_answer_search_phone", "utter_staff_lead_answer_search_phone"):
        text = said(name)
        assert text.startswith("No") and ukcis in text and "don't view, copy" in text
    assert ukcis in said("utter_staff_answer_dont_delete")
    assert directory.get("nca_sextortion_advice").name in said("utter_parent_answer_dont_delete")
    for name in ("utter_parent_answer_confront", "utter_parent_answer_what_to_say"):
        assert directory.get("listening_to_a_child").name in said(name)
    assert directory.get("redbridge_referral_consent").name in said("utter_parent_answer_parents")
    for name in ("utter_adult_answer_missing_now", "utter_staff_answer_going_home"):
        assert "999" in said(name) and "[[" not in said(name)
    # the lead is never told to tell the DSL
    assert not re.search(r"\b(tell|to) your DSL\b", said("utter_staff_lead_answer_search_phone"))


def test_c11_asked_again_gets_a_short_answer_not_the_steps_above():
    # following after waiting, the child's "no police" after the police answer, doubt said twice
    assert answers_for("can I go after the car?", PARENT, given=("utter_adult_answer_missing_now",)) == [
        "utter_adult_answer_missing_now_again"
    ]
    assert answers_for(
        "he's saying he won't go to the police", PARENT, given=("utter_parent_answer_police_choice",)
    ) == ["utter_parent_answer_police_choice_again"]
    assert answers_for("the chair says I'm being paranoid", STAFF, given=("utter_staff_answer_doubt",)) == [
        "utter_staff_answer_doubt_again"
    ]


# ---- C12's first run: an adult's "proof" got the Havens' washing answer with no assault told ----
@pytest.mark.parametrize(
    "text, audience",
    [
        ("I need proof before I go to the head, don't I?", STAFF),
        ("there's no hard evidence, just a feeling about how he looks at them", STAFF),
        ("should I keep the chat logs as evidence for the police", PARENT),
        ("what counts as proof for the school?", PARENT),
    ],
)
def test_c12_an_adults_proof_or_evidence_alone_never_gets_the_washing_answer(text, audience):
    assert "utter_adult_answer_evidence" not in answers_for(text, audience)


@pytest.mark.parametrize(
    "text, audience",
    [
        ("she's jumped straight into the bath, is that ok?", PARENT),
        ("he's gone in the shower already, have we lost the evidence?", STAFF),
        ("she washed her clothes as soon as she got in, is there any proof left", PARENT),
    ],
)
def test_c12_an_adult_asking_about_washing_after_an_assault_still_gets_the_havens(text, audience):
    assert answers_for(text, audience)[:1] == ["utter_adult_answer_evidence"]


@pytest.mark.parametrize(
    "text, audience",
    [
        ("can I save the pictures she sent him, just to have a record?", PARENT),
        ("should we copy the video onto a usb for the police", STAFF),
    ],
)
def test_c12_an_adult_asking_to_keep_a_childs_picture_gets_dont_copy_it(text, audience):
    assert answers_for(text, audience)[:1] in (["utter_parent_image_nudes"], ["utter_staff_image_nudes"])


def test_c12_a_parent_is_sent_to_the_childs_borough_not_their_own(domain_yaml):
    text = domain_yaml["responses"]["utter_parent_answer_who_to_call"][0]["text"]
    assert "where you live" not in text and "where the child lives" in text


# ---- C12's first run: plain language asked in other words; telling a bot first --------------
@pytest.mark.parametrize(
    "text,expected",
    [
        ("can u give me clear answers pls", "utter_answer_short_answers"),
        ("tell me step by step what happens", "utter_answer_short_answers"),
        ("please use simple words i get confused", "utter_answer_short_answers"),
        ("not long ones please, i cant follow them", "utter_answer_short_answers"),
        ("is it sad that im talking to a chatbot about this", "utter_answer_telling_a_bot"),
        ("is it stupid im telling you before anyone", "utter_answer_telling_a_bot"),
        ("i told a bot first lol", "utter_answer_telling_a_bot"),
    ],
)
def test_c12_plain_language_and_telling_a_bot_first_get_their_answers(text, expected):
    assert expected in answers_for(text, YP)


@pytest.mark.parametrize(
    "text,unexpected",
    [
        ("my teacher gave really clear instructions about the trip", "utter_answer_short_answers"),
        ("this is a weird question but is telling the police a big deal", "utter_answer_telling_a_bot"),
        ("its weird telling my mum stuff", "utter_answer_telling_a_bot"),
        ("is it weird that he keeps messaging me", "utter_answer_telling_a_bot"),
    ],
)
def test_c12_look_alikes_get_no_such_answer(text, unexpected):
    assert unexpected not in answers_for(text, YP)


def test_c12_telling_a_bot_first_is_not_also_answered_as_does_it_count():
    assert answers_for("is it weird that im typing this to a bot first", YP) == ["utter_answer_telling_a_bot"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # C13's kinds in our own words
        ("is this only for girls or can lads use it", "utter_answer_boys_lgbt"),
        ("do u only talk to women", "utter_answer_boys_lgbt"),
        ("is this a girls only thing", "utter_answer_boys_lgbt"),
        ("tell me what to do but number them please", "utter_answer_short_answers"),
        ("can you put it in a list", "utter_answer_short_answers"),
        ("is it just bullying when they do that", "utter_answer_it_counts"),
        ("he loves me so it's not really abuse, right", "utter_answer_it_counts"),
        ("if i tell you will you ring my school", "utter_privacy"),
        ("i wanna ask something without you telling anyone", "utter_privacy"),
        ("can u track where i live", "utter_privacy"),
    ],
)
def test_c13_kinds_of_young_peoples_question(text, expected):
    assert expected in answers_for(text, YP)


@pytest.mark.parametrize(
    "text,unexpected",
    [
        ("i go to a girls only school in hackney", "utter_answer_boys_lgbt"),
        ("i was number 3 in the list", "utter_answer_short_answers"),
        ("he said i was being dramatic about the bullying", "utter_answer_it_counts"),
        ("i told my mum and she will call the school", "utter_privacy"),
        ("can you see what i mean", "utter_privacy"),
    ],
)
def test_c13_look_alikes_get_no_such_answer(text, unexpected):
    assert unexpected not in answers_for(text, YP)


# ---- C13's first run: adults' questions that got "I don't have a sourced answer" or "the steps
# above", in our own words, with young people's look-alikes that must not take an adult's answer ----
@pytest.mark.parametrize(
    "text,audience,expected",
    [
        (
            "It's Saturday night, surely this can wait until the school's open?",
            STAFF,
            "utter_staff_answer_cant_wait",
        ),
        (
            "Would it be ok to hold off till the morning when her social worker's in?",
            PARENT,
            "utter_parent_answer_cant_wait",
        ),
        ("Maybe we just wait and see for a few weeks", PARENT, "utter_parent_answer_cant_wait"),
        (
            "Should I have another go at asking her tomorrow after school?",
            PARENT,
            "utter_staff_answer_record",
        ),
        (
            "could I show her some drawings so she can point to what happened?",
            STAFF,
            "utter_staff_answer_record",
        ),
        ("I'm tempted to phone his family to check what went on", PARENT, "utter_parent_answer_no_enquiries"),
        (
            "Should I call the old foster carers and see what they know?",
            PARENT,
            "utter_parent_answer_no_enquiries",
        ),
        ("Might be best if I talk to him face to face", PARENT, "utter_parent_answer_no_enquiries"),
        (
            "Must I tell our designated safeguarding lead, or can I use my professional judgement call?",
            STAFF,
            "utter_staff_answer_must_tell",
        ),
        ("Is it up to me whether the DSL hears about it?", STAFF, "utter_staff_answer_must_tell"),
        ("does it count as a disclosure if he only signed it?", STAFF, "utter_staff_answer_nonverbal"),
        ("Can a child who can't speak make a disclosure to a TA?", STAFF, "utter_staff_answer_nonverbal"),
        ("Is it possible the girl has misunderstood what he meant?", STAFF, "utter_staff_answer_doubt"),
        ("Honestly I can't believe it of him, he's highly respected", STAFF, "utter_staff_answer_doubt"),
        ("I'd hate to get her parents into trouble over nothing", STAFF, "utter_staff_answer_doubt"),
        (
            "At what point do we need to involve the police? when does it go to the police",
            LEAD,
            "utter_staff_lead_answer_police",
        ),
        ("I want to text these scammers back and scare them off", PARENT, "utter_adult_answer_dont_engage"),
        ("shall we just pay them? then it stops?", PARENT, "utter_adult_answer_pay"),
        ("the welfare officer is the chairman's brother", STAFF, "utter_staff_answer_who_to_call"),
    ],
)
def test_c13_an_adults_question_gets_its_sourced_answer(text, audience, expected):
    assert expected in answers_for(text, audience)


@pytest.mark.parametrize(
    "text",
    [
        "can it wait till monday to tell my teacher",
        "should i try again to tell my mum",
        "my mate said we should wait and see if he stops",
        "i cant believe he did that to me",
    ],
)
def test_c13_a_young_persons_look_alikes_get_no_adults_answer(text):
    adult_answers = {
        "utter_staff_answer_cant_wait",
        "utter_parent_answer_cant_wait",
        "utter_parent_answer_no_enquiries",
        "utter_staff_answer_must_tell",
        "utter_staff_answer_nonverbal",
        "utter_staff_answer_doubt",
    }
    assert not adult_answers & set(answers_for(text, "young_person"))


def test_c13_the_new_adult_answers_name_their_source_and_a_route(domain_yaml, directory):
    from bot.nlg.placeholders import fill_message

    for name in (
        "utter_staff_answer_cant_wait",
        "utter_parent_answer_cant_wait",
        "utter_parent_answer_no_enquiries",
        "utter_staff_answer_must_tell",
        "utter_staff_answer_nonverbal",
        "utter_staff_lead_answer_nonverbal",
    ):
        text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
        assert re.search(r"\b(Source|Guidance): ", text) or "101" in text, name
        assert re.search(r"\b(DSL|999|101|children's services|refer)\b", text), name


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        # C17's kinds, in our own words. The head is the person, or the lead is the person or close
        # to them: not to them; the chair of governors, or the LADO directly (KCSIE part one)
        ("I'd normally report to the DSL but she is the DSL", STAFF, "utter_staff_answer_lead_accused"),
        (
            "our safeguarding lead is his girlfriend, which makes it hard",
            STAFF,
            "utter_staff_answer_lead_accused",
        ),
        ("the deputy is his best mate", STAFF, "utter_staff_answer_lead_accused"),
        (
            "where do I go when the allegation is against the headteacher?",
            STAFF,
            "utter_staff_answer_lead_accused",
        ),
        ("what if it's the head?", LEAD, "utter_staff_answer_lead_accused"),
        # should I have asked more, can I ask who he is: listen, record, pass on; no questioning
        (
            "should I have asked her more questions when she told me?",
            STAFF,
            "utter_staff_answer_dont_ask_more",
        ),
        ("can I ask him on Monday who the man in the car was", STAFF, "utter_staff_answer_dont_ask_more"),
        ("I want to find out who he is before I say anything", STAFF, "utter_staff_answer_dont_ask_more"),
        # writing to the man: don't engage
        ("should i drop him a text warning him off", PARENT, "utter_adult_answer_dont_engage"),
        ("do I message him saying I know what he's doing", PARENT, "utter_adult_answer_dont_engage"),
        # a colleague wants to view the image; parents want the device back
        (
            "the deputy head wants to look at the video to check what's on it",
            LEAD,
            "utter_staff_lead_answer_search_phone",
        ),
        ("my head of department offered to have a look at the pic", STAFF, "utter_staff_answer_search_phone"),
        ("her dad is demanding the phone back, do we have to?", LEAD, "utter_staff_answer_phone_back"),
        ("can I give it back to him at the end of the day?", STAFF, "utter_staff_answer_phone_back"),
        # refer today, with the weekend coming
        ("should we report it today or is Monday fine", STAFF, "utter_staff_answer_cant_wait"),
        ("it's friday night and he'll be at his dad's all weekend", STAFF, "utter_staff_answer_cant_wait"),
        # the writer's own doubt
        ("I might be reading too much into this", STAFF, "utter_staff_answer_doubt"),
        ("im probably overreacting tbh", STAFF, "utter_staff_answer_doubt"),
        ("what if I'm wrong and I lose my job", STAFF, "utter_staff_answer_doubt"),
    ],
)
def test_c17_an_adults_question_gets_its_sourced_answer(text, audience, expected):
    assert expected in answers_for(text, audience)


@pytest.mark.parametrize(
    "text,audience,unexpected",
    [
        # who to ring today stays "who to call", not "it can't wait"
        ("who do i ring today", PARENT, "utter_parent_answer_cant_wait"),
        # the welfare officer related to someone in charge, not to the person: who else to tell
        ("the welfare officer is the chairman's sister", STAFF, "utter_staff_answer_lead_accused"),
        # the head of year is not the head
        ("what if it's the head of year who finds out", STAFF, "utter_staff_answer_lead_accused"),
    ],
)
def test_c17_look_alikes_keep_their_own_answer(text, audience, unexpected):
    assert unexpected not in answers_for(text, audience)


@pytest.mark.parametrize(
    "text",
    [
        # a young person's look-alikes get none of these adults' answers
        "but he is the head, who would believe me",
        "should i have asked him to stop",
        "my dad wants my phone back",
        "im probably overreacting but he keeps staring at me",
        "can i ask her who she told",
    ],
)
def test_c17_a_young_persons_look_alikes_get_no_adults_answer(text):
    adult_answers = {
        "utter_staff_answer_lead_accused",
        "utter_staff_answer_dont_ask_more",
        "utter_staff_answer_phone_back",
        "utter_staff_answer_doubt",
        "utter_staff_answer_cant_wait",
    }
    assert not adult_answers & set(answers_for(text, "young_person"))


def test_c17_the_new_answers_cite_their_source_and_say_no_viewing_or_questioning(domain_yaml, directory):
    from bot.nlg.placeholders import fill_message

    def said(name):
        return fill_message(domain_yaml["responses"][name][0], directory)["text"]

    lead_accused = said("utter_staff_answer_lead_accused")
    assert "chair of governors" in lead_accused and "LADO" in lead_accused
    assert "Keeping children safe in education" in lead_accused and "2025" in lead_accused
    assert "don't go back to ask more" in said("utter_staff_answer_dont_ask_more")
    phone_back = said("utter_staff_answer_phone_back")
    assert "don't view" in phone_back and "Sharing nudes" in phone_back
    assert "conflict of interest" in said("utter_staff_answer_doubt")


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        # C17's kinds, in our own words: FGM's law (abroad included) and its reporting duty, each
        # from a cited source; a chat with the child's mother first; how soon
        ("is FGM actually illegal if the family has it done overseas?", STAFF, "utter_adult_answer_fgm_law"),
        ("what does the law say about cutting girls back home", PARENT, "utter_parent_answer_fgm_law"),
        (
            "does the mandatory reporting duty apply to a youth worker like me",
            STAFF,
            "utter_staff_answer_fgm_duty",
        ),
        ("am I under a legal duty to report it myself?", LEAD, "utter_staff_answer_fgm_duty"),
        ("maybe I could have a quiet chat with her mum first?", STAFF, "utter_staff_answer_parents"),
        ("shall I mention it to his dad when he collects him", STAFF, "utter_staff_answer_parents"),
        ("how soon do I need to do this, it's weeks away", STAFF, "utter_staff_answer_cant_wait"),
    ],
)
def test_c17_fgm_a_parent_first_and_how_soon_get_their_sourced_answer(text, audience, expected):
    assert expected in answers_for(text, audience)


def test_c17_the_fgm_answers_name_their_sources_and_say_today(domain_yaml, directory):
    from bot.nlg.placeholders import fill_message

    def said(name):
        return fill_message(domain_yaml["responses"][name][0], directory)["text"]

    law = said("utter_adult_answer_fgm_law")
    assert "abroad" in law and "Protection Order" in law and "NSPCC" in law and "today" in law
    duty = said("utter_staff_answer_fgm_duty")
    assert "teachers" in duty and "does not apply to girls at risk" in duty
    assert "22 Jan 2020" in duty and "today" in duty
    # a young person asking about FGM gets none of the adults' answers
    assert not {"utter_adult_answer_fgm_law", "utter_staff_answer_fgm_duty"} & set(
        answers_for("is fgm illegal even abroad? my aunt keeps talking about a ceremony", "young_person")
    )


@pytest.mark.parametrize(
    "text,audience,given,expected",
    [
        # C17: the write-up, and the clothes asked about after the washing answer (its short form)
        ("what should we be writing up for the file?", LEAD, (), "utter_staff_answer_record_contents"),
        ("what goes in the record exactly", STAFF, (), "utter_staff_answer_record_contents"),
        ("what do I do with his clothes from last night", PARENT, (), "utter_adult_answer_evidence"),
        (
            "ok and what should we do with her clothes",
            PARENT,
            ("utter_adult_answer_evidence",),
            "utter_adult_answer_evidence_again",
        ),
    ],
)
def test_c17_the_write_up_and_the_clothes_get_their_answer(text, audience, given, expected):
    answers = answers_for(text, audience, given=given)
    assert expected in answers
    assert "utter_parent_answer_who_to_call" not in answers


def test_c17_dont_confront_no_longer_says_tell_your_dsl_first_for_a_colleague(domain_yaml, directory):
    # C17: the head was the DSL; "Tell your DSL today" came before the colleague's route
    from bot.nlg.placeholders import fill_message

    text = fill_message(domain_yaml["responses"]["utter_staff_answer_confront"][0], directory)["text"]
    assert "Tell your DSL today" not in text
    assert "chair of governors" in text and "LADO directly" in text


# ---- C17: the accused child's parent (situation harmful_behaviour) ----------------------------
ACCUSED = "harmful_behaviour"


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "is the school even allowed to move him out of her classes, nothing's been proven",
            "utter_parent_answer_kept_apart",
        ),
        (
            "they want to keep them apart at break, is that fair when he hasn't been convicted of anything",
            "utter_parent_answer_kept_apart",
        ),
        ("can they exclude her when she's not been found guilty", "utter_parent_answer_kept_apart"),
        ("who can actually help my son with this", "utter_parent_answer_help_for_child_who_harmed"),
        (
            "is there any support for him? counselling or something",
            "utter_parent_answer_help_for_child_who_harmed",
        ),
        ("could he end up with a criminal record", "utter_parent_answer_police_child_accused"),
        ("are the police going to come to the house", "utter_parent_answer_police_child_accused"),
        ("she swears the boy is making it up", "utter_parent_answer_child_denies"),
        ("my son told me it never happened, she was just joking around", "utter_parent_answer_child_denies"),
    ],
)
def test_c17_an_accused_childs_parent_gets_answers_for_their_situation(text, expected):
    assert answers_for(text, PARENT, situation=ACCUSED)[:1] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # the same words from a parent whose child was harmed never get the accused child's answers
        "who can actually help my son with this",
        "are the police going to come to the house",
        "could he end up with a criminal record",
        "is there any support for him? counselling or something",
    ],
)
def test_c17_a_harmed_childs_parent_never_gets_the_accused_childs_answers(text):
    answers = answers_for(text, PARENT, situation="disclosure")
    assert not any(a in answers for a in ACCUSED_ANSWERS)
    assert answers_for(text, YP) == answers_for(text, YP, situation=ACCUSED)


ACCUSED_ANSWERS = {
    "utter_parent_answer_kept_apart",
    "utter_parent_answer_help_for_child_who_harmed",
    "utter_parent_answer_police_child_accused",
    "utter_parent_answer_child_denies",
}


# ---- C17: a child in danger now after the adult's 999 reply; a promise after she is home -------
DANGER_TOLD = ("utter_parent_general", "utter_adult_emergency")


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "he keeps saying don't call the police, he's scared he'll get in trouble",
            "utter_adult_answer_no_police_in_danger",
        ),
        (
            "she made me promise not to ring the police, she says she'll be arrested for the weed",
            "utter_adult_answer_no_police_in_danger",
        ),
        (
            "should I still call 999 even though she's pleading with me not to",
            "utter_adult_answer_no_police_in_danger",
        ),
        ("I'm going to get a cab over there and fetch her myself", "utter_adult_answer_dont_go_alone"),
        ("should i just drive over and get her", "utter_adult_answer_dont_go_alone"),
        ("what should she do while I'm ringing them", "utter_adult_answer_while_calling"),
        ("what do I tell him to do, he's hiding in the bathroom", "utter_adult_answer_while_calling"),
        ("his dad's not picking up", "utter_adult_answer_dont_wait_for_family"),
        ("I can't get hold of her mum either", "utter_adult_answer_dont_wait_for_family"),
    ],
)
def test_c17_danger_told_by_an_adult_keeps_999_first_in_the_answers(text, expected):
    assert answers_for(text, PARENT, given=DANGER_TOLD)[:1] == [expected]


@pytest.mark.parametrize(
    "text,expected",
    [
        # without danger told: a child at home who asked for a promise keeps the choice (the Havens)
        (
            "my daughter made me swear not to call the police about last night",
            "utter_parent_answer_police_choice",
        ),
        (
            "he got me to promise I wouldn't tell his dad and not to go to the police",
            "utter_parent_answer_police_choice",
        ),
        # and "go round there" is confronting someone, not fetching a child from danger
        ("I know his address, I'm tempted to go round there", "utter_adult_answer_dont_engage"),
        # a parent unable to reach the other parent, with no danger told
        ("her dad isn't answering my texts about it", None),
    ],
)
def test_c17_the_same_words_without_danger_told_get_the_calm_answers(text, expected):
    answers = answers_for(text, PARENT, given=("utter_parent_general",))
    assert answers[:1] == ([expected] if expected else [])
    assert not {"utter_adult_answer_no_police_in_danger", "utter_adult_answer_dont_go_alone"} & set(answers)


def test_c17_the_child_herself_not_answering_is_not_about_waiting_for_family():
    answers = answers_for("she's not answering me now", PARENT, given=DANGER_TOLD)
    assert "utter_adult_answer_dont_wait_for_family" not in answers


def test_c17_begging_not_to_call_the_police_without_danger_told_is_never_told_the_police_are_optional():
    # the aunt's kind of message, if the 999 reply never came: no "you can decide about the police"
    answers = answers_for(
        "she's begging me not to phone the police, she's scared", PARENT, given=("utter_parent_general",)
    )
    assert "utter_parent_answer_police_choice" not in answers


def test_c17_the_accused_childs_replies_cite_their_sources_and_name_stop_it_now(domain_yaml, directory):
    from bot.nlg.placeholders import fill_message

    stop_it_now = directory.get("stop_it_now").phone
    for name, cites in (
        ("utter_parent_harmful_behaviour", ("Lucy Faithfull", "part five")),
        ("utter_parent_answer_kept_apart", ("Keeping children safe in education", "part five")),
        ("utter_parent_answer_help_for_child_who_harmed", ("Thinkuknow",)),
        ("utter_parent_answer_police_child_accused", ("Thinkuknow",)),
    ):
        text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
        for cite in cites:
            assert cite in text, (name, cite)
        assert "Report Remove" not in text and "not your fault" not in text and "Havens" not in text, name
        if name != "utter_parent_answer_kept_apart":
            assert stop_it_now in text and "999" in text, name


def test_c17_the_danger_answers_lead_with_999(domain_yaml, directory):
    from bot.nlg.placeholders import fill_message

    for name in (
        "utter_adult_answer_no_police_in_danger",
        "utter_adult_answer_dont_go_alone",
        "utter_adult_answer_while_calling",
        "utter_adult_answer_dont_wait_for_family",
    ):
        variation = domain_yaml["responses"][name][0]
        assert variation["custom"] == {"urgency": "emergency"}, name
        assert "999" in fill_message(variation, directory)["text"].splitlines()[0], name


@pytest.mark.parametrize(
    "text",
    [
        "would the sexual health clinic ring my dad if i went",
        "if i see a nurse at the gum clinic do they have to tell my carers",
        "does the gp tell your parents if you go about the pill",
        "is the clinic confidential",
    ],
)
def test_a_clinics_confidentiality_is_not_the_schools_answer(text):
    # C17's first run: "if i go to a clinic will they call my mum" got "The honest answer: often,
    # yes", which is about school; a clinic's own rule (13 and over: confidential) is sourced
    answers = answers_for(text, YP)
    assert "utter_answer_clinic_confidential" in answers, text
    assert "utter_answer_parents_told" not in answers, text


def test_the_school_nurse_keeps_the_schools_answer():
    assert answers_for("if i go to the school nurse would she ring my mum", YP) == [
        "utter_answer_parents_told"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "if i report him will they tell my mum im bi",
        "would school out me to my family if i said what happened",
        "i dont want my parents finding out im trans if i report it",
    ],
)
def test_being_outed_by_telling_gets_no_guess_about_what_school_shares(text):
    answers = answers_for(text, YP)
    assert "utter_answer_outing" in answers, text
    assert "utter_answer_parents_told" not in answers, text


@pytest.mark.parametrize(
    "text",
    [
        "im 16 so the photos are legal right",
        "i agreed to the topless pics and im 17",
        "shes 17 so its fine if he keeps the nudes right",
    ],
)
def test_sixteen_or_seventeen_and_pictures_gets_the_image_law_not_the_age_of_consent(text):
    # C17: "im 17 so like, it's basically legal right? i did agree to the lingerie" got only "the
    # age of consent is 16"; sexual images of under-18s are illegal whatever was agreed
    answers = answers_for(text, YP)
    assert answers[:1] == ["utter_answer_image_age_law"], text
    assert "utter_answer_consent_law" not in answers, text


def test_sixteen_and_legal_without_pictures_keeps_the_age_of_consent():
    assert answers_for("im 16 so isnt that legal anyway", YP) == ["utter_answer_consent_law"]


@pytest.mark.parametrize(
    "text",
    [
        "how would i know if someone drugged me at the party",
        "can you get tested for being spiked the day after",
        "is there a way to prove my drink was spiked",
    ],
)
def test_how_to_find_out_about_a_spiking_gets_the_police_test_and_its_time(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_spiking_test"], text
