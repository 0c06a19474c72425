"""bot/safety/language.py: messages in other languages are recognised; English slang is not
taken for another language."""

import pytest

from bot.safety.language import is_not_english, non_latin_share


@pytest.mark.parametrize(
    "text",
    [
        "pomocy, on stoi pod moim domem i się boję",  # Polish
        "ayuda, mi padrastro me está pegando",  # Spanish
        "a minha amiga tomou muitos comprimidos",  # Portuguese
        "te rog ajută-mă, mi-e frică de el",  # Romanian
        "أنا خائفة جدا",  # Arabic script
        "আমার খুব ভয় লাগছে",  # Bengali script
        "мне страшно, он здесь",  # Cyrillic
    ],
)
def test_other_languages_are_recognised(text):
    assert is_not_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "wallahi bruv allow it innit",
        "rah that's crazy",
        "lmaooo im dead",
        "hes got a 🔪 pls help",
        "my tiktok got 10k views!!",
        "who's better, stormzy or dave",
        "i got touched up on the tube",
        "hi",
        "",
        "999",
        "café tomorrow?",
        "yh",
        "idk if this counts as harassment",
    ],
)
def test_english_text_speak_and_slang_are_english(text):
    assert not is_not_english(text)


def test_script_share():
    assert non_latin_share("abc") == 0.0 and non_latin_share("мама") == 1.0 and non_latin_share("") == 0.0


# B7's kind: Romanian, whose short words are also English words and which lingua's low-accuracy
# mode misnames; many foreign letter marks plus lingua nearly sure it is not English settle it
@pytest.mark.parametrize(
    "text",
    [
        "Tatăl meu e beat și lovește ușa camerei mele, mi-e frică",
        "Ajutor, un băiat mă urmărește pe stradă și nu se oprește",
    ],
)
def test_romanian_with_many_marks_is_another_language(text):
    assert is_not_english(text)
