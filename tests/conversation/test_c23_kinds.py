"""C23's kinds (issue 13, the first run of blind set C23), in our own words, both ways: a designated
safeguarding lead who opens with a note-like line ("Allegation against a member of staff", "Parent
rang this morning") or speaks of a colleague as a "member of staff" is recognised as staff from
that message, so they are never answered as the victim; a young person's words about a teacher, a
parent who rang them or an allegation against a relative are not."""

import pytest

from bot.conversation.trusted_adults import speaker_of


@pytest.mark.parametrize(
    "text",
    [
        "Allegation against a member of staff, maths dept. Came in via email first thing",
        "Concern regarding a colleague - messaging a Y10 late at night",
        "Complaint about one of our employees from a parent, she is 15",
        "Parent rang at 9 about her son's form tutor",
        "A dad phoned in before registration about the drama teacher",
        "He's a senior member of staff and well liked, I don't know where to start",
    ],
)
def test_a_professionals_note_like_opening_shows_staff(text):
    assert speaker_of(text) == "staff"


@pytest.mark.parametrize(
    "text",
    [
        "an allegation against a teacher at my school, my friend made it",
        "mum rang me and said come home now",
        "my parents rang the school about the PE teacher",
        "hes a popular teacher so nobody will believe me",
        "allegations against my uncle in our family and im scared",
        "parents rang the school and now everyone knows",
    ],
)
def test_a_young_persons_words_about_teachers_or_parents_who_rang_stay_a_young_persons(text):
    assert speaker_of(text) is None
