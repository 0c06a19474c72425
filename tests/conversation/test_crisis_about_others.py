"""Someone else's crisis told by a young person (data/conversation/crisis_about_others.yml): read
in our own words, the writer's own words always win, and a broken file is refused."""

import pytest

from bot.conversation.crisis_about_others import about_someone_else, load_patterns


@pytest.mark.parametrize(
    "text,expected",
    [
        ("my best mate says shes going to take her own life", True),
        ("he told me hes gonna hang himself after exams", True),
        ("i think about killing myself too", False),
        ("my friend wants to die and me too", False),
        ("she said she would kill me lol", False),  # a threat to the writer, not a crisis
        # B21: a friend's goodbye post told by the writer
        ("my mate put on his story 'nice knowing you lot' and his location is on the bridge", True),
        ("my best friend just posted it was nice knowing everyone x and now shes not answering", True),
        ("it was nice knowing u all, i want to die too", False),
        # B22/B23: someone else says they are going to cut or do it (live), a "see you never" post
        ("a boy on my fortnite team said hes going to do it on live later", True),
        ("my brother is yelling that hes going to cut and wont open the door", True),
        ("my cousin put see ya never on her snap with a pic of the bridge", True),
        ("my friend said shes going to do it tonight and honestly im going to do it too", False),
    ],
)
def test_someone_elses_crisis_and_the_writers_own(text, expected):
    assert about_someone_else(text) is expected


def test_a_broken_file_is_refused_with_the_key_named(tmp_path):
    bad = tmp_path / "c.yml"
    bad.write_text('about_someone_else: ["(unclosed"]\nabout_me: ["x"]\n')
    with pytest.raises(ValueError, match="about_someone_else"):
        load_patterns(bad)


@pytest.mark.parametrize(
    "text,expected",
    [
        # B26: a peer's friend with a means "finishing it" tonight; a prized thing given with "not
        # for long" or "you wont have to deal with me much longer"
        ("my boy told me hes got a rope and hes finishing it tonight", True),
        ("my mate texted me he has tablets and hes ending it all later", True),
        ("my sister gave me her necklace and said you wont have to put up with me much longer", True),
        ("my bro handed me his watch and said not for long", True),
        ("i told my mate im finishing it tonight", False),
        ("my mate said hes ending it tonight and honestly i want to die too", False),
    ],
)
def test_b26_a_peers_friend_finishing_it_or_a_gift_with_a_not_around_hint(text, expected):
    assert about_someone_else(text) is expected
