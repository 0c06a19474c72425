"""B26's kinds (issue 12, the first run of blind set B26), in our own words, both ways.

Answers to "Are you in danger right now?" that are a clear safe: with protecting staff at school
now and a parent on the way to collect; a member of staff answering for a pupil who is with the
safeguarding lead; a parent answering that the child is home safe with them; an event long ago
at an earlier stage of school, the person long gone. And first messages that alarmed but are
everyday: a parent who has texted they are outside for a lift; a parent asking what to tell a
teenager coming home late on the night bus with friends. Each beside the look-alikes that must
keep the urgent route."""

import pytest

from bot.safety.danger_answer import DANGER, SAFE, read_answer
from bot.safety.risk import assess_risk, default_risk_data

BUTTONS = [
    {"title": "Yes, I'm in danger", "payload": "/report_immediate_danger"},
    {"title": "No, I'm safe right now", "payload": "/confirm_safe"},
    {"title": "You misunderstood me", "payload": "/correct_misunderstanding"},
]


def answer(text):
    return read_answer(text, None, BUTTONS, DANGER)


def level(text):
    return assess_risk(text, default_risk_data()).level


# ---- 1. with protecting staff at school now, a parent on the way to collect ------------------


@pytest.mark.parametrize(
    "text",
    [
        "miss walked me to reception and my nan is coming to pick me up",
        "im sat in the office with my head of year, mums on her way",
        "no, im with the pastoral team now and my dad is coming to get me",
        "a teacher brought me to student services, my auntie is on her way",
        "we are in the medical room with the school nurse, my parents are coming to collect me",
        "the deputy head is with me in her office and my grandad is driving over to get me",
        "im in the heads office with mrs patel, dad is on his way now",
        "our head of year is here with me, my mum is coming",
    ],
)
def test_b26_with_staff_at_school_and_a_parent_on_the_way_is_a_clear_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # the one who harms on the way, or coming back
        "hes on his way here",
        "no but hes coming back after school",
        "im in the office with my head of year but he is on his way",
        # staff in on it, or the one who harms is staff
        "my form tutor is in on it",
        "my teacher took me to his office and shut the door",
        "im in the office with my tutor and he wont let me go",
        # a parent away and him here; hiding from him
        "mums at work and hes still in the house",
        "im hiding in the toilets and hes outside the door",
        # danger beside the protection
        "im in the office with sir but he is still waiting at the gates",
        "im with my head of year and my mum is coming but hes following me",
        "the teachers are with me but he has a knife",
        # a stepparent on the way; a parent on the way who is feared, drunk or angry
        "im in reception with miss, my stepdad is on his way to get me",
        "im in the office with the head, my dad is coming to get me and im terrified",
        "im so scared my dad is on his way, im in the office with the dsl",
        "im with the head of year, my mum is on her way and she is drunk",
        # a parent on the way with no protection now
        "my dad is on his way",
        "no my mums coming to get me",
        # someone else coming to get me beside the protection, a wish not to go, or coming back
        "im with the head of year in her office, my mums boyfriend is coming to collect me",
        "im sat in reception with miss, my dad is coming to pick me up, i dont want to go with him",
        "im with our dsl but my dad is coming back",
    ],
)
def test_b26_the_one_who_harms_on_the_way_or_danger_beside_keeps_the_route(text):
    assert answer(text) == DANGER


# ---- 2. a member of staff answering for a pupil ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "she is sitting with our dsl and her mum is on her way in",
        "hes in the office with me and the head, his dad is coming to collect him",
        "the pupil is with our designated safeguarding lead now, her nan is on her way",
        "he is safely with the pastoral lead and his parents are coming in",
    ],
)
def test_b26_a_pupil_with_the_safeguarding_lead_and_a_parent_coming_in_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "she is with our dsl but her stepdad is outside the gates shouting",
        "he is with the head of year, but he says the man is waiting at the bus stop",
        "shes with our safeguarding lead but her dad is on his way and she is scared of him",
    ],
)
def test_b26_a_pupil_with_the_safeguarding_lead_and_danger_beside_keeps_the_route(text):
    assert answer(text) == DANGER


# ---- 3. a parent answering: home safe with me ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "my son is home safe with me now, i just want to know how to report it",
        "shes back home safe with us, what do we do about reporting it",
        "he is safe at home with us now, just after advice",
        "she's at home with me now and she is safe",
    ],
)
def test_b26_a_parent_saying_the_child_is_home_safe_with_them_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        # "shes home with me" alone could be told of the one who harms
        "shes home with me now",
        "he's home with me",
        "she is home safe with me but he is outside the house",
        "my son is home safe with me but they keep ringing the doorbell",
    ],
)
def test_b26_home_with_me_without_safe_or_with_danger_keeps_the_route(text):
    assert answer(text) == DANGER


# ---- 4. long ago, at an earlier stage of school; the person long gone ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "no that happened in year 7, im at college now",
        "that was back in year 9, im in year 13 now",
        "it was all in primary school, i am fine",
        "it happened in year 8 but she left the school years ago",
        "nah he's long gone, he moved schools ages ago",
        "no, she is not at our school any more",
    ],
)
def test_b26_long_ago_at_an_earlier_stage_or_the_person_long_gone_is_safe(text):
    assert answer(text) == SAFE


@pytest.mark.parametrize(
    "text",
    [
        "that was in year 8 but he still texts me every night",
        "it happened in year 9 and hes still in my class",
        "that was in year 7, im in year 8 now and he follows me home",
        "he left the school but hes waiting outside my house",
        "hes long gone but he messaged me hes coming back tonight",
        # an answer about the past does not count its danger parts: the safe words must stop
        "it was in year 9, im in year 10 now and he still sits behind me",
        "that was in year 8, im at college now but he found me online and keeps messaging",
        "he moved schools but he lives round the corner and waits for me",
        "that was back in primary, now my uncle does it",
        "it happened in year 8",
    ],
)
def test_b26_long_ago_beside_danger_now_keeps_the_route(text):
    assert answer(text) == DANGER


# ---- 5. a first message: a parent outside for a lift -----------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "training done, my dad just messaged hes outside",
        "my mum just texted to say shes outside so gotta go",
        "ok thanks, my nan rang and said she is outside the leisure centre",
        "sorry got to go, dad has texted me he is parked outside",
        "mum is here to pick me up from netball, she is outside in the car",
        "my parents texted they are outside the youth club",
    ],
)
def test_b26_a_parent_who_texted_they_are_outside_for_a_lift_is_quiet(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # someone else outside, or the pronoun not the parent named
        "my mums ex is outside",
        "my sister's ex boyfriend is waiting outside",
        "my mum texted that hes outside again",
        "the man who keeps following me is outside again",
        # the parent outside, and drunk, angry or feared
        "my dads outside and hes drunk and screaming",
        "im scared, my dad just texted he is outside",
        "im really scared. my mum just messaged she is outside",
        "my dad texted hes outside but hes not allowed to see me",
    ],
)
def test_b26_someone_else_outside_or_a_parent_outside_beside_fear_fires(text):
    assert level(text) is not None


# ---- 6. a first message: a parent asking about a late journey home with friends --------------


@pytest.mark.parametrize(
    "text",
    [
        "my 16 year old is getting the night bus home with her mates tonight, any tips on staying safe?",
        "my son messaged from the night bus. he is coming home late with his friends. what should i tell him?",
        "what advice would you give my daughter travelling home late on the last train with friends",
    ],
)
def test_b26_a_parent_asking_about_a_late_journey_home_with_friends_is_quiet(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "my daughter texted from the bus that a man is following her",
        "my son just messaged from the night bus, a guy is following him off at his stop",
        "my son is on the night bus and someone has pulled a knife, what should i tell him",
        "my son is on the night bus home with his mates and he says some lads are starting on them, what do i tell him",
    ],
)
def test_b26_a_journey_with_someone_following_or_a_weapon_fires(text):
    assert level(text) is not None


# ---- B26 after its fixes: the parent named as the one picking me up, then "he's just texted he's
# ---- outside" (normalised "he is just texted"); a parent asking "anything else I should tell him"


@pytest.mark.parametrize(
    "text",
    [
        "my mum's collecting me from dance, she's just texted she's outside",
        "my dad is picking me up after training, he just messaged he's outside",
        "my nan's getting me from the station, she's texted she's here",
    ],
)
def test_the_parent_picking_me_up_who_texted_they_are_outside_is_quiet(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "my dad's picking me up, he just texted he's outside and he sounds drunk",
        "my mum is collecting me but my stepdad texted he's outside instead",
        "my dad is picking me up but he just texted he's outside and im scared of him",
    ],
)
def test_a_pickup_with_fear_drink_or_someone_else_outside_still_fires(text):
    assert level(text) in {"emergency", "check"}


@pytest.mark.parametrize(
    "text",
    [
        "my daughter is getting the night bus home with her mates, is there anything else i should tell her",
        "my son's coming back on the last train with friends tonight, something i should remind him of?",
    ],
)
def test_a_parents_question_about_a_late_journey_home_is_quiet(text):
    assert level(text) is None
