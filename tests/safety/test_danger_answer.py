"""Answers to the danger question (bot/safety/danger_answer.py): anything but a clear "I'm safe"
keeps the emergency route. One test per kind of answer."""

import pytest

from bot.safety.danger_answer import (
    DANGER,
    MISUNDERSTOOD,
    NO,
    NOT_NOW,
    SAFE,
    read_answer,
    tells_something_new,
)
from bot.safety.risk import assess_risk

BUTTONS = [
    {"title": "Yes, I'm in danger", "payload": "/report_immediate_danger"},
    {"title": "No, I'm safe right now", "payload": "/confirm_safe"},
    {"title": "You misunderstood me", "payload": "/correct_misunderstanding"},
]


def answer(text, yes_means=DANGER, intent=None):
    return read_answer(text, intent, BUTTONS, yes_means)


@pytest.mark.parametrize("text", ["yes", "yh", "ye", "yesss", "Yes", "yeah i am"])
def test_any_kind_of_yes_means_what_the_question_says(text):
    assert answer(text) == DANGER
    assert answer(text, yes_means=SAFE) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "kinda",
        "idk",
        "i think so",
        "sort of",
        "maybe",
        "...",
        "?",
        "ok",
        "not sure he went quiet",
        "no... i mean i dont know",
    ],
)
def test_unsure_answers_keep_the_emergency_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "999",
        "help",
        "he took my phone",
        "hes banging on the door",
        "ya hes still behind me",
        "no hes just in the other room",
        "nah not rn but hes coming round tonight",
        "cant talk hes here",
        "safe for now i think but hes still in the house",
    ],
)
def test_a_new_detail_or_999_keeps_the_emergency_route(text):
    assert answer(text) == DANGER


def test_typed_button_numbers_and_titles_count_as_the_button():
    assert answer("1") == DANGER and answer("1.") == DANGER
    assert answer("2") == SAFE and answer("No, I'm safe right now") == SAFE
    assert answer("3") == MISUNDERSTOOD
    assert answer("4") == DANGER  # no fourth button: unsure


def test_pressed_buttons_and_story_steps_use_the_payload():
    assert answer("/confirm_safe") == SAFE
    assert answer("/report_immediate_danger") == DANGER
    assert answer("", intent="affirm") == DANGER and answer("", SAFE, intent="affirm") == SAFE
    assert answer("", intent="deny") == NO


@pytest.mark.parametrize(
    "text",
    [
        "im safe now hes gone",
        "no im ok hes gone",
        "nah im at my nans now",
        "no its not happening now it was years ago",
        "nope safe, just wanna talk",
        "no he moved away ages ago im fine rn",
    ],
)
def test_a_clear_statement_of_being_safe_is_safe(text):
    assert answer(text) == SAFE


def test_bare_no_misunderstood_and_not_now():
    assert answer("no") == NO and answer("nah") == NO
    assert answer("you got it wrong") == MISUNDERSTOOD
    assert answer("not now") == NOT_NOW


def test_not_safe_is_never_safe():
    assert answer("no im not safe") == DANGER
    assert answer("i dont feel safe") == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "nah all good, ran off and im at the library with the staff now",
        "not anymore, im on the bus home with my cousin",
    ],
)
def test_a_safe_answer_that_mentions_the_danger_having_happened_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "not anymore, im in a car with him",
        "all good but hes still outside",
        "all good, hes got a knife tho",
        "not anymore but hes driving back towards me",
        "got away, im at the shop with the staff but hes outside",
        "all good but my friend is really sleepy and her eyes keep closing",
    ],
)
def test_all_good_or_not_anymore_with_a_danger_detail_keeps_the_emergency_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "no that all happened years back, i just want to make sense of it",
        "nah back home now, my nan is with me",
        "no we got the train home with my auntie now",
        "no were ok now",
        "no the police turned up and took them",
    ],
)
def test_safe_with_family_now_or_the_danger_long_past_is_safe(text):
    # B6's kinds: "was ages ago", "home now my mum's here", "with my sister now, we're fine"
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "no it was ages ago but hes outside again",
        "nah home now but my stepdad is here",
        "were fine but theyre following the bus",
    ],
)
def test_safe_words_with_a_danger_detail_still_keep_the_emergency_route(text):
    assert answer(text) == DANGER


def test_the_answer_is_read_by_the_word_classes_not_the_classifier():
    from dataclasses import replace

    from bot.safety.risk import default_risk_data

    class Alarmist:  # a classifier that flags every answer
        settings = default_risk_data().classifier.settings

        def flags(self, window):
            return ("emergency_or_medical", "crisis")

    data = replace(default_risk_data(), classifier=Alarmist())
    assert read_answer("no im ok now, at my nans", None, BUTTONS, DANGER, data) == SAFE


# the 2026-11-30 trial: "its fine" as the whole answer, with or without where I am
@pytest.mark.parametrize(
    "text",
    [
        "its fine",
        "im at home, its fine",
        "nah im home now its all good",
        "everything's ok here",
        "its all good now honestly",
    ],
)
def test_its_fine_as_the_whole_answer_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text", ["its fine i guess", "its fine hes downstairs", "its fine but he said hes coming back"]
)
def test_its_fine_with_doubt_or_a_danger_detail_keeps_the_route(text):
    assert answer(text) == DANGER


# B7's kinds: safe because the person is far away, does not know where I am, a court order, or
# the people at home are named as kind
@pytest.mark.parametrize(
    "text",
    [
        "no, hes living abroad now and doesnt know our address or where we live",
        "nah my ex moved miles away and she doesnt know where i stay",
        "no we moved out ages ago and theres a non molestation order",
        "no im downstairs, my mum and dad are home and theyre really nice",
    ],
)
def test_safe_because_far_away_or_an_order_or_kind_parents(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "he doesnt know where i live but hes outside my school now",
        "theres a restraining order but hes at the door",
        "my parents are home and lovely but my brother is hitting me",
    ],
)
def test_those_reasons_with_danger_now_keep_the_route(text):
    assert answer(text) == DANGER


# B8's kinds, in our own words: safe myself but someone else is still with the person; pills or
# a new harm after "im safe"; a parent named as the one at home; at home with parents; having
# locked the door myself
@pytest.mark.parametrize(
    "text",
    [
        "im ok but my sister is still at the flat with him",
        "im out now but my mum is still in the house with him",
        "im safe but hes still got my little brother",
    ],
)
def test_safe_myself_but_someone_else_still_there_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "im away from him now but i took some tablets earlier",
        "im safe from her but i swallowed a load of my mums pills",
    ],
)
def test_safe_from_the_person_but_pills_taken_is_medical(text):
    assert assess_risk(text, use_classifier=False).level == "medical"
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "no, my dad is downstairs and he doesnt live with us anymore, im ok",
        "nah im safe, my nan is here with me",
        "no im fine, im at home with my mum and dad",
        "im ok now, i got in and locked the door, my aunt is here with me",
    ],
)
def test_safe_with_a_named_parent_or_a_door_i_locked(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "im ok, my mum is home but hes still here",
        "my dad is home and hes drunk again",
        "im safe my mum is home and my stepdad is in the kitchen",
        "he locked the door and my mum is out",
    ],
)
def test_a_parent_at_home_does_not_hide_danger_in_the_same_answer(text):
    assert answer(text) == DANGER


# answers in another language: safe only when they say so with one of the phrases of
# data/safety/other_language_answers.yml and no "but", "still" or "help"
@pytest.mark.parametrize(
    "text",
    [
        "no, estoy bien, estoy en casa con mi madre",  # Spanish
        "jestem już w domu z mamą, wszystko dobrze",  # Polish
        "sunt bine acum, sunt acasă cu mama",  # Romanian
        "sto bene, sono a casa con mia zia",  # Italian
        "nao, ja estou em casa com o meu pai",  # Portuguese without its marks
    ],
)
def test_a_clear_safe_answer_in_another_language_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "não estou segura, ele está lá fora",  # negation before the phrase
        "je ne suis pas en sécurité, il est devant la porte",
        "no estoy bien, él sigue aquí",
        "nie jestem bezpieczna, on jest pod drzwiami",
        "ça va pas du tout, il est là",
        "estou em casa mas ele ainda está lá fora",  # but ... still
        "jestem w domu ale on jeszcze tu jest",
        "tak, on jest teraz w domu",  # no safe phrase: yes, he is at home now
        "wa3 huwe barra hala2 bel share3",  # a language with no phrases listed
    ],
)
def test_anything_else_in_another_language_keeps_the_route(text):
    assert answer(text) == DANGER


def test_a_broken_edit_of_the_other_language_phrases_is_refused(tmp_path):
    from bot.safety.danger_answer import OTHER_LANGUAGE_FILE, load_other_language_answers
    from bot.safety.lexicon import LexiconError

    path = tmp_path / OTHER_LANGUAGE_FILE
    for broken in (
        "safe: ['estou bem']\nnegations: [nao]\n",  # a key missing
        "safe: ['(']\nnegations: [nao]\nnot_safe: [mas]\n",  # not a regex
        "safe: ['he']\nnegations: [nao]\nnot_safe: [mas]\n",  # fires on an answer that is not safe
        "safe: ['estou bem']\nnegations: [no]\nnot_safe: [mas]\n",  # YAML's bare no is false
    ):
        path.write_text(broken)
        with pytest.raises(LexiconError, match=OTHER_LANGUAGE_FILE):
            load_other_language_answers(tmp_path)


# B9's kind: a clear "safe" in Urdu or Hindi in Latin letters kept the other-language reply (no
# phrases for it). Now Urdu/Hindi, Somali, Arabic and Bengali/Sylheti in Latin letters have safe
# phrases too; the verb must follow the word at once, so a negation between them ("safe nahi
# hoon", "thik nai", "ana mish mni7a") or a "but", "still" or "help" word keeps the route
@pytest.mark.parametrize(
    "text",
    [
        "ab main theek hoon, nani ke ghar pe hoon",  # Urdu/Hindi: I'm fine now, at nan's house
        "main mehfooz hoon, abbu ke saath hoon",  # I'm safe, I'm with dad
        "waan fiicanahay, guriga ayaan joogaa",  # Somali: I'm well, I'm at home
        "ana mni7a hala2, ana bel bet ma3 mama",  # Levantine Arabizi: I'm fine now, at home with mum
        "ami ekhon thik asi, barit asi",  # Sylheti: I'm fine now, I'm at home
        "ami bhalo achi, basay achi",  # Bengali: I'm well, I'm at home
    ],
)
def test_a_clear_safe_answer_in_south_asian_somali_or_arabic_latin_letters_is_safe(text):
    assert assess_risk(text, use_classifier=False).other_language
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "main safe nahi hoon, wo bahar khada hai",  # I'm not safe, he's standing outside
        "main ghar pe hoon lekin wo bhi yahan hai",  # I'm at home but he is here too
        "wo ghar pe hai",  # he is at home
        "ma fiicni, wuu joogaa",  # Somali: I'm not well, he is here
        "ana mish mni7a, huwe barra",  # Arabizi: I'm not OK, he's outside
        "ana b amaan bas huwe lissa barra",  # I'm safe but he's still outside
        "ami thik nai, she ekhono ase",  # Sylheti: I'm not OK, she's still here
    ],
)
def test_a_negated_or_but_still_answer_in_those_languages_keeps_the_route(text):
    assert answer(text) == DANGER


# B10's kinds: "non" or "nein" answering the question before a phrase that starts with its subject
# pronoun is the answer "no" (French and German negate after the pronoun: "je ne suis pas");
# Italian "non sono" and Portuguese "não estou" are still negations
@pytest.mark.parametrize(
    "text",
    [
        "non, je suis en sécurité chez ma tante",
        "non je me sens en sécurité maintenant, je suis chez nous",
        "nein ich bin zu hause bei meinem vater",
    ],
)
def test_no_then_a_safe_phrase_with_its_pronoun_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "je ne suis pas en sécurité",
        "non sono al sicuro, lui è qui",
        "non je suis chez moi mais il est encore là",
    ],
)
def test_a_negated_french_or_italian_answer_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "no one is after me, the danger is me",
        "im not in danger from other people its myself",
        "i am a danger to myself right now",
    ],
)
def test_the_danger_being_me_is_crisis_not_safe(text):
    # its own rule answers: the crisis reply with 999 first
    assert assess_risk(text, use_classifier=False).level == "crisis"


def test_not_in_danger_from_anyone_and_at_home_is_still_safe():
    assert answer("no im not in danger from anyone, just me and my dog at home") == SAFE


# ---- B11's kinds (our own wordings) --------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        # a protecting adult, a friend's parents or the police with me now
        "i ran into a cafe and the lady rang my mum, shes here with me now",
        "im at my nans flat now, my aunties here too",
        "im at my best friends house, his parents are home and they know everything",
        "officers came and theyre with me, im ok",
        "the police are here with us now",
        # a false alarm: the one at the door was family
        "false alarm, it was my brother, he lost his keys lol",
        "turns out it was just my mum, she forgot her key, all good now",
    ],
)
def test_b11_a_protector_or_the_police_with_me_now_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # a denial or a protector with danger still in it keeps the route
        "nah im fine hes only waiting outside still",
        "no im ok hes just sat by the gate",
        "the police are coming but hes still in the house",
        "false alarm it was my dad but hes drunk and shouting at me",
        "im at my mates house but hes outside",
        "my dad is home",  # the danger itself may be the parent: not safe on its own
    ],
)
def test_b11_a_denial_or_protector_with_danger_in_it_keeps_the_route(text):
    assert answer(text) == DANGER


def test_b11_a_typed_number_is_that_button_of_the_question_asked():
    # "Are you in danger right now?" shows Yes (1), No, I'm safe (2), You misunderstood me (3):
    # "2" is the safe button (the gentle re-check follows), "1" keeps the route; a number past the
    # last button is unsure, and unsure keeps the route
    assert answer("2") == SAFE
    assert answer("1") == DANGER
    assert answer("3") == MISUNDERSTOOD
    assert answer("4") == DANGER
    not_sure = [
        {"title": "Yes", "payload": "/report_immediate_danger"},
        {"title": "I'm not sure", "payload": "/report_possible_danger"},
        {"title": "No, I'm safe", "payload": "/confirm_safe"},
    ]
    assert read_answer("2", None, not_sure, DANGER) == DANGER
    assert read_answer("3", None, not_sure, DANGER) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # B12: a safe place or a protecting adult or the police with me now (what they did, locking
        # the door or phoning my mum, is not the danger), worded unlike B11's
        "im in the heads office with miss khan now, she rang my mum",
        "my nan bolted the door and called the police",
        "the receptionist called the police, they are here with us now",
        "im fine, the teacher is with me in the staff room now",
        "yeah safe now, security is with me inside the station and the police are here",
    ],
)
def test_b12_a_protecting_adult_or_the_police_now_is_a_clear_safe_answer(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # a denial or protection with a danger still present, or a threat for later today
        "no im fine but she said shell be back in an hour",
        "im at my aunties now but he said he will be back later",
        "the police are outside but he is still inside with me",
        "miss jones called the police but he is still waiting at the gates",
        "she called the police and hes banging on the door",
        "the staff called my dad, the man is still outside the shop though",
        "the teacher is with me",  # the teacher may be the danger: no safe place said
    ],
)
def test_b12_protection_with_a_danger_still_present_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "i go to the youth club on tuesdays with my cousin",
        "we got a cat last month and shes called biscuit",
        "not sure how i tell my head of year about any of it",  # wondering what next
        "thanks",
        "hold on",
    ],
)
def test_after_the_steps_news_with_no_danger_and_no_answer_in_it_is_something_new(text):
    assert tells_something_new(text)


@pytest.mark.parametrize(
    "text",
    [
        "kinda",
        "idk tbh",  # unsure
        "dunno, my aunt might come later",
        "no hes not gone",  # a no first
        "yep but i cant leave the flat",  # a yes first
        "3",
        "You misunderstood me",  # a typed button title
        "call 999 for me",
        "he is standing outside the window",  # danger now
        "my dads girlfriend just got back",  # someone arriving
        "i pushed my desk against the door because it wont lock",  # a door or lock
    ],
)
def test_after_the_steps_an_answer_or_danger_is_not_something_new(text):
    assert not tells_something_new(text, BUTTONS)


@pytest.mark.parametrize(
    "text",
    [
        # B13: a safe word first, then a new detail that someone is near, waiting, or watching
        "no im safe... wait my ex just messaged that hes at the top of my street",
        "no im fine but he says hes going to wait outside till i come out",
        "i was safe but now shes reading over my shoulder",
    ],
)
def test_b13_a_safe_answer_taken_back_by_a_new_danger_detail_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        # B13: a denial said with "any" or "at all", after an idiom was misread
        "haha no she will just shout a bit, im not in any danger",
        "not in danger at all, it was a joke about my dad and my report card",
    ],
)
def test_b13_a_denial_with_any_or_at_all_is_a_clear_safe_answer(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # B14: a weapon still within reach of him, even asleep or gone quiet now
        "im ok now, hes passed out on the bed but the knife is still beside him",
        "no im safe i think, shes calmed down but she still has the hammer",
    ],
)
def test_b14_a_weapon_still_at_hand_keeps_the_route(text):
    assert answer(text) == DANGER


def test_b14_a_weapon_put_away_is_not_at_hand():
    assert answer("im safe now, the police took the knife away and he has gone") == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # B15: a protecting adult picked me up and I am with them now; a member of staff's update
        # that the pupil is with the safeguarding lead or her parent and safe
        "nah im fine now, my mum came and got me, im in the car with her now",
        "its ok my auntie collected me, we are home with her now",
        "Update from reception: the boy is with the head and his dad, the man drove off",
        "the pupil is safe now",
    ],
)
def test_b15_a_protecting_adult_with_them_now_is_a_clear_safe_answer(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "my dad picked me up but that man is still following us",
        "the pupil is with the dsl now but he is waiting outside the school gates",
    ],
)
def test_b15_a_protecting_adult_with_danger_still_there_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        # B16: a safe word or the typed button title, then new danger after a turn ("wait",
        # "hold on", "oh no", "actually he..."), or someone back or pulling up after the safe words
        "No, I'm safe right now. hold on someone is knocking really hard",
        "No, I'm safe right now hang on his van just parked across the road",
        "im fine now. oh god he is outside my window",
        "yeah im ok actually hes coming up the stairs",
        "im safe at the moment. wait wait he's walking up the path",
        "No, I'm safe right now. he just turned up again",
        "im safe rn but omg theyre back",
        "his mum collected him but the man is still waiting by the gate",
    ],
)
def test_b16_a_safe_answer_taken_back_by_new_danger_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        # B16: what was told was a game or a film, and I am somewhere everyday; an adult's update
        # that a protecting adult picked the child up and the child is home
        "nah that was in a game me and my mates were playing, im chilling at home",
        "haha no it was just my character in roblox",
        "he's safe now, his nan collected him and he's home",
        "shes safe, her mum came and got her and shes at home now thanks",
        "no im safe, im actually at my aunties",
        "No, I'm safe right now. hang on, im safe at my nans now",
    ],
)
def test_b16_a_game_or_a_child_picked_up_by_family_is_a_clear_safe_answer(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # B17: the harmless meaning made clear after the question, and I am at home doing
        # something everyday
        "nah sorry i meant the maths test killed me haha, im at home studying",
        "no i only meant the game lol, im in my room gaming",
        "oh no i meant my mocks!! im just at home revising",
    ],
)
def test_b17_a_harmless_meaning_made_clear_is_a_clear_safe_answer(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "i meant the exam, but he is still outside my window",
        "im at home revising but my stepdad is shouting again and i can hear him on the stairs",
    ],
)
def test_b17_a_harmless_meaning_with_danger_beside_it_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        # B18: "you misunderstood" that turns to another person held by someone now keeps the route
        "you got it wrong, not me, its my best mate, a guy has taken her in his van",
        "no you misunderstood, my little brother is in that mans car right now",
        "you misread it, he's got my sister in his flat and won't let her go",
    ],
)
def test_b18_a_correction_naming_someone_else_held_now_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text,expected",
    [
        # look-alikes: a correction that the other person is fine, or only a correction
        ("you misunderstood, it was my sister not me and she is safe at home now", SAFE),
        ("you got it wrong, i meant the game", MISUNDERSTOOD),
    ],
)
def test_b18_a_correction_with_nobody_held_now_is_not_danger(text, expected):
    assert answer(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # B18: Tigrinya (Ge'ez script): I am fine / safe / at home / with my dad
        ("ውሑስ እየ፡ ኣብ ገዛ ኣለኹ", SAFE),
        ("ደሓን እየ። ምስ ኣቦይ እየ", SAFE),
        # negated by the verb, or with "but" or "help": the route is kept
        ("ደሓን ኣይኮንኩን", DANGER),
        ("ኣብ ገዛ እየ ግን ንሱ ኣብ ደገ ኣሎ", DANGER),
        ("ሓግዙኒ", DANGER),
    ],
)
def test_b18_a_clear_safe_answer_in_tigrinya(text, expected):
    assert answer(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # B19: "im fine" said first, then someone trying a door or window now; an adult who is safe
        # but names the child as the one in danger, or her location gone dark
        "nah im ok haha. someone is rattling the front door handle now though",
        "im alright but they are trying the windows downstairs",
        "I'm fine, my niece is the one in danger. Her phone has gone off.",
        "we are ok here, its my son who is in danger, his location stopped updating an hour ago",
    ],
)
def test_b19_safe_said_first_then_danger_now_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text,expected",
    [
        # B19: clear safe answers with a reason: an adult saying nobody is in immediate danger and
        # the child is in school with them; the police came and went and a parent is home with the
        # doors locked; the danger explained as an organised activity
        ("No one is in any immediate danger, she is at school with me and I just want advice", SAFE),
        ("safe now, the police came and hes gone. dads home and the doors are locked", SAFE),
        ("no it was just a cliff jump on holiday with the instructors, totally fine", MISUNDERSTOOD),
        # ... but never with danger beside it
        ("no one is in immediate danger but hes outside again", DANGER),
        ("the doors are locked and he is still banging on them", DANGER),
    ],
)
def test_b19_clear_safe_answers_with_a_reason(text, expected):
    assert answer(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # B19: French and Portuguese safe answers: home now, a parent here; the danger long past
        ("non, ça y est, je suis rentré et mon père est là", SAFE),
        ("ma tante est avec moi maintenant, on est bien", SAFE),
        ("não, isso foi há muito tempo, ela já está bem", SAFE),
        # ... and not safe with "still", "but", a negation, or someone still there
        ("je suis pas rentrée, il est encore dehors", DANGER),
        ("ma mère est là mais il frappe à la porte", DANGER),
        ("não, ele ainda está aqui", DANGER),
    ],
)
def test_b19_french_and_portuguese_safe_answers(text, expected):
    assert answer(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # B20: "im fine" said first, then a medical sign; a pupil's parent in reception now (told by
        # staff: the feared person, not a protector); still at the water; safe but scared for her
        # where she said she is
        "nah im ok, it just hurts so much to breathe and im spitting up some blood",
        "we are fine but his mum is in reception now wanting to sign him out",
        "im safe honestly. just sitting here staring down at the river",
        "Yes I'm safe. its my friend im worried about, she texted shes at the bridge",
    ],
)
def test_b20_safe_said_first_then_danger_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text,expected",
    [
        # B20: the everyday meaning made clear ("i meant dead bored"), "misunderstood" first, fiction
        # for coursework, a game with nobody hurting me in real life
        ("no lol i meant dead bored, not really in danger", SAFE),
        ("you misunderstood, its a story for my english homework. im honestly fine", SAFE),
        ("misunderstood haha, no one is following me irl its a game", MISUNDERSTOOD),
        # a friend's parents at home still protect
        ("im at my mates, her parents are in", SAFE),
    ],
)
def test_b20_clear_safe_answers_with_the_meaning_made_clear(text, expected):
    assert answer(text) == expected


@pytest.mark.parametrize(
    "text,new",
    [
        # C17: a countdown now after the emergency steps is part of the emergency, not a new topic
        ("my dads at work. the bus is in 10 mins", False),
        ("they said i have to be on the train in 20 minutes or else", False),
        ("sorry typing is slow, my mum works at the hospital", True),
    ],
)
def test_a_countdown_now_is_not_something_new(text, new):
    assert tells_something_new(text) is new


@pytest.mark.parametrize(
    "text",
    [
        # B21: the one who was hurt has left, but the writer is still here with him (and others);
        # still at the water with the drop judged; the adult is safe but the child is not (her
        # location has not moved for hours and she is not answering)
        "shes alright now she went to nans but im still here with him and my baby brother",
        "mum left to her mates, im still in the house with him",
        "nah im ok. just looking down at the river. it doesnt look that far",
        "im fine just looking at the water, its not that high",
        "I'm fine, I'm his mum, but he still isn't answering and his location hasn't changed in hours",
        "We're safe, I'm her carer, but her phone hasn't moved for three hours and she isn't picking up",
    ],
)
def test_b21_safe_said_first_then_danger_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text,expected",
    [
        # B21: the first message was an idiom ("hit the roof"), said so, with an ordinary punishment
        # (a phone taken for the week, grounded): safe
        ("no it was just an expression, she yelled and took my phone for the week. im fine", SAFE),
        ("lol its just a saying, he grounded me and took my phone till monday, im ok", SAFE),
        # ... but a phone taken with no such reason still keeps the route
        ("no he took my phone and locked the door", DANGER),
        ("im fine but he took my phone", DANGER),
    ],
)
def test_b21_an_idiom_explained_with_an_ordinary_punishment(text, expected):
    assert answer(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "nah im fine, i just cant make it stop and im feeling a bit faint",
        "im ok, it wont stop bleeding tho",
        "yeah im safe, its still bleeding",
        "no im alright, bleeding quite a lot and bit light headed",
        "no im safe, just sat on the ledge for a bit",
        "im fine, sitting with my legs over the side, just thinking",
        "im ok, only near the edge, not doing anything",
    ],
)
def test_b22_safe_said_beside_harm_that_goes_on_keeps_the_route(text):
    # B22: a "no" or "im ok" beside bleeding that will not stop, faintness beside blood, or being
    # at an edge or a height is not a clear safe: the harm is still going on
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "im safe now, the bleeding has stopped",
        "im safe, sitting on the edge of my bed",
        "im fine, sat by the side of the pool with my mates",
        "im safe, at my nans, she wont stop fussing over me",
        "no im ok, we got the cut to stop with a towel",
    ],
)
def test_b22_look_alikes_of_harm_going_on_stay_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text, expected",
    [
        ("lol my battery is dying, i meant my phone not me", MISUNDERSTOOD),
        ("my phone is on 2 percent haha, i meant the phone was dead not me", MISUNDERSTOOD),
        ("we got out of the lift, the fire brigade came, all good", SAFE),
        ("the train moved again and were off it now, all good thanks", SAFE),
        ("im fine, turns out it was my cousin winding me up, im with them now", SAFE),
        ("all good, it was just my friends brother pranking us, were at theirs", SAFE),
    ],
)
def test_b22_the_first_message_explained_or_the_danger_over_moves_on(text, expected):
    # B22: the first message explained (the phone, not me), out of where we were stuck with all
    # good, or the one who scared me explained as someone known messing about
    assert answer(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "im fine, it was my mates brother messing about but hes still following me",
        "we are out now but hes still outside",
        "my phone is dying and hes still at the door",
    ],
)
def test_b22_an_explanation_beside_danger_still_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "nah i was on about minecraft haha",
        "lol its a game",
        "its a game lol",
        "no i was chatting about cod 😂",
        "its fortnite lol",
    ],
)
def test_b23_the_first_message_explained_as_a_game_moves_on(text):
    # B23: after a first message about being killed or shot that was about a game, the answer
    # saying so is a clear explanation (the re-check, then glad you are safe)
    assert answer(text) in (MISUNDERSTOOD, SAFE)


@pytest.mark.parametrize(
    "text",
    [
        "its not a game hes actually here",
        "its not a game, hes really here",
        "it was a game but now my dad is shouting at me",
        "its a game to him, he thinks its funny to hurt me",
        "no i was talking about a film but hes outside now",
    ],
)
def test_b23_a_game_denied_or_beside_danger_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        # B24: gone, but still close by
        "he has left but hes sat in his van at the end of the road",
        "he's gone but he is still on our street",
        "hes gone now but hes parked up round the corner",
        "he left, but he's waiting in his car outside the flats",
        # B24: a "fine" with a plea not to call or tell anyone
        "im fine please dont call anyone",
        "im ok just dont ring the police please",
        "i'm fine honestly, pls don't tell my mum",
    ],
)
def test_b24_gone_but_nearby_or_fine_with_a_plea_keeps_the_route(text):
    assert answer(text) == DANGER
    assert answer(text, yes_means=SAFE) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        # B24: left some time ago, and I am at a relative's and staying there
        "no he went about two hours ago and me and my sister are at our aunties now, we are staying here",
        "nah she left ages ago, me and dad are at my uncles and were staying the night",
        "he left this morning, me and my brother are at our grans now",
        # B24: an adult answering for a child, safe and here with them
        "no - he's safe, he's here with me in the head's office and his stepdad has been arrested",
        "yes she is safe, shes here with me at the front desk and the police arrested him",
        "they're safe now, they're with me in the staff room and the man was taken away",
        # look-alikes of the kinds above that were and stay safe
        "hes gone, he drove off, im at home with my mum",
        "im fine, you dont need to call anyone, the police are already here with me",
    ],
)
def test_b24_left_a_while_ago_at_a_relatives_or_safe_with_an_adult_moves_on(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "no hes here with me in the house",
        "shes safe but shes still with him",
        "me and mum are at my nans but he followed us here",
        "she is safe, he is here with me and hes angry",
    ],
)
def test_b24_safe_said_beside_him_here_keeps_the_route(text):
    assert answer(text) == DANGER


# ---- B25's kinds (issue 12), in our own words ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "im ok im ok, dont text back hes got my phone",
        "all fine honestly pls dont reply he reads everything",
        "my boyfriend is going through my messages rn, im fine",
        "im fine. shes checking my phone",
        "im alright dont message me back, he is looking",
    ],
)
def test_b25_a_fine_with_a_plea_not_to_reply_or_my_phone_checked_now_keeps_the_route(text):
    assert answer(text) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        "im fine, my mum checks my phone every night",
        "im fine now, text me back later",
        "im safe now, going to bed so dont reply",
    ],
)
def test_b25_a_fine_with_an_ordinary_word_about_replies_or_phones_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # he went when a protecting adult spoke of the police, and she locked the door after him
        "he went when dad said he would call the police and dad locked the door, im ok now",
        "he drove off after my nan said shed ring 999 and she bolted the front door, bit shaken",
        # an adult: the child is home with me, nobody followed
        "shes home with me now, they didnt follow her",
        "hes indoors with us now, no one came after him",
        # safe with a member of staff or a guard after getting away on transport
        "she stayed on the bus and i got off, im at the shop with the security guard now",
        "i got off at the next stop, im in the station with a staff member now",
        # Urdu in Latin letters: he has gone, we are all well
        "haan woh chala gaya, hum sab theek hain",
        # "she's" read as "she is" by the normaliser: a protecting adult who's locked the door after
        "he left when my nan said she'd ring the police, she's locked the door now, im just a bit shaken",
        "nah he went after my aunt said she would call 999, she's locked the front door",
    ],
)
def test_b25_protected_after_he_left_or_with_staff_or_in_urdu_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "he went out and he locked the door so im stuck in here",
        "they left and my aunt locked the door on me",
        "they left and they locked the door, i cant get out",
        "hes home with me now but they followed him and are outside",
        "im in the station with a member of staff now but hes still on the platform",
        "hum sab theek nahi hain",
        "woh chala gaya lekin woh wapas aayega",
    ],
)
def test_b25_those_with_someone_held_or_still_near_keep_the_route(text):
    assert answer(text) == DANGER


# ---- B26's kinds (issue 12), in our own words ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # with protecting staff at school now, a parent on the way to collect
        "sir took me to the main office and my mum is coming to get me",
        "im in student services with my form tutor, my dads on his way",
        "no im with my head of year and my nan is coming to collect me",
        # a member of staff answering for a pupil
        "he is with our safeguarding lead in the office and his dad is on his way in",
        # a parent answering for a child
        "she is safe at home with me now, i just want advice on what to do next",
        # long ago, at an earlier stage of school, the person gone
        "that was years ago in year 7, im in sixth form now",
        "no it all happened back in primary",
        "he changed schools ages ago",
    ],
)
def test_b26_with_staff_a_parent_coming_home_safe_or_long_ago_is_a_clear_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "im in the office with miss and he is on his way",
        "no but hes coming back",
        "the staff are in on it",
        "my mum is at work and he is still here",
        "im hiding in the office and hes outside",
        "im in the office with sir, my dad is coming to get me and im scared",
        "she is safe at home with me but he is outside",
        "that was in year 8 but hes still following me",
    ],
)
def test_b26_the_one_who_harms_coming_or_danger_beside_keeps_the_route(text):
    assert answer(text) == DANGER


# ---- B27's kinds (issue 12), in our own words ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a "fine" with a plea to stop contact (someone may be reading)
        "im ok, please just stop texting me",
        "honestly im fine pls stop messaging",
        "im alright just leave me alone",
        "fine. can you stop contacting me",
        # the one who harms gone only briefly, back soon
        "hes just nipped to the corner shop, back in 5",
        "no she went out for fags, shell be back in a bit",
        "he has gone to get petrol, he will be back any minute",
        "they popped out but theyll be back shortly",
        "no hes gone out for a bit",
        "shes just gone to the shop for ten minutes",
        # ok for now, but scared of a threatened time
        "im alright, just terrified of tonight",
        "ok for now but tomorrow i dont know",
        "im fine just dreading when he gets home",
        "safe for the moment but friday is when he said",
        # a "fine" said again and again, and nothing else
        "no no im fine its all fine",
        "fine fine, everything is fine",
        "im ok honestly im ok",
        "yeah im fine i promise im fine",
    ],
)
def test_b27_a_plea_to_stop_a_return_soon_a_time_feared_or_an_insistent_fine_keeps_the_route(text):
    assert answer(text) == DANGER
    assert answer(text, yes_means=SAFE) == DANGER


@pytest.mark.parametrize(
    "text",
    [
        # a fine with a reason stays safe, as before
        "im fine, he left an hour ago and mums home",
        "im ok now, my dad is here and hes not coming back",
        # no plea: he stopped, or I told him before
        "im fine, he stopped messaging me last week",
        "i told him to leave me alone last week and hes gone now, im fine",
        # a parent out briefly and back soon
        "im ok, my mum has popped to the shop, shell be back in 10",
        "im fine, dad nipped out, back soon",
        "im ok, my mum has gone out for a bit",
        # gone for good, or long ago
        "hes gone, he left for good this morning",
        # fear of an everyday thing on the day
        "im safe, just nervous about my exam tomorrow",
        # one "fine" and nothing else, and a fine beside where I am
        "im fine",
        "yeah im ok thanks",
        "im fine, im at my nans now",
    ],
)
def test_b27_look_alikes_a_fine_with_a_reason_a_parent_out_or_an_everyday_worry_stay_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # a teacher or member of staff as the subject, with me in a school place, a parent coming
        "the teacher's with me in reception and my dad is on his way to collect me",
        "my form tutor is here with me in student services, my nan is coming to get me",
        "sir is sat with me in the office and mums on her way",
        "a member of staff is with me in the medical room and my auntie is coming to pick me up",
        # a carer or parent: back home with us, safe
        "shes back home with us now, safe and sleeping in her room",
        "he is back home with us now and he is safe, hes gone to bed",
    ],
)
def test_b27_staff_with_me_in_a_school_place_or_a_child_back_home_safe_is_a_clear_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # staff as the subject, with danger beside it, someone else coming or fear of the one coming
        "the teacher is with me in the office but hes outside the gates",
        "my tutor is with me in the office and he wont let me go",
        "miss is with me in reception and my stepdad is coming to get me",
        "sir is with me in the office, my dad is on his way and im scared",
        # back home, without safe, or with a danger beside it
        "hes back home with us now",
        "shes back home with us now safe but he knows where we live",
        "hes back home with me, im safe",
    ],
)
def test_b27_staff_or_back_home_with_danger_or_without_safe_keeps_the_route(text):
    assert answer(text) == DANGER
