"""normalise(text): fold the many ways a message can be written into one plain form.

The safety-net lexicon (data/safety/) is matched against this form, so "H3's 0utside ma h0use",
"he\u200b's outside my house" and "/affirm hes outsideee my houseee" all read
"he is outside my house". Output: lowercase ASCII words separated by single spaces, contractions
and text-speak expanded ("im" -> "i am", "rn" -> "right now", "kms" -> "kill myself"), no
punctuation. Pure and deterministic; never raises on a str.
"""

from __future__ import annotations

import re
import unicodedata

from bot.safety.word_tables import (
    COMPOUNDS,
    CONFUSABLES,
    DOUBLE_LETTER_WORDS,
    EMOJI_WORDS,
    G_DROPPED,
    IS_FOLLOWERS,
    LEET,
    ME_MY_NOUNS,
    MY_NOUNS,
    STRETCHABLE_FINAL,
    WORD_MAP,
)

_APOSTROPHES = re.compile(r"[\u2018\u2019\u201b\u2032\u02bc\u00b4`]")
_NOT_KEPT = re.compile(r"[^a-z0-9'@$!| ]+")  # "/", "_", "-", ".", symbols: all become spaces
_LEET_CHARS = frozenset(LEET)
_UNIT_NUMBER = re.compile(r"\d+(am|pm|yo|yrs?|y|s|th|st|nd|rd|k|m|x|mins?|hrs?|h|p|gb|mb|km|kg|cm)")
_LONDON_POSTCODE_OR_YEAR = re.compile(
    r"(e|ec|n|nw|se|sw|w|wc|br|cr|da|en|ha|ig|kt|rm|sm|tw|ub|wd|y|yr)\d{1,2}[a-z]?"
)
_RUN = re.compile(r"([a-z])\1+")
_PRONOUNS_IS = {
    "he",
    "she",
    "it",
    "there",
    "that",
    "what",
    "who",
    "where",
    "someone",
    "somebody",
    "everyone",
    "everybody",
    "nobody",
    "here",
    "how",
}
_NOT_IRREGULAR = {"wo": "will", "ca": "can", "sha": "shall", "ai": "is"}
_SUFFIX_WORD = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would"}
_LEET_KNOWN = (
    DOUBLE_LETTER_WORDS
    | {w for v in WORD_MAP.values() for w in v.split()}
    | {
        "help",
        "myself",
        "self",
        "die",
        "dead",
        "outside",
        "house",
        "knife",
        "raped",
        "please",
        "hurt",
        "harm",
        "sex",
        "forced",
        "suicide",
        "suicidal",
        "life",
        "live",
        "alive",
        "cut",
    }
)
_PHRASE_FIXES = [
    (re.compile(r"\b(he|she|it|someone|somebody|there|that|who) is (got|been)\b"), r"\1 has \2"),
    (re.compile(r"\bun alive"), "unalive"),
    # a homophone written for break: "tryna brake in", "braking into the flat" (a car's brake is
    # not followed by in, into or down)
    (re.compile(r"\bbrake (in|into|down)\b"), r"break \1"),
    (re.compile(r"\bbraking (in|into|down)\b"), r"breaking \1"),
    (re.compile(r"\bunalive(d)? (my|your|him|her|them)sel(f|ves)\b"), r"kill\1 \2sel\3"),
    (re.compile(r"\bunaliving (my|your|him|her|them)sel(f|ves)\b"), r"killing \1sel\2"),
    (re.compile(r"\bunalive me\b"), "kill me"),
    # "hell kill me", "shell find out", "theyll come": an apostrophe dropped from he'll / she'll /
    # they'll, read as such only before a verb of the kind a threat uses
    (
        re.compile(
            r"\b(he|she|they)ll (kill|hurt|stab|beat|batter|do|come|be|get|find|tell|send|post|"
            r"make|know|see|take|break|smash|shank|jump|rape|leave)\b"
        ),
        r"\1 will \2",
    ),
    (
        re.compile(r"\bhell (kill|hurt|stab|beat|batter|come|find|tell|send|post|break|smash|shank|rape)\b"),
        r"he will \1",
    ),
]


def normalise(text: str) -> str:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = unicodedata.normalize("NFKC", text)
    text = "".join(_fold_char(c) for c in text).casefold().translate(CONFUSABLES)
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    text = _NOT_KEPT.sub(" ", _APOSTROPHES.sub("'", text))
    tokens = [t for t in (_decode_token(raw) for raw in text.split()) if t]
    tokens = [_unstretch(t) for t in _join_spelled_out(tokens)]
    out = " ".join(_expand(tokens))
    for pattern, replacement in _PHRASE_FIXES:
        out = pattern.sub(replacement, out)
    return " ".join(out.split())


def _fold_char(c: str) -> str:
    """Emoji with meaning become words; invisible characters (zero-width, bidi controls, soft
    hyphen, BOM, variation selectors) vanish so they cannot split a word."""
    if c in EMOJI_WORDS:
        return f" {EMOJI_WORDS[c]} "
    if unicodedata.category(c) == "Cf" or "\ufe00" <= c <= "\ufe0f" or c in "\u034f\u3164\u115f\u1160\uffa0":
        return ""
    return c


def _decode_token(token: str) -> str:
    """Strip edge punctuation kept for leetspeak, then decode "k1ll", "r@ped", "$uicide"."""
    token = token.strip("'!|@").rstrip("$")
    if _is_leet(token):
        token = _decode_leet(token)
    return re.sub(r"[@$!|]", "", token).strip("'")


def _is_leet(token: str) -> bool:
    if token in WORD_MAP or not any(c in _LEET_CHARS for c in token):
        return False
    if not any("a" <= c <= "z" for c in token):
        return False  # a number
    return not (_UNIT_NUMBER.fullmatch(token) or _LONDON_POSTCODE_OR_YEAR.fullmatch(token))


def _decode_leet(token: str) -> str:
    ones = [i for i, c in enumerate(token) if c == "1"]
    base = "".join(LEET.get(c, c) for c in token)
    if not ones or len(ones) > 3:
        return base
    for mask in range(1 << len(ones)):  # "1" reads as "i" or "l": prefer a known word
        chars = list(base)
        for bit, index in enumerate(ones):
            chars[index] = "l" if mask >> bit & 1 else "i"
        candidate = "".join(chars)
        if candidate.replace("'", "") in _LEET_KNOWN or candidate in WORD_MAP:
            return candidate
    return base


def _join_spelled_out(tokens: list[str]) -> list[str]:
    """ "s u i c i d e" (from "s.u.i.c.i.d.e" or "s-u-i-c-i-d-e") -> "suicide": 4+ single letters."""
    out, run = [], []
    for token in tokens + [""]:
        if len(token) == 1 and "a" <= token <= "z":
            run.append(token)
            continue
        # one letter over and over ("i i i i am") is a stammer, not a spelled-out word; joining it
        # made normalise() unstable ("i i i im" -> "i i i i am" -> "i am")
        out.extend(["".join(run)] if len(run) >= 4 and len(set(run)) > 1 else run)
        run = []
        if token:
            out.append(token)
    return out


def _unstretch(token: str) -> str:
    """ "pleeease" -> "please", "killlll" -> "kill", "noww" -> "now", but "feel" stays."""
    if token in DOUBLE_LETTER_WORDS or token in WORD_MAP:
        return token
    runs = [
        m
        for m in _RUN.finditer(token)
        if len(m.group()) >= 3 or (m.end() == len(token) and m.group(1) in STRETCHABLE_FINAL)
    ]
    if not runs:
        return token
    if len(runs) > 4:
        return _RUN.sub(r"\1", token)
    best, best_doubles = None, -1
    for mask in range(1 << len(runs)):
        candidate, last = [], 0
        for bit, m in enumerate(runs):
            candidate.append(token[last : m.start()] + m.group(1) * (2 if mask >> bit & 1 else 1))
            last = m.end()
        word = "".join(candidate) + token[last:]
        doubles = bin(mask).count("1")
        if doubles == 0 and best is None:
            best = word
        elif word in DOUBLE_LETTER_WORDS and doubles > best_doubles:
            best, best_doubles = word, doubles
    return best


# a number before one of these counts it ("like 2 hours ago", "took 4 pills", "2 men outside"):
# it is not txt-speak for "to" or "for" (C5's first run: "i left like 2 hours ago" lost its time)
COUNTED_NOUNS = frozenset(
    """secs seconds min mins minute minutes hr hrs hour hours day days night nights week weeks
    month months yr yrs year years times pills tablets paracetamol ibuprofen packets boxes drinks
    shots cans bottles men guys people ppl of""".split()
)


def _expand(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for i, token in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        prev = out[-1] if out else ""
        if token in COMPOUNDS:
            out.extend(COMPOUNDS[token].split())
        elif (
            token in {"2", "4"}
            and prev.isalpha()
            and nxt.replace("'", "").isalpha()
            and nxt not in COUNTED_NOUNS
        ):
            out.append("to" if token == "2" else "for")  # "want 2 die", "comin back 4 me"
        elif (token in {"ma", "mi", "mah"} and nxt in MY_NOUNS) or (token == "me" and nxt in ME_MY_NOUNS):
            out.append("my")
        elif token in WORD_MAP:
            out.extend(WORD_MAP[token].split())
        elif token in G_DROPPED:
            out.append(token + "g")
        elif "'" in token:
            out.extend(_expand_apostrophe(token, nxt))
        else:
            out.append(token)
    return out


def _expand_apostrophe(token: str, nxt: str) -> list[str]:
    if token.endswith("n't"):
        stem = token[:-3]
        return [_NOT_IRREGULAR.get(stem, stem).replace("'", ""), "not"]
    stem, _, suffix = token.rpartition("'")
    stem = stem.replace("'", "")
    if suffix in _SUFFIX_WORD and stem:
        return [stem, _SUFFIX_WORD[suffix]]
    if suffix == "s" and stem:
        if stem == "let":
            return ["let", "us"]
        if stem in _PRONOUNS_IS or nxt in IS_FOLLOWERS or nxt.endswith("ing"):
            return [stem, "is"]  # "he's outside", "my ex's outside"
        return [stem + "s"]  # a possessive: "my dad's car"
    word = token.replace("'", "")
    return WORD_MAP.get(word, word).split()
