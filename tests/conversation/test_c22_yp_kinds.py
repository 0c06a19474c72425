"""C22's first run (issue 13), young people: kinds of reply that did not fit, in our own words (none
of them a C22 sentence; the set was not read), tested both ways: messages of the kind that must now
get their answer, and look-alikes that must keep theirs.

1. The writer who sent on someone else's nude got the victim's "not your fault, not in trouble".
2. Worries with an answer in the project's sources got "I don't want to guess" or nothing.
3. Tag questions seeking reassurance ("it's just banter innit") got an unrelated template.
4. A question asked after a disclosure got "not understood"."""

from __future__ import annotations

import re

import pytest
from rasa.shared.core.events import ActionExecuted

from bot.conversation.questions import answers_for
from bot.conversation.reply_cues import shared_someones_image
from bot.nlg.placeholders import fill_message
from bot.rasa_plugins import question_policy, topic_policy
from tests.rasa_plugins.trackers import plays
from tests.rasa_plugins.trackers import tracker as _tracker
from tests.rasa_plugins.trackers import user as _user

YP = "young_person"
TOLD_ABUSE = {"adult_abuse"}

# ---- 1. the writer who sent on someone else's picture --------------------------------------------

SENT_ON = [
    "i forwarded a nude this lad sent me to the whole group chat",
    "i posted my ex's nudes after we fell out",
    "a year 8 sent me her pic and i showed it to the boys at break",
    "i shared that girls nudes on snap, i feel sick about it",
    "ive sent her naked pics round to my mates",
    "i shouldnt have sent them round",
    "did i do something illegal by saving and forwarding it",
    "i showed my boyfriends nudes to my sister",
    "i screen recorded my mates nudes and put them in the gc for a laugh",
]
NOT_SENT_ON = [
    "my ex forwarded my nudes to the group chat",
    "i sent him pics of me and now he wont stop",
    "i sent her nudes and now shes saying she'll post them",
    "i showed the screenshots to my head of year",
    "i sent the pics to the police like they asked",
    "he made me send him a pic",
    "i sent a picture of my cat to my friends",
    "i found out my mate forwarded them to everyone",
    "i sent my mates pics of the match",
    "i screenshotted his nudes for evidence",
]


@pytest.mark.parametrize("text", SENT_ON)
def test_sending_on_someone_elses_picture_is_recognised(text):
    assert shared_someones_image(text), text


@pytest.mark.parametrize("text", NOT_SENT_ON)
def test_own_pictures_pictures_shown_to_adults_and_others_sharing_are_not(text):
    assert not shared_someones_image(text), text


@pytest.mark.parametrize("intent", ["disclose_image_abuse", "disclose_assault", "nlu_fallback"])
def test_the_writer_who_sent_it_on_gets_the_honest_steps_not_the_victims_reply(intent):
    tracker = _tracker(_user("i posted my ex's nudes after we fell out", intent))
    plays(topic_policy.next_action, tracker, "utter_answer_shared_image", "action_listen")


def test_more_of_it_told_later_gets_the_short_steps_not_the_victims_thanks():
    tracker = _tracker(
        _user("i forwarded a nude this lad sent me to the whole group chat", "disclose_image_abuse"),
        ActionExecuted("utter_answer_shared_image"),
        ActionExecuted("action_listen"),
        _user("now everyone in year 10 has seen it", "disclose_image_abuse"),
    )
    plays(topic_policy.next_action, tracker, "utter_answer_shared_image_again", "action_listen")


def test_a_question_asked_with_it_is_answered_after_the_steps():
    tracker = _tracker(
        _user("i posted my ex's nudes after we fell out, am i gonna get arrested", "disclose_image_abuse")
    )
    plays(
        topic_policy.next_action,
        tracker,
        "utter_answer_shared_image",
        "utter_answer_shared_image_law",
        "action_listen",
    )


@pytest.mark.parametrize("text,intent", [("ok", "affirm"), ("help", "ask_help_options")])
def test_a_follow_up_after_it_gets_the_steps_not_its_not_your_fault(text, intent):
    tracker = _tracker(
        _user("i posted my ex's nudes after we fell out", "disclose_image_abuse"),
        ActionExecuted("utter_answer_shared_image"),
        ActionExecuted("action_listen"),
        _user(text, intent),
    )
    plays(topic_policy.next_action, tracker, "utter_answer_shared_image_again", "action_listen")


def test_the_person_whose_picture_was_shared_keeps_the_victims_reply():
    tracker = _tracker(_user("my ex forwarded my nudes to the group chat", "disclose_image_abuse"))
    assert topic_policy.next_action(tracker) is None  # the rule: utter_acknowledge_image_abuse


SHARED = ("i posted my ex's nudes after we fell out",)
VICTIM = ("my ex forwarded my nudes to the group chat",)


@pytest.mark.parametrize(
    "text",
    [
        "am i going to get arrested",
        "could i end up with a criminal record",
        "do people actually go to jail for this",
        "will the police turn up at my house",
        "is what i did even illegal",
        "so we're all good now yeah?",
    ],
)
def test_legal_worries_of_the_writer_get_the_law_without_a_promise(text):
    assert answers_for(text, YP, earlier_texts=SHARED) == ["utter_answer_shared_image_law"], text


@pytest.mark.parametrize("text", ["am i going to get arrested", "could i end up with a criminal record"])
def test_the_same_worries_from_the_person_in_the_picture_keep_their_answer(text):
    assert answers_for(text, YP, earlier_texts=VICTIM) == ["utter_answer_trouble"], text


@pytest.mark.parametrize(
    "text",
    [
        "can you go to prison for sharing nudes",
        "can someone get arrested for forwarding pics",
        "is it illegal to send on someone elses nudes",
    ],
)
def test_a_legal_question_about_sharing_pictures_is_answered_whoever_asks(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_sharing_law"], text


@pytest.mark.parametrize(
    "text",
    [
        "can you go to prison for not paying a fine",
        "can i get in trouble for sending pics if im 14",  # the `trouble` kind's, as before
        "is it illegal to park there",
    ],
)
def test_other_legal_questions_are_not_the_sharing_kind(text):
    assert "utter_answer_sharing_law" not in answers_for(text, YP), text


@pytest.mark.parametrize("text", ["ive deleted it now so thats that right?", "its gone off my phone now"])
def test_the_writer_who_deleted_it_is_told_that_was_right_and_what_else_helps(text):
    assert answers_for(text, YP, earlier_texts=SHARED) == ["utter_answer_shared_image_deleted"], text


def test_deleting_after_being_the_victim_is_not_the_writers_answer():
    answers = answers_for("i deleted his number", YP, earlier_texts=VICTIM)
    assert "utter_answer_shared_image_deleted" not in answers


@pytest.mark.parametrize(
    "text", ["how do i fix this", "what am i supposed to do", "should i say sorry to her"]
)
def test_the_writer_asking_what_to_do_gets_the_steps(text):
    assert answers_for(text, YP, earlier_texts=SHARED) == ["utter_answer_shared_image"], text


def test_the_writers_answers_are_honest_without_blame_or_promise(domain_yaml, directory):
    def said(name):
        return fill_message(domain_yaml["responses"][name][0], directory)["text"]

    steps = said("utter_answer_shared_image")
    for needed in ("Report Remove", "Childline", "safeguarding lead", "delete", "against the law"):
        assert needed in steps, needed
    for name in (
        "utter_answer_shared_image",
        "utter_answer_shared_image_again",
        "utter_answer_shared_image_law",
        "utter_answer_shared_image_deleted",
    ):
        text = said(name)
        assert "not your fault" not in text and "not in trouble" not in text, name
        assert "Childline" in text, name
    law = said("utter_answer_shared_image_law")
    assert "won't guess" in law and "College of Policing" in law and "Source:" in law
    assert "won't guess" in said("utter_answer_shared_image_deleted")
    general = said("utter_answer_sharing_law")
    assert "can't tell you what would happen" in general and "Report Remove" in general


# ---- 2. worries the sources answer --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "is my coach gonna get fired cos of me",
        "will sir lose his job if i report him",
        "would it be my fault if he gets sacked",
        "i dont want to ruin his career",
        "is she gonna get the sack cos of me",
        "what will happen to my tutor if i report her",
        "could the coach get suspended",
    ],
)
def test_worry_about_what_happens_to_the_person_is_answered(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_their_consequences"], text


@pytest.mark.parametrize(
    "text",
    [
        "will i lose my job if i report my manager",
        "will my dad get arrested",
        "will he know it was me",
        "will the teacher be in trouble for being late",
    ],
)
def test_their_own_job_family_or_being_found_out_keep_their_answers(text):
    assert "utter_answer_their_consequences" not in answers_for(text, YP), text


def test_the_same_worry_said_again_gets_wanting_it_to_stop_without_punishment():
    given = ("utter_answer_their_consequences",)
    answers = answers_for("i dont want her to get fired cos of me", YP, given=given)
    assert answers == ["utter_answer_dont_want_punished"]


def test_the_consequences_answer_names_the_lado_and_blames_nobody_who_told(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_answer_their_consequences"][0], directory)["text"]
    assert "not your fault" in text and "LADO" in text and "Keeping children safe" in text


@pytest.mark.parametrize(
    "text",
    [
        "but if i say something who will look after my little sister",
        "im the one who looks after my dad, i cant just tell someone",
        "im a young carer so i cant go anywhere",
        "i cant tell anyone, i have to look after my mum",
    ],
)
def test_a_young_carers_worry_about_telling_is_answered(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_carer_worry"], text


@pytest.mark.parametrize(
    "text",
    [
        "my nan looks after me after school",
        "who looks after the class hamster",
        "i have to look after my dog",
    ],
)
def test_being_looked_after_is_not_a_carers_worry(text):
    assert "utter_answer_carer_worry" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text",
    ["do i message his mum about it", "would it be ok to call her dad", "should i tell my mates mum"],
)
def test_contacting_someone_elses_parent_is_answered_honestly(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_other_parent"], text


@pytest.mark.parametrize("text", ["should i tell my mum", "should i text him back"])
def test_their_own_parent_or_the_person_keep_their_answers(text):
    assert "utter_answer_other_parent" not in answers_for(text, YP), text


def test_about_a_friend_telling_their_parent_keeps_the_friends_answer():
    answers = answers_for("should i tell her mum", YP, topic="friend_concern")
    assert answers == ["utter_answer_friend_what_to_do"]


# ---- 3. tag questions seeking reassurance --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "he's only messing about innit",
        "its just lads being lads",
        "thats just how older guys talk right",
        "it's just locker room talk yeah",
    ],
)
def test_banter_said_to_make_it_seem_okay_is_answered(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_not_banter"], text


@pytest.mark.parametrize("text", ["we had a laugh at the cinema", "he talks a lot in class"])
def test_banter_look_alikes_are_not(text):
    assert "utter_answer_not_banter" not in answers_for(text, YP), text


@pytest.mark.parametrize(
    "text", ["so its all fine then right", "its probably nothing innit", "thats normal yeah?"]
)
def test_its_fine_right_after_a_disclosure_is_answered_honestly(text):
    assert answers_for(text, YP, topics_told=TOLD_ABUSE) == ["utter_answer_not_fine"], text


def test_its_fine_right_with_nothing_told_is_not_the_kind():
    assert "utter_answer_not_fine" not in answers_for("so its fine right", YP, topics_told=set())


@pytest.mark.parametrize(
    "text",
    [
        "ill just handle it on my own",
        "i guess i should just get on with it right",
        "i'll sort it myself",
        "i should just put up with it",
    ],
)
def test_dealing_with_it_alone_gets_not_alone(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_not_alone"], text


@pytest.mark.parametrize(
    "text",
    [
        "i can deal with maths homework",
        "ill sort my room out later",
        "i'll deal with it tomorrow after school",
    ],
)
def test_ordinary_plans_are_not_dealing_with_it_alone(text):
    assert "utter_answer_not_alone" not in answers_for(text, YP), text


# ---- 4. questions after a disclosure -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "what excuse can i give to not go to my cousins wedding",
        "how can i skip sunday dinner at my nans when hes there",
        "i want to get out of the party without telling my mum the reason",
    ],
)
def test_getting_out_of_a_family_event_after_a_disclosure_is_answered(text):
    assert answers_for(text, YP, topics_told=TOLD_ABUSE)[:1] == ["utter_answer_avoid_event"], text


def test_getting_out_of_it_after_a_disclosure_with_no_topic_is_answered_once_its_reply_was_given():
    text = "how can i skip sunday dinner at my nans without telling anyone the reason"
    assert answers_for(text, YP, given=("utter_acknowledge_told_more",)) == ["utter_answer_avoid_event"]
    assert "utter_answer_avoid_event" not in answers_for(text, YP, given=("utter_greet",))


def test_getting_out_of_something_with_nothing_told_is_not_the_kind():
    answers = answers_for("how do i get out of pe", YP, topics_told=set())
    assert "utter_answer_avoid_event" not in answers


@pytest.mark.parametrize(
    "text",
    [
        "can my manager make me do closing shifts at 16",
        "is it legal for them to have me working past 11",
        "how many hours is a 17 year old allowed to work",
    ],
)
def test_a_working_hours_question_gets_who_can_answer_and_the_harassment_law(text):
    assert answers_for(text, YP)[:1] == ["utter_answer_work_rights"], text


@pytest.mark.parametrize("text", ["i worked really hard on my essay", "my shift starts at 9"])
def test_work_look_alikes_are_not_the_kind(text):
    assert "utter_answer_work_rights" not in answers_for(text, YP), text


def test_the_working_hours_answer_guesses_nothing_and_cites_acas(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_answer_work_rights"][0], directory)["text"]
    assert "won't guess" in text and "Childline" in text and "Acas" in text
    assert not re.search(r"\b\d+ hours a (day|week)\b", text)  # no working-time rule of our own


def test_a_question_after_a_disclosure_read_only_as_start_disclosure_is_not_not_understood():
    tracker = _tracker(
        _user("my boss keeps touching my waist at work", "start_disclosure"),
        ActionExecuted("utter_acknowledge_told_more"),
        ActionExecuted("action_signpost"),
        ActionExecuted("action_listen"),
        _user("is there a form or something i fill in?", "nlu_fallback"),
    )
    plays(topic_policy.next_action, tracker, "utter_question_not_known", "action_listen")


def test_a_question_with_nothing_told_keeps_not_understood():
    tracker = _tracker(_user("is there a form or something i fill in?", "nlu_fallback"))
    assert topic_policy.next_action(tracker) is None


def test_the_question_policy_reads_earlier_messages_for_the_writers_kinds():
    tracker = _tracker(
        _user("i posted my ex's nudes after we fell out", "disclose_image_abuse"),
        ActionExecuted("utter_answer_shared_image"),
        ActionExecuted("action_listen"),
        _user("am i going to get arrested", "ask_what_happens_after_report"),
    )
    plays(question_policy.next_action, tracker, "utter_answer_shared_image_law", "action_listen")
