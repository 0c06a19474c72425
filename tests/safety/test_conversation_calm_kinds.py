"""C9's first run (issue 13, docs/conversation/README.md "Set C9"): ordinary things told in the
middle of a conversation got the danger check (999 first, then "Are you in danger right now?").
One test per kind, in our own words (C9's lines stay the held-out check), that the calm telling
gets no level, and one that its danger-now cousin still does. Fixed by kind in
data/safety/parts.yml (family_trip_later, still_in_my_life, sick_with_feeling), levels.yml
(check.kept, check.near_again, check.model_urgent_with_symptom) and the classifier's examples
(data/safety/urgency_examples/conversation_calm_kinds.yml)."""

import pytest

from bot.safety.risk import assess_risk

URGENT_MODEL = 0.9  # the NLU model reading the message as urgent, as it did in C9


def level(text, **kwargs):
    return assess_risk(text, **kwargs).level


@pytest.mark.parametrize(
    "text",
    [
        "me and my girlfriend have been going out since year 9. shes 16. shes honestly really kind to me",
        "so im seeing this boy, hes 17, we met at college. hes mostly really caring",
        "my boyfriend is 16 and weve been together 8 months, hes nice to me most days",
    ],
)
def test_a_relationship_told_calmly_gets_no_level(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "i have cerebral palsy so a carer helps me shower and get into bed",
        "carers come in twice a day to help me get up and have a wash",
        "my pa helps me get changed and use the toilet because i cant do it on my own",
        "i need help with personal care, my mum and a carer do it",
    ],
)
def test_a_disabled_young_persons_care_gets_no_level(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "my dads taking me abroad in the easter holidays to see my nan",
        "mum is taking me back home for the summer, we go every year",
        "they are taking me back home next year when i finish year 11",
    ],
)
def test_a_family_trip_planned_for_the_holidays_gets_no_level(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        # a date soon, tonight or not coming back: the check stays (C15: a marriage or a passport kept
        # for a trip months away is a forced-marriage disclosure, test_c15_disclosure_kinds.py; the
        # urgency classifier still reads this one, with "i dont want to go", as a check)
        (
            "my dad is taking me back home in the summer, he has my passport and i dont want to go",
            {"check", "emergency"},
        ),
        (
            "theyre taking me back home in the summer holidays and i dont think im coming back",
            {"check", "emergency"},
        ),
        ("my parents are taking me back home for the holidays, we fly tomorrow", {"check", "emergency"}),
        ("theyre taking me abroad tonight and i dont want to go", {"emergency"}),
    ],
)
def test_a_trip_with_marriage_a_passport_or_a_date_soon_keeps_its_level(text, expected):
    assert level(text) in expected


@pytest.mark.parametrize(
    "text",
    [
        "shes still in my form group and she whispers stuff about me",
        "hes still at my school, i see him in the corridors every day",
        "they only changed my set. hes still in my class and keeps making comments",
        "my uncle is still around at all the family parties and my little cousins sleep over at his",
    ],
)
def test_someone_still_around_in_my_days_but_not_near_now_gets_no_level(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("hes still at my school gates waiting for me", {"emergency"}),
        ("hes still in my class and hes outside the door now", {"emergency"}),
        ("shes still in my class and shes right behind me now", {"check", "emergency"}),
        ("he is still by the bus stop outside school", {"check", "emergency"}),
    ],
)
def test_someone_still_near_me_now_keeps_its_level(text, expected):
    assert level(text) in expected


@pytest.mark.parametrize(
    "text",
    [
        "i feel sick",
        "honestly i feel sick",
        "ugh i feel so sick now",
        "it makes me feel sick thinking about it",
    ],
)
def test_feeling_sick_as_a_feeling_gets_no_level_even_when_the_model_reads_it_urgent(text):
    assert level(text, model_urgent_probability=URGENT_MODEL) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("he put something in my drink and i feel sick", {"medical"}),
        ("he hit me. i feel sick", {"check", "medical", "emergency"}),
        ("i feel sick and dizzy", {"check", "medical"}),
    ],
)
def test_feeling_sick_after_a_drink_a_blow_or_with_other_signs_keeps_its_level(text, expected):
    assert level(text, model_urgent_probability=URGENT_MODEL) in expected


@pytest.mark.parametrize(
    "text",
    [
        "i owe some older boys money because i lost their stuff and now they say i have to do jobs for them",
        "i got jumped and lost the weed i was holding for them so now i owe them",
        "my cousins friends say i owe them 500 and i have to work for them to pay it back",
        "they said i have a debt now and i have to run for them till its paid",
        "these olders say i owe them since the police took the bag off me, they keep saying ill have to work it off",
        "i got mugged with their stuff on me and now they say im in debt to them and have to graft for it",
    ],
)
def test_a_debt_to_older_people_told_as_a_situation_gets_no_level(text):
    # exploitation, and a route to specialist help, but not danger now
    assert level(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        ("i owe them money and theyre outside my house now saying i have to come with them", {"emergency"}),
        ("they say i owe them and tonight they are taking me out of town", {"check", "emergency"}),
        ("i owe these guys and they said if i dont pay by tonight theyll stab me", {"emergency"}),
    ],
)
def test_a_debt_with_them_here_tonight_or_a_threat_keeps_its_level(text, expected):
    assert level(text) in expected


def test_hurt_last_night_and_the_one_who_did_it_coming_home_keeps_its_level():
    # the body's memory of a past blow is not calmed: with him due home it is danger now
    text = "he threw me into the wardrobe last night when i got between them. my shoulder still hurts and he will be back at 6"
    assert level(text) == "emergency"
