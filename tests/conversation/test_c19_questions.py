"""C19's first run (issue 13): young people's and adults' questions left unanswered ("I don't want
to guess the answer", "the steps above still apply"). Kinds, in our own words (none of them a C19
sentence): reporting once the person has gone or long after, going to court and seeing him, a
young person's immigration status, being believed, consent when someone didn't say no, a parent
asked whether to ring the person accused or go after him, a parent's doubt, a lead asked whether
to question witnesses. Look-alikes that must not change: the same words about other things."""

from __future__ import annotations

import pytest

from bot.conversation.questions import answers_for
from bot.nlg.placeholders import fill_message

YP, STAFF, PARENT, LEAD = "young_person", "staff", "parent_carer", "safeguarding_lead"


@pytest.mark.parametrize(
    "text",
    [
        "is it still possible to report him now hes got off the bus",
        "could i still report it even tho he left",
        "he's already gone, can i even do anything about it",
        "can you tell the police if the guy just walked off",
        "would it be worth reporting when shes moved away",
    ],
)
def test_reporting_once_he_has_gone_is_answered(text):
    answers = answers_for(text, YP)
    assert answers[:1] == ["utter_answer_report_later"], text
    assert "utter_answer_too_late" not in answers, text


@pytest.mark.parametrize(
    "text",
    [
        "it was in year 7, is that too late now",
        "is it too late to get help",
        "can you report stuff that happened when you were little",
        "do people still report it months later",
        "can i tell the police about it if it was 2 years ago",
    ],
)
def test_reporting_long_after_keeps_its_doesnt_matter_how_long_ago(text):
    assert answers_for(text, YP) == ["utter_answer_too_late"], text


@pytest.mark.parametrize(
    "text",
    [
        "if i report it do i have to go to court",
        "will i have to see him in court",
        "would i need to give evidence in front of him",
        "do u have to be a witness if u tell",
        "id have to stand up in court wouldnt i",
    ],
)
def test_going_to_court_and_seeing_him_gets_special_measures(text):
    assert "utter_answer_court" in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    [
        "my mum has to go to court for the divorce",
        "my dads got court next week for his car",
        "we did a mock trial in citizenship today lol",
    ],
)
def test_court_told_about_others_is_not_asked(text):
    assert "utter_answer_court" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    [
        "if the police know will they deport me",
        "will reporting it mess up my asylum claim",
        "im scared the home office will find out if i tell",
        "if i go to police will they send me back to my country",
        "my immigration lawyer hasnt finished my papers, can i still tell someone",
    ],
)
def test_a_young_persons_immigration_status_gets_who_can_answer_not_a_guess(text):
    answers = answers_for(text, YP)
    assert answers[:1] == ["utter_answer_immigration"], text
    assert "utter_answer_police" not in answers, text


@pytest.mark.parametrize(
    "text",
    [
        "he sent me back a pic of himself",
        "she sends me back the same meme every time",
        "can you take me back to the start",
    ],
)
def test_sending_back_that_is_not_about_status_is_not_immigration(text):
    assert "utter_answer_immigration" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    [
        "would anyone even believe me after this long",
        "nobody believes kids like me",
        "my nan will say im making it up",
        "what if the police dont believe me?",
        "theyll think im lying for attention",
    ],
)
def test_a_worry_about_not_being_believed_is_answered(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_believed"], text


def test_a_teacher_not_believing_keeps_the_teachers_answer():
    answers = answers_for("if i tell miss will she think im lying", YP)
    assert answers == ["utter_answer_teacher_reaction"]


@pytest.mark.parametrize(
    "text",
    [
        "could it still be rape if we're going out",
        "can it count as assault if he's my bf",
        "i didnt say no tho so did i agree?",
        "i never said stop. does that mean i consented",
        "does staying quiet mean i wanted it",
    ],
)
def test_consent_asked_about_a_partner_or_not_saying_no_gets_the_law(text):
    assert "utter_answer_consent_law" in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    [
        "i didnt say no when my mum asked if i wanted tea",
        "can it be my turn on the xbox",
    ],
)
def test_consent_look_alikes_do_not_get_the_law(text):
    assert "utter_answer_consent_law" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    "name",
    [
        "utter_answer_report_later",
        "utter_answer_court",
        "utter_answer_immigration",
        "utter_answer_believed",
    ],
)
def test_the_young_peoples_answers_are_short_and_name_who_can_help(name, domain_yaml, directory):
    text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
    assert "Childline" in text and "[[" not in text, name
    assert len(text) < 900, (name, len(text))


def test_the_answers_cite_their_sources(domain_yaml, directory):
    court = fill_message(domain_yaml["responses"]["utter_answer_court"][0], directory)["text"]
    assert "Source: Victim Support" in court and "btp.police.uk" not in court
    report = fill_message(domain_yaml["responses"]["utter_answer_report_later"][0], directory)["text"]
    assert "British Transport Police" in report and "61016" in report and "btp.police.uk" in report
    immigration = fill_message(domain_yaml["responses"]["utter_answer_immigration"][0], directory)["text"]
    assert "won't guess" in immigration and "999" in immigration


def test_someone_who_left_a_group_chat_is_not_someone_who_has_gone():
    assert "utter_answer_report_later" not in answers_for("he left the group chat so can i report him", YP)


@pytest.mark.parametrize(
    "text,situation",
    [
        ("do I phone my brother and ask him if it's true?", "disclosure"),
        ("Part of me wants to call him and get his side", "disclosure"),
        ("should I just ask him straight out what he did", "staff_allegation"),
        ("My husband wants to track down the man who did this", "harassment"),
        ("I want to go looking for this bloke myself", "harassment"),
    ],
)
def test_a_parent_asking_to_question_or_find_the_person_accused_is_told_not_to(text, situation):
    answers = answers_for(text, PARENT, situation=situation)
    assert answers[:1] == ["utter_parent_answer_dont_ask_accused"], text
    assert "utter_adult_answer_dont_engage" not in answers, text


@pytest.mark.parametrize(
    "text,situation",
    [
        # the writer's own child, asked about after a party: not the person accused
        ("should I ring him and ask what happened at the party", "general"),
        ("should I ring him and ask what happened", "recent_assault"),
        # the writer's own child is the one accused: that situation has its own answers
        ("do I ask him straight out what he did", "harmful_behaviour"),
        ("I'll phone him and ask how he's feeling", "disclosure"),
    ],
)
def test_a_parent_asking_their_own_child_is_not_told_not_to_ask(text, situation):
    assert "utter_parent_answer_dont_ask_accused" not in answers_for(text, PARENT, situation=situation), text


@pytest.mark.parametrize(
    "text",
    [
        "Perhaps my granddaughter got it wrong?",
        "What if she's just confused, she's only 8",
        "I just can't believe my husband would do this",
        "maybe he made it up to get attention",
    ],
)
def test_a_parents_doubt_is_answered(text):
    assert answers_for(text, PARENT, situation="disclosure")[:1] == ["utter_parent_answer_doubt"], text


def test_a_parent_whose_own_child_is_accused_gets_no_doubt_answer():
    answers = answers_for("maybe she made it up", PARENT, situation="harmful_behaviour")
    assert "utter_parent_answer_doubt" not in answers


@pytest.mark.parametrize(
    "text,audience",
    [
        ("Should I interview the other pupils who were there?", LEAD),
        ("can we ask the other kids in the changing room what they saw", STAFF),
        ("Do I need to take witness statements from the lads?", LEAD),
    ],
)
def test_staff_asking_to_question_witnesses_are_told_not_to_investigate(text, audience):
    answers = answers_for(text, audience)
    assert answers[:1] in (["utter_staff_answer_confront"], ["utter_staff_lead_answer_confront"]), text


def test_the_parents_answers_cite_their_source_and_give_the_police_number(domain_yaml, directory):
    police = directory.get("police_101").phone
    for name in ("utter_parent_answer_dont_ask_accused", "utter_parent_answer_doubt"):
        text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
        assert "Source: " in text and police in text and "999" in text, name
        assert "not your fault" not in text and "I believe you" not in text, name


@pytest.mark.parametrize(
    "text,expected",
    [
        # paying to make it stop, asked as "if I pay"
        ("if i send them the money will they delete it", "utter_answer_pay"),
        ("if i just pay him will it be over", "utter_answer_pay"),
        # what telling a parent would bring
        ("i could never tell my mum, she'd go mad", "utter_answer_tell_parent"),
        ("if i tell my dad he'll ground me for ever", "utter_answer_tell_parent"),
        ("my abbu would be so ashamed", "utter_answer_tell_parent"),
        # being moved from a placement
        ("will i get moved if i say something", "utter_answer_taken_away"),
        ("they'll just give me another placement", "utter_answer_taken_away"),
        # showing the picture to someone as proof
        ("should i show the nudes to my head of year so she believes me", "utter_answer_screenshot_image"),
        ("my mate says forward the pics to sir", "utter_answer_screenshot_image"),
        # keeping it from getting out, and whether it will be posted
        ("how do i stop the pics from getting shared", "utter_answer_take_down"),
        ("what if they post the video", "utter_answer_will_post"),
        ("would the boys share it do u think", "utter_answer_will_post"),
        # turning 18
        ("im 18 next month, who can i still talk to", "utter_answer_turning_18"),
        ("does it change anything when im 18", "utter_answer_turning_18"),
    ],
)
def test_more_young_peoples_kinds_are_answered(text, expected):
    assert expected in answers_for(text, YP, topics_told={"image_abuse"}), text


@pytest.mark.parametrize(
    "text,not_expected",
    [
        ("if i pay for the pizza will they bring it up", "utter_answer_pay"),
        ("my mum would be so happy if i passed", "utter_answer_tell_parent"),
        ("we got moved to a different maths set", "utter_answer_taken_away"),
        ("i showed it to my mum and she laughed", "utter_answer_screenshot_image"),
        ("my brother turns 18 next week", "utter_answer_turning_18"),
        ("will he post my birthday present", "utter_answer_will_post"),
    ],
)
def test_look_alikes_of_the_young_peoples_kinds_do_not_change(text, not_expected):
    assert not_expected not in answers_for(text, YP, topics_told={"image_abuse"}), text


def test_a_friend_going_round_to_tell_their_parent_gets_the_friends_answer():
    answers = answers_for("should i just go round and tell his mum", YP, topic="friend_concern")
    assert answers == ["utter_answer_friend_what_to_do"]


def test_the_will_post_and_turning_18_answers_guess_nothing(domain_yaml, directory):
    post = fill_message(domain_yaml["responses"]["utter_answer_will_post"][0], directory)["text"]
    assert "won't guess" in post and "Report Remove" in post
    adult = fill_message(domain_yaml["responses"]["utter_answer_turning_18"][0], directory)["text"]
    assert "under 19" in adult and "0800 1111" in adult


@pytest.mark.parametrize(
    "text,audience,expected",
    [
        (
            "Should I just wait for her social worker to call me back?",
            PARENT,
            "utter_parent_answer_cant_wait",
        ),
        ("do we wait for the fostering team to ring", PARENT, "utter_parent_answer_cant_wait"),
        ("What do I need to write in the log?", LEAD, "utter_staff_answer_record_contents"),
        (
            "I put my own opinion of him in the notes, should I take that out?",
            LEAD,
            "utter_staff_answer_record_contents",
        ),
        ("They sit in the same form and get the same bus", LEAD, "utter_staff_answer_share_space"),
        ("how do we keep the two boys apart at break", STAFF, "utter_staff_answer_share_space"),
        (
            "Why did she walk home on her own, I've told her so many times",
            PARENT,
            "utter_parent_answer_not_their_fault",
        ),
        ("he shouldn't have gone out that late", PARENT, "utter_parent_answer_not_their_fault"),
    ],
)
def test_more_adults_kinds_are_answered(text, audience, expected):
    assert expected in answers_for(text, audience), text


@pytest.mark.parametrize(
    "text,expected",
    [
        ("can u just listen for a sec", "utter_answer_just_talk"),
        ("i dont want any helplines", "utter_answer_just_talk"),
        ("would the girls in my form find out it was me who told", "utter_answer_will_he_know"),
        ("she says its just our game and all sisters do it", "utter_answer_it_counts"),
        ("he told me its normal and everyone does it", "utter_answer_it_counts"),
    ],
)
def test_more_young_peoples_worries_are_answered(text, expected):
    assert expected in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text,audience,not_expected",
    [
        ("why was she so quiet at dinner", PARENT, "utter_parent_answer_not_their_fault"),
        ("they go to the same school as my niece", LEAD, "utter_staff_answer_share_space"),
        ("he says its a game night on friday", YP, "utter_answer_it_counts"),
        ("i know it was me who left the door open", YP, "utter_answer_will_he_know"),
    ],
)
def test_look_alikes_of_the_new_kinds_do_not_change(text, audience, not_expected):
    assert not_expected not in answers_for(text, audience), text


def test_the_share_space_answer_is_the_guidance_not_a_guess(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_staff_answer_share_space"][0], directory)["text"]
    assert "Keeping children safe in education" in text and "part five" in text


@pytest.mark.parametrize(
    "text",
    [
        "if i tell someone about my supervisor will i get sacked",
        "i cant quit, we need the money",
        "would i lose my shifts if i said something",
    ],
)
def test_a_young_worker_worried_about_their_job_is_answered(text):
    assert "utter_answer_lose_job" in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm worried I'll lose my job if I go over the head's head",
        "Can I whistleblow on my own school?",
        "Honestly scared of the repercussions for me at work",
    ],
)
def test_staff_worried_about_their_job_get_the_whistleblowing_line(text):
    assert answers_for(text, STAFF)[:1] == ["utter_staff_answer_lose_job"], text


@pytest.mark.parametrize(
    "text,audience",
    [
        ("i cant leave the house rn", YP),
        ("my mum lost her job last year", YP),
        ("the girl is scared she'll be let down again", STAFF),
    ],
)
def test_job_look_alikes_do_not_change(text, audience):
    answers = answers_for(text, audience)
    assert not {"utter_answer_lose_job", "utter_staff_answer_lose_job"} & set(answers), text


def test_the_job_answers_cite_acas_and_the_nspcc_whistleblowing_line(domain_yaml, directory):
    young = fill_message(domain_yaml["responses"]["utter_answer_lose_job"][0], directory)["text"]
    assert "Source: Acas" in young and "won't guess" in young and "0800 1111" in young
    staff = fill_message(domain_yaml["responses"]["utter_staff_answer_lose_job"][0], directory)["text"]
    assert directory.get("nspcc_whistleblowing").phone in staff and "LADO" in staff


@pytest.mark.parametrize(
    "text,expected,topics",
    [
        ("coach wants me to stay behind after training on my own", "utter_answer_dont_meet", {"grooming"}),
        ("please dont tell my dad about this", "utter_privacy", set()),
        ("dont report it pls", "utter_privacy", set()),
        ("but everyone at the mosque respects him", "utter_answer_believed", set()),
        ("i'm not trying to cause a fuss", "utter_answer_it_counts", set()),
        ("sir overheard and said it was just banter", "utter_answer_adult_dismissed", set()),
        ("my tutor didnt do anything", "utter_answer_adult_dismissed", set()),
        (
            "the pe teacher said i should get changed in the office instead",
            "utter_answer_adult_dismissed",
            set(),
        ),
        ("i feel like i owe him cos of the lifts", "utter_answer_older_person", {"grooming"}),
    ],
)
def test_c19_barriers_and_plans_are_answered(text, expected, topics):
    assert expected in answers_for(text, YP, topics_told=topics, topic=next(iter(topics), None)), text


@pytest.mark.parametrize(
    "text,not_expected,topics",
    [
        ("my mum said i should change my top before dinner", "utter_answer_adult_dismissed", set()),
        ("i owe my sister a fiver", "utter_answer_older_person", set()),
        ("everyone loves her new haircut", "utter_answer_believed", set()),
        ("i told my mum and she said dont tell your dad yet", "utter_privacy", set()),
    ],
)
def test_c19_barrier_look_alikes_do_not_change(text, not_expected, topics):
    assert not_expected not in answers_for(text, YP, topics_told=topics), text


@pytest.mark.parametrize(
    "text",
    [
        "Is she turning into some kind of predator?",
        "I need him out of the house tonight",
        "is he a paedo? he's only 13",
    ],
)
def test_a_carer_whose_child_harmed_another_child_gets_the_answer_for_a_child(text):
    assert answers_for(text, PARENT)[:1] == ["utter_parent_answer_child_harmed_child"], text


def test_the_child_harmed_child_answer_names_stop_it_now_and_its_source(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_parent_answer_child_harmed_child"][0], directory)[
        "text"
    ]
    assert directory.get("stop_it_now").phone in text and "Source: Lucy Faithfull" in text and "999" in text


@pytest.mark.parametrize(
    "text",
    [
        "dont think i can face going back in tomorrow",
        "how am i meant to walk into school on monday",
        "im dreading going back to class",
    ],
)
def test_going_back_to_school_after_it_is_answered(text):
    assert "utter_answer_back_to_school" in answers_for(text, YP, topics_told={"image_abuse"}), text


@pytest.mark.parametrize(
    "text,topics",
    [
        ("i dont want to go back to my dads this weekend", {"image_abuse"}),
        ("idk if i can go back tomorrow", set()),
    ],
)
def test_going_back_look_alikes_do_not_change(text, topics):
    assert "utter_answer_back_to_school" not in answers_for(text, YP, topics_told=topics), text


@pytest.mark.parametrize(
    "text",
    [
        "im scared to break up with him",
        "if i dump him who knows what he'll do",
        "i want to end things with her but shes gonna kick off",
    ],
)
def test_being_scared_to_end_a_relationship_is_answered(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_break_up_safety"], text


@pytest.mark.parametrize(
    "text",
    [
        "i broke up with him last week lol",
        "just leave him alone",
    ],
)
def test_a_break_up_without_fear_is_not_a_safety_question(text):
    assert "utter_answer_break_up_safety" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    [
        "pls dont tell me to ring anyone",
        "dont tell me its my fault",
        "please dont tell me to talk to a teacher",
    ],
)
def test_dont_tell_me_is_not_asking_the_assistant_to_keep_it_secret(text):
    assert "utter_privacy" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text,audience,not_expected",
    [
        ("i dont want my coach to get sacked over this", YP, "utter_answer_lose_job"),
        ("I don't want the TA to be disciplined if it's nothing", STAFF, "utter_staff_answer_lose_job"),
        ("he keeps saying he'll get me a trial at a big club", YP, "utter_answer_court"),
    ],
)
def test_someone_elses_job_or_a_football_trial_is_not_asked(text, audience, not_expected):
    assert not_expected not in answers_for(text, audience), text
