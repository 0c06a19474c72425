"""Cues in a young person's words that change which reply fits, from
data/conversation/reply_cues.yml (patterns an administrator can extend; issue 13, C19).

    asks_for_no_list(text) -> bool     "i dont want a list of numbers", "can you just listen"
    friend_not_at_risk(text) -> bool   every friend named is a place or an adviser
    told_as_assault(text) -> bool      an assault told with no sign of grooming (C20)
    told_as_rape(text) -> bool         a rape told in so many words, not on camera or online (C21)
    announces_something(text) -> bool  "can i tell you something private", "sorry if i write
                                       this weird": something to tell, not told yet (C20)
    about_a_relative(text) -> bool     a brother's, sister's or cousin's abuse told, none of
                                       the writer's own (C22)
    shared_someones_image(text) -> bool  the writer sent on someone else's nude or sexual picture,
                                       or fears what they did with it (C22)
    TOLD_CUES                          cue name -> test, for questions.yml kinds with `told`
    load_cues(path) -> dict            key -> compiled patterns; ValueError names the file for a
                                       missing or empty list or an invalid pattern
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot import REPO_ROOT
from bot.conversation.pattern_files import compile_patterns, followed, plain_quotes

DEFAULT_FILE = REPO_ROOT / "data" / "conversation" / "reply_cues.yml"
KEYS = (
    "no_list",
    "friend_not_at_risk",
    "friend_word",
    "announces",
    "assault_told",
    "grooming_signs",
    "rape_told",
    "relative_harmed",
    "harm_to_me",
    "telling_words",
    "shared_image",
    "shared_image_not",
)


def load_cues(path: Path = DEFAULT_FILE) -> dict[str, tuple[re.Pattern, ...]]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {key: compile_patterns(data.get(key), f"{path}: {key}") for key in KEYS}


def _cues(path: Path) -> dict[str, tuple[re.Pattern, ...]]:
    return followed(path, load_cues)


def asks_for_no_list(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when the message asks for no list of numbers or only to be listened to (C19)."""
    clean = plain_quotes(text)
    return bool(clean) and any(p.search(clean) for p in _cues(path)["no_list"])


def told_as_rape(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when the message tells a rape or sexual assault in so many words ("he made me do it",
    "took me in the bathroom and did stuff"), not done on camera or online (C21): an assault
    whoever did it, with grooming signs or an adult named."""
    clean = plain_quotes(text)
    return bool(clean) and any(p.search(clean) for p in _cues(path)["rape_told"])


def announces_something(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when the message announces something to tell, or a worry about how they write, without
    telling it yet ("can i talk about something private", "sorry if i write this weird") (C20)."""
    clean = plain_quotes(text)
    return bool(clean) and any(p.search(clean) for p in _cues(path)["announces"])


def told_as_assault(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when the message tells a sexual assault and shows no sign of grooming (secrets,
    pictures, meeting up, online contact, gifts): "i told him to stop and he laughed" (C20)."""
    clean = plain_quotes(text)
    cues = _cues(path)
    return (
        bool(clean)
        and any(p.search(clean) for p in cues["assault_told"])
        and not any(p.search(clean) for p in cues["grooming_signs"])
    )


def friend_not_at_risk(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """Every friend the message names is a place or an adviser: "my mum thinks i stayed at my
    friends" -> True; "my friend got hurt at my mates house" -> False (C19)."""
    clean = plain_quotes(text)
    cues = _cues(path)
    if not any(p.search(clean) for p in cues["friend_not_at_risk"]):
        return False
    for pattern in cues["friend_not_at_risk"]:
        clean = pattern.sub(" ", clean)
    return not any(p.search(clean) for p in cues["friend_word"])


def about_a_relative(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when a young person tells of a brother's, sister's or cousin's abuse ("my little sister
    told me her boyfriend hits her", "my brother's 12 and a man at his club touches him") and the
    message tells of no harm to the writer ("my sister's boyfriend touched me" -> False): someone
    worried about another, not the one in danger (C22)."""
    clean = plain_quotes(text)
    cues = _cues(path)
    if not clean or not any(p.search(clean) for p in cues["relative_harmed"]):
        return False
    return not tells_of_me(clean, path)


def tells_of_me(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when the message speaks of the writer as one something happens to ("he touched me",
    "my room", "i was hurt"), once the words that only say someone told or asked them are taken
    out ("she told me", "what should i do")."""
    clean = plain_quotes(text)
    cues = _cues(path)
    for pattern in cues["telling_words"]:
        clean = pattern.sub(" ", clean)
    return any(p.search(clean) for p in cues["harm_to_me"])


def shared_someones_image(text: str | None, path: Path = DEFAULT_FILE) -> bool:
    """True when the writer says they sent on, posted or showed round someone else's nude or
    sexual picture, or fear they did wrong with it ("i forwarded her nudes to the gc", "i
    shouldnt have sent it round"), and nothing shows it was their own picture, shown to an adult
    as proof, or sent to the police (C22)."""
    clean = plain_quotes(text)
    cues = _cues(path)
    return (
        bool(clean)
        and any(p.search(clean) for p in cues["shared_image"])
        and not any(p.search(clean) for p in cues["shared_image_not"])
    )


# cues a questions.yml kind can need in some message of the conversation (`told`)
TOLD_CUES = {"shared_image": shared_someones_image}
