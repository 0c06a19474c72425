"""What an answer to the danger question means (data/safety/danger_questions.yml).

    read_answer(text, intent, buttons, yes_means) -> "safe" | "danger" | "no" |
                                                    "misunderstood" | "not_now"

Anything but a clear statement of being safe keeps the emergency route: "idk", "kinda", "...",
a question, "999", a typed "1" for the first button, a new detail ("he took my phone"), "no hes
just in the other room", "im safe but my little brother is still in the house with her". A safe
answer may name who is with the writer ("my mum is home, he doesnt live with us anymore"): the
parent it names is not the danger. An answer in another language is "safe" only when it says so
in one of the phrases of data/safety/other_language_answers.yml, with no negation before it and
no "but", "still" or "help" in it; anything else in another language is "danger". Pure: the
caller (bot/rasa_plugins/danger_question_policy.py) supplies the question's buttons (Rasa's
{"title", "payload"} dicts) and what a bare yes means for it ("danger" for "Are you in danger
right now?", "safe" for "Are you somewhere safe?"). Returns a label only.

    tells_something_new(text, buttons) -> bool

After the emergency steps (bot/rasa_plugins/danger_question_policy.py), whether a message read as
`danger` only because it is not a clear "safe" is in fact no answer at all and tells of no danger:
not a button (pressed, typed title or number), no 999, no level and no danger part in the word
classes (DANGER_PARTS; a message about the past, "past", does not count them, as in read_answer),
no answer cue (the word classes `uncertain`, `bare_yes`, `bare_no`, `not_now`, `misunderstood`:
"idk", "maybe", "kinda", "not sure", "i think"), no yes or no as its first word
("no my mum is at work" says "not safe" first), and nobody arriving or back and no door or lock
("he just came home", "theres no lock on my door": no word class counts them as danger, but here
they are). Not knowing what to do, how, or whether
("i dont know what to do later") is wondering about what comes next, not an unsure answer to "are
you safe?". "im in year 11 and want to do my a levels" -> True; "idk", "he is in the kitchen",
"no not yet", "2", "999" -> False.

    names_a_danger(text) -> bool

Whether the word classes find a danger part in an answer (fear and symptoms aside, not about the
past): a trusted adult's "I'm safe, I'm her dad, but she's still with him" answers the question
(the child is not safe), it is not something new to be given their guidance (B21).

    asks_nothing_urgent(text) -> bool

Whether a question asked once the emergency steps and a re-ask have been given tells of nothing
urgent (no 999, no level, no danger part, nobody arriving), so it can be answered as anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional, Sequence

from bot.safety.lexicon import DEFAULT_DIR, LexiconError, _read_yaml
from bot.safety.normalise import normalise
from bot.safety.risk import RiskData, assess_risk, default_risk_data

SAFE, DANGER, NO, MISUNDERSTOOD, NOT_NOW = "safe", "danger", "no", "misunderstood", "not_now"
ANSWERS = (SAFE, DANGER, NO, MISUNDERSTOOD, NOT_NOW)
# what a pressed button (or its typed title or number) means, by the intent of its payload
PAYLOAD_ANSWER = {
    "confirm_safe": SAFE,
    "report_immediate_danger": DANGER,
    "report_possible_danger": DANGER,
    "correct_misunderstanding": MISUNDERSTOOD,
    "say_not_now": NOT_NOW,
    "deny": NO,
}
# a countdown now ("train's in 15 mins", "in an hour"): a deadline part and a now part together
COUNTDOWN = frozenset({"deadline", "immediacy"})
# parts (data/safety/parts.yml) that mean danger in an answer, unless the answer is about the past
DANGER_PARTS = frozenset(
    {
        "present_person",
        "harm_now",
        "threat",
        "confined",
        "cut_off",
        "pursuit",
        "silenced",
        "fear",
        "medical_sign",
        "symptom",
        "disoriented",
        "volatile",
        "returning",
        "unwanted",
        "spiked",
        "near_me",
        "kept",
        "veiled_threat",
        "intrusion",
        "hiding",
        "coercion",
        "near_again",
        # B5's kinds: weapons, someone in the home, everyday medical signs, still with the person
        "armed",
        "intruder",
        "approaching",
        "fit",
        "body_sign",
        "serious_wound",
        "with_them",
        # B8's kinds: someone else still with the person, someone in my room who will not leave
        "someone_else_still_there",
        "stays_in_my_room",
        # B12's kinds: hunted at the door, chased, touched on a bus, shots fired
        "hunted",
        "being_chased",
        "unwanted_touch_now",
        "moves_when_i_move",
        "shots_fired",
        # B13's kinds: someone saying they will wait for me where I am, watching what I type
        "waits_for_me",
        "watched_typing",
        # B14's kind: a weapon still within reach of him, even asleep now
        "weapon_at_hand",
        # B20's kinds: still at the water or a drop, looking down ("just standing here looking at
        # the water" after the bridge); a known violent person waiting where I come out
        "looking_down_at_the_water",
        "hurt_me_before",
        "with_a_weapon_at_door",
        # B24's kinds: gone, but still close by (sat in his car down the road, round the corner);
        # a "fine" said with a plea not to call or tell anyone (after a threat: not a clear safe)
        "still_nearby",
        "plea_not_to_tell",
        # B27's kinds: gone only briefly and back soon; "ok" but scared of a time ahead (tonight,
        # tomorrow); "fine" said again and again with nothing else (said under watch). A plea to
        # stop messaging is plea_not_to_tell
        "back_soon",
        "scared_of_a_time_ahead",
        "insistent_fine",
    }
)
# cues that do not outweigh a clear statement of being safe
WEAK_WHEN_SAFE = frozenset({"fear", "symptom"})
# the danger parts that outweigh a clear "safe" in the same answer
STRONG_DANGER_PARTS = DANGER_PARTS - WEAK_WHEN_SAFE
# subject pronouns that begin a safe phrase in a language that negates after them (French je/on/
# nous, German ich/wir): a negation word just before such a phrase is "no", the answer
SUBJECT_PRONOUNS = frozenset({"je", "j", "on", "nous", "ich", "wir"})
_URGENT_LEVELS = frozenset({"emergency", "medical", "check"})
PROTECTOR, PRESENT = "protector_here", "present_person"
# B12: the police or a protecting adult with me now, or called ("shes locked the door and called
# the police", "the staff called the police, theyre here with me now")
PROTECTED = "protected_now"
# B26: a parent or carer on the way to collect me, said beside such a protection ("im in the office
# with my head of year, dads on his way"): blanked with it, so the one coming is not read as a
# danger arriving (the words of the part, and when it does not count, are in parts.yml)
PROTECTOR_ON_THE_WAY = "protector_on_the_way"
# someone coming to get or collect me (parts.yml someone_coming_for_me): left once the protection and
# a protecting parent on the way are blanked, it is someone else coming for me, or that parent said
# with fear or a wish not to go ("my dad is coming to get me, i dont want to go home"): no clear safe
COMING_FOR_ME = "someone_coming_for_me"
OTHER_LANGUAGE_FILE = "other_language_answers.yml"
_FOLD_SPACE = re.compile(r"[^\w,.]+|_")
_FOLD_STOP = re.compile(r"\s*([,.])\s*")
_NUMBER = re.compile(r"^\s*\(?([1-9])\s*[.)]?\s*$")
# word classes that make a message an answer to "are you safe?" (tells_something_new). Not
# `safe_now`: a safe statement read as danger was so for a doubt or a danger part, checked apart
# ("hes at work now. i dont know what to do later": safe now, and wondering about later)
ANSWER_PARTS = frozenset({"uncertain", "bare_yes", "bare_no", "not_now", "misunderstood"})
# on normalised text: not knowing what to do, how or whether is wondering about what comes next,
# not an unsure answer ("i dont know what to do later" is not "idk" to "are you safe?")
WONDERING = re.compile(
    r"\b(?:(?:i )?do not (?:even |really )?know|(?:i am )?not sure|no idea)\s+"
    r"(?:what|how|if|whether|where|who|when|why|which)\b"
)
# on normalised text (C19): a hedge inside a feeling or a self-doubting thought is not an unsure
# answer to "are you safe?": "i just feel kind of gross", "maybe i am meant to pray about it",
# "i think i am overreacting", "probably just being dramatic". Blanked like WONDERING before the
# answer cues are looked for; "maybe", "kinda", "i think" alone or about a place or a person
# ("mum gets back at 6 i think", "maybe i am safe") stay unsure
HEDGED_FEELING = re.compile(
    r"\bfeel(?:s|ing)?\s+(?:kind of|sort of|a bit|a little|a little bit|bit|lowkey|low key|like)(?=\s+\w)"
    r"|\b(?:maybe|probably|i think|i guess|perhaps)\s+(?:(?:i am|i|it is|it was|this is|that is|i was)\s+)?"
    r"(?=(?:just |only |really |being |the one )?(?:meant|supposed|should|overreact\w*|over react\w*|"
    r"being (?:dramatic|silly|stupid|soft|sensitive|ungrateful)|dramatic|making (?:it|drama|a fuss|"
    r"a big deal|this|things|too much|it up)|the problem|to blame|my fault|wrong|stupid|silly|"
    r"too sensitive|sensitive|pray\w*|deserved?)\b)"
)
# on normalised text: unsure cues the word class `uncertain` leaves to its longer forms ("dunno"
# and "idk" are normalised to "do not know"; "no idea", "unsure")
UNSURE = re.compile(r"\b(?:do not (?:even |really )?know|not sure|unsure|no idea)\b")
# on normalised text: yes or no first is an answer, whatever follows ("no my mum is at work",
# "yeah but he still has my phone"); "no one", "nobody", "no way" are not
ANSWER_OPENER = re.compile(
    r"^\W*(?:yes|yeah|yea|yh|ye|yep|yup|ya|mhm|nah|nope|na|no(?!\W+(?:one|body|way|idea)\b)"
    r"|not (?:yet|really|safe|exactly|at all))\b"
)
EMERGENCY_NUMBER = re.compile(r"\b999\b")
# on normalised text: someone arriving or back ("my stepdad just came home", "he turned up"), or a
# door or lock between the writer and someone ("i tried to lock the door"): everyday words in a
# first message, so no word class counts them as danger, but after the emergency steps they are
# part of the emergency, never something new ("getting in trouble", "got in touch": no arrival; C10)
EMERGENCY_NEWS = re.compile(
    r"\b(?:came|come|comes|coming|got|gets|getting|just) (?:back|home|in(?! (?:trouble|touch)\b)|here|round|over|upstairs)\b"
    r"|\b(?:is|are) (?:back|home|here|round|over)\b|\b(?:turned|turns|turning|showed|shows) up\b"
    r"|\b(?:walked|walks|barged|burst|let himself|let herself) in\b|\barrived\b"
    r"|\b(?:lock|locks|locked|locking|barricade\w*)\b"
)
# on normalised text (B22): a safe statement beside a wound or bleeding that will not stop, or
# beside being at an edge or a height ("no im ok just cant get it to stop and im a bit dizzy",
# "im safe, just sitting on the edge"): the harm is still going on, so the answer keeps the route.
# Not the edge of a bed, a seat or a pool, a stage or a kerb.
STILL_AT_RISK = re.compile(
    r"\b(?:get|make|getting|making) (?:it|the bleeding|the blood|the cut) (?:to )?stop\b"
    r"|\b(?:it|bleeding|blood|the cut)(?: just)? (?:will not|would not|does not|is not|has not|not) stop"
    r"|\b(?:will not|would not|can not|cannot|does not|not) stop (?:bleeding|pouring|gushing)\b"
    r"|\b(?:still|keeps?|keeping) (?:bleeding|pouring|gushing)\b"
    r"|\b(?:on|over|off|at|near|by) the (?:edge|ledge|railing|railings|side)\b"
    r"(?! of (?:my|the|his|her|our|a) (?:bed|sofa|couch|seat|chair|pool|stage|kerb|curb|desk|table|bath))"
    r"|\b(?:legs|feet) (?:over|hanging over|dangling over) the\b"
)
# on normalised text: bleeding and feeling faint said together in an answer ("bleeding a bit and
# feel light headed"): dizziness is weak beside a safe statement, not beside blood
BLEEDING_AND_FAINT = re.compile(
    r"\b(?:bleed\w*|blood\w*)\b.*\b(?:dizzy|faint\w*|light ?headed|woozy|shaky|spinning|pale)\b"
    r"|\b(?:dizzy|faint\w*|light ?headed|woozy|shaky|spinning|pale)\b.*\b(?:bleed\w*|blood\w*)\b"
)
# on normalised text (B22): the one in the first message explained as someone known messing about
# ("it was my mates older brother messing about, im at his house with them"): being with them, or
# someone there, is then no danger beside a safe statement
KNOWN_AND_HARMLESS = re.compile(
    r"\b(?:it was|its|it is|turns out it was|turned out (?:it was|to be)) (?:just |only )?(?:my|our) "
    r"(?:\w+ ){0,2}?(?:mates?|friends?|bestie|cousins?|brothers?|sisters?|neighbours?|uncle)\b"
    r"(?: \w+){0,3}? (?:messing|mucking|joking|pranking|winding (?:me|us) up|having a laugh|trolling)\b"
)
# on normalised text (B22): "i meant my phone was dead, not me": the word classes blank "phone was
# dead" as everyday words, so the meaning made clear is read here too
MEANT_NOT_ME = re.compile(r"\bi (?:only |just )?meant\b(?: \w+){1,8} not me\b")
_PAYLOAD = re.compile(r"^/([a-z_]+)")
# on normalised text left once a protection is blanked: a danger that goes on beside it, told of
# someone else ("... but the man is still following them"), is not a clear safe
STILL_OR_BUT = re.compile(r"\b(?:but|still|though|except)\b")
# on normalised text: someone (not a parent the answer names: "my mum just came home" is safe)
# back, here, at the door or pulling up, told after a safe statement ("No, I'm safe right now. he
# just came back"; B16): new danger, whatever came first. Not a carer's "hes back home with us now,
# safe" (B27): the child home safe with the writer, read by protected_now
SOMEONE_ARRIVES = re.compile(
    r"\b(?:he|they|someone|somebody|his (?:car|van|mates|boys)|their (?:car|van))(?: is| are| has| have)?"
    r"(?: just| now| still)? (?:back|here|outside|at (?:the|my|our) (?:door|window|gate|front door)"
    r"|(?:came|come|coming|got) back|(?:turned|showed|pulled|rolled) up|pulled (?:in|into)|knocking|banging)\b"
    r"(?! with (?:me|us))(?! home with (?:me|us)(?: now)?(?: and)?(?: (?:he|she|they) (?:is|are))? safe\b(?! but))"
)
# on normalised text: a safe statement (or the typed button title "No, I'm safe right now") taken
# back by what follows it ("... wait his car just pulled up again", "im ok oh no he is back",
# "im safe actually he is at the door"; B16): the words after such a turn must themselves be a
# clear "safe", else the answer keeps the emergency route (issue 12: only a clear safe moves on).
# "actually" turns only before someone or a denial ("im actually at my nans" is no turn)
TAKEN_BACK = re.compile(
    r"\b(?:wait|hang on|hold on|oh no|oh god|oh my god|oh shit|shit|oh fuck|fuck|uh oh|never mind"
    r"|scratch that|no wait|actually(?= (?:he|she|they|someone|somebody|his|her|their|the|there|no|not"
    r"|i am not|it is not)\b))\b"
)


def read_answer(
    text: str,
    intent: Optional[str],
    buttons: Sequence[dict] = (),
    yes_means: str = DANGER,
    data: Optional[RiskData] = None,
    other_language: Optional["OtherLanguageAnswers"] = None,
) -> str:
    """Meaning of `text` as an answer to a danger question (one of ANSWERS; see module doc).

    intent: the NLU intent of the message (used only for a pressed button, whose text is the
    payload "/intent"). buttons: the question's buttons, so "1" or a typed title counts as that
    button. yes_means: DANGER or SAFE. data: the risk data (default: data/safety/).
    other_language: the safe phrases for answers in another language (default: read once from
    data/safety/other_language_answers.yml). Never raises on a str."""
    text = text or ""
    if not text.strip() and intent:
        text = f"/{intent}"  # a story step or a payload with no text: the intent is the answer
    pressed = _pressed_button(text, intent, buttons)
    if pressed is not None:
        if pressed == "affirm":
            return yes_means
        return PAYLOAD_ANSWER.get(pressed, DANGER)
    data = data or default_risk_data()
    # the word classes alone: the urgency classifier learned first messages, not answers, and in
    # an answer it could only turn a clear "safe" into danger (unsure already means danger here)
    assessment = assess_risk(text, data, use_classifier=False)
    if assessment.other_language:
        return SAFE if reads_safe_in_other_language(text, other_language) else DANGER
    if _taken_back(text, intent, buttons, yes_means, data, other_language):
        return DANGER
    folded = normalise(text)
    if SOMEONE_ARRIVES.search(folded):
        return DANGER
    if PROTECTED in assessment.parts:
        protection = _protection_reading(text, data, assessment.parts)
        if protection is not None:
            # SAFE: a safe place or a protecting adult or the police with me now, and nothing in the
            # rest of the answer says a danger is still present: what they did (locked the door,
            # phoned my dad, "theyre here with me") is not the danger (B12). DANGER: someone still
            # coming to get me beside it (B26), which the place alone must not make a safe
            return protection
    if assessment.level in _URGENT_LEVELS:
        return DANGER
    parts = assessment.parts
    if "past" not in parts and (STILL_AT_RISK.search(folded) or BLEEDING_AND_FAINT.search(folded)):
        return DANGER  # B22: still bleeding, dizzy beside a wound, at an edge: the harm goes on
    strong = STRONG_DANGER_PARTS & parts
    if strong <= {"with_them", PRESENT} and KNOWN_AND_HARMLESS.search(folded):
        strong = frozenset()
    if strong == {PRESENT} and PROTECTOR in parts and "safe_now" in parts:
        # "my mum is home": is the one who is here the parent the answer names, and nobody else?
        if PRESENT not in _parts_without(text, PROTECTOR, data):
            strong = frozenset()
    if "safe_now" in parts and "uncertain" not in parts and not strong:
        return SAFE  # "im safe rn, just scared about school tmrw": fear alone does not outweigh it
    if tells_of_danger(parts):
        return DANGER
    if "misunderstood" in parts or MEANT_NOT_ME.search(folded):
        return MISUNDERSTOOD
    if "safe_now" in parts and "uncertain" not in parts:
        return SAFE
    if "bare_yes" in parts:
        return yes_means
    if "bare_no" in parts:
        return NO
    if "not_now" in parts:
        return NOT_NOW
    return DANGER


def _taken_back(text, intent, buttons, yes_means, data, other_language) -> bool:
    """True when a turn (TAKEN_BACK) follows some words and the words after it are not, read as
    an answer of their own, a clear "safe" ("No, I'm safe right now. wait he is outside")."""
    folded = normalise(text)
    for turn in TAKEN_BACK.finditer(folded):
        rest = folded[turn.end() :].strip()
        if turn.start() > 0 and rest and len(rest.split()) >= 2:
            return read_answer(rest, None, buttons, yes_means, data, other_language) != SAFE
    return False


def tells_of_danger(parts: frozenset[str]) -> bool:
    """A danger part (DANGER_PARTS) among a message's parts, unless the message is about the past."""
    return bool(DANGER_PARTS & parts) and "past" not in parts


def names_a_danger(text: str, data: Optional[RiskData] = None) -> bool:
    """True when the word classes find in `text` a danger part other than fear or a symptom (those
    do not outweigh a clear "safe"), and it is not about the past: "I'm safe, I'm her mum, but she's
    still with him" (B21: the adult is safe, the child is not). Pure; never raises on a str."""
    parts = assess_risk(
        text or "", data or default_risk_data(), use_classifier=False, check_language=False
    ).parts
    return bool(STRONG_DANGER_PARTS & parts) and "past" not in parts


def tells_something_new(text: str, buttons: Sequence[dict] = (), data: Optional[RiskData] = None) -> bool:
    """True when `text`, after "Are you somewhere safe now?", answers nothing and tells of no
    danger (see module doc). buttons: the question's buttons, so a typed title counts as pressed.
    Pure; never raises on a str."""
    text = text or ""
    if not text.strip() or _NUMBER.match(text) or EMERGENCY_NUMBER.search(text):
        return False
    if _pressed_button(text, None, buttons) is not None:
        return False
    data = data or default_risk_data()
    folded = normalise(text)
    if ANSWER_OPENER.match(folded) or EMERGENCY_NEWS.search(folded):
        return False
    assessment = assess_risk(text, data, use_classifier=False)
    if assessment.level is not None or assessment.other_language or tells_of_danger(assessment.parts):
        return False
    if COUNTDOWN <= assessment.parts:
        return False  # C17: "train's in 15 mins" after the emergency steps is part of the emergency
    wondering = HEDGED_FEELING.sub(" , ", WONDERING.sub(" , ", folded))
    if wondering != folded:
        parts = assess_risk(wondering, data, use_classifier=False, check_language=False).parts
    else:
        parts = assessment.parts
    return not (ANSWER_PARTS & parts or UNSURE.search(wondering))


def asks_nothing_urgent(text: str, data: Optional[RiskData] = None) -> bool:
    """True when a question asked after "are you safe?" has been asked again tells of nothing
    urgent: no 999, nobody arriving and no door or lock (EMERGENCY_NEWS), no level, no other
    language and no danger part in the word classes (a message about the past does not count
    them). "can you report it years later" -> True; "what if hes outside again", "should i lock
    my door" -> False. Pure; never raises on a str."""
    text = text or ""
    if not text.strip() or EMERGENCY_NUMBER.search(text):
        return False
    if EMERGENCY_NEWS.search(normalise(text)):
        return False
    assessment = assess_risk(text, data or default_risk_data(), use_classifier=False)
    return not (
        assessment.level is not None or assessment.other_language or tells_of_danger(assessment.parts)
    )


def _parts_without(text: str, part_name: str, data: RiskData) -> frozenset[str]:
    """The parts of `text` once the spans of one part are blanked out."""
    return _without(text, part_name, data).parts


def _blanked(text: str, part_name: str, data: RiskData) -> str:
    """The normalised `text` with the spans of one part blanked out."""
    regex = next(part.regex for part in data.rules.parts if part.name == part_name)
    return regex.sub(" , ", normalise(text))


def _without(text: str, part_name: str, data: RiskData):
    """The word-class assessment of `text` once the spans of one part are blanked out."""
    return assess_risk(_blanked(text, part_name, data), data, use_classifier=False, check_language=False)


def _protection_reading(text: str, data: RiskData, parts: frozenset[str] = frozenset()) -> Optional[str]:
    """With the protection the answer names blanked (and a protecting adult on the way beside it,
    when the word classes counted one in `parts`: B26): SAFE when no urgent level, no danger part
    (fear and symptoms aside, as for any safe answer) and no doubt is left; DANGER when someone is
    still coming to get me (COMING_FOR_ME: "im in the office with miss, my mums boyfriend is coming
    to get me"); None otherwise (the answer is read as any other)."""
    blanked = _blanked(text, PROTECTED, data)
    if PROTECTOR_ON_THE_WAY in parts:
        blanked = _blanked(blanked, PROTECTOR_ON_THE_WAY, data)
    rest = assess_risk(blanked, data, use_classifier=False, check_language=False)
    if COMING_FOR_ME in rest.parts and "past" not in rest.parts:
        return DANGER
    if rest.level in _URGENT_LEVELS or "uncertain" in rest.parts:
        return None
    if STILL_OR_BUT.search(blanked):
        return None  # "his mum picked him up but the man is still following them" (B16)
    return None if STRONG_DANGER_PARTS & rest.parts else SAFE


@dataclass(frozen=True)
class OtherLanguageAnswers:
    """data/safety/other_language_answers.yml: safe phrases, negations, words that keep danger."""

    safe: tuple[re.Pattern, ...]
    negations: frozenset[str]
    not_safe: frozenset[str]


def load_other_language_answers(directory: Path | str = DEFAULT_DIR) -> OtherLanguageAnswers:
    """Read and check the file; LexiconError (file named) on a broken entry."""
    path = Path(directory) / OTHER_LANGUAGE_FILE
    data = _read_yaml(path)  # the lexicon's reader: missing, not YAML or not a mapping, file named
    if set(data) != {"safe", "negations", "not_safe"}:
        raise LexiconError(f"{path}: needs exactly the keys safe, negations and not_safe")
    lists = {key: data[key] for key in ("safe", "negations", "not_safe")}
    if not all(
        isinstance(v, list) and v and all(isinstance(x, str) and x for x in v) for v in lists.values()
    ):
        raise LexiconError(f"{path}: safe, negations and not_safe must be non-empty lists of strings")
    try:
        safe = tuple(re.compile(pattern) for pattern in lists["safe"])
    except re.error as error:
        raise LexiconError(f"{path}: a safe pattern is not a valid regex: {error}") from None
    if any(pattern.search(probe) for pattern in safe for probe in ("", "no", "help", "he is here")):
        raise LexiconError(f"{path}: a safe pattern fires on an answer that is not safe")
    return OtherLanguageAnswers(
        safe=safe,
        negations=frozenset(fold(w) for w in lists["negations"]),
        not_safe=frozenset(fold(w) for w in lists["not_safe"]),
    )


@lru_cache(maxsize=1)
def _default_other_language_answers() -> OtherLanguageAnswers:
    return load_other_language_answers(DEFAULT_DIR)


def fold(text: str) -> str:
    """Lowercase, accents removed, apostrophes and other marks as spaces, "," and "." kept as
    words of their own: "Não, agora tô segura" -> "nao , agora to segura"."""
    text = unicodedata.normalize("NFKD", text or "").casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _FOLD_STOP.sub(r" \1 ", _FOLD_SPACE.sub(" ", text))
    return " ".join(text.split())


def reads_safe_in_other_language(text: str, answers: Optional[OtherLanguageAnswers] = None) -> bool:
    """True when an answer in another language says clearly that the writer is safe now (see
    data/safety/other_language_answers.yml); False for anything else."""
    answers = answers or _default_other_language_answers()
    folded = fold(text)
    if set(folded.split()) & answers.not_safe:
        return False
    for pattern in answers.safe:
        for match in pattern.finditer(folded):
            before = folded[: match.start()].split()
            first = folded[match.start() :].split()[:1]
            # "non je suis chez moi": where the phrase starts with its subject pronoun, the verb's
            # negation would come after it ("je ne suis pas"), so a "no" before is the answer (B10)
            if not before or before[-1] not in answers.negations or first[0] in SUBJECT_PRONOUNS:
                return True
    return False


def _pressed_button(text: str, intent: Optional[str], buttons: Sequence[dict]) -> Optional[str]:
    """The intent of the button pressed, typed by title or by number; else None."""
    payload = _PAYLOAD.match(text.strip())
    if payload:
        return payload.group(1)
    number = _NUMBER.match(text)
    if number and 1 <= int(number.group(1)) <= len(buttons):
        return _payload_intent(buttons[int(number.group(1)) - 1])
    typed = normalise(text)
    for button in buttons:
        if typed and typed == normalise(button.get("title", "")):
            return _payload_intent(button)
    return None


def _payload_intent(button: dict) -> Optional[str]:
    match = _PAYLOAD.match(str(button.get("payload", "")))
    return match.group(1) if match else None
