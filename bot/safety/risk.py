"""The risk stage: how urgent is this message? Run on every message before a reply is chosen.

    assess_risk("hes still here and he hurt me") -> RiskAssessment(level="emergency", ...)
    .venv/bin/python -m bot.safety.risk "your sentence"      # prints parts, level, reasons

Levels, most urgent first (bot.safety.risk_rules.LEVELS): emergency, medical, crisis,
recent_assault, check; None when nothing urgent was found. How a level is reached:
1. the lexicon (data/safety/emergency.yml, crisis.yml; not_danger.yml masks idioms) on the whole
   normalised message, as before: direct phrases and idioms;
2. reasoning over parts: the message is split into sentences (long run-on sentences also at
   commas), the word classes of data/safety/parts.yml are found in each sentence and in each pair
   of neighbouring sentences ("he raped me last night. he's still here"), and the combinations
   of data/safety/levels.yml turn them into a level;
3. the NLU model: when its urgent intents together reach `model_urgent_threshold`, the pseudo-part
   `model_urgent` joins every window, so the model can raise `check` (with a harm cue) but never
   more;
   Steps 1 and 2 also read the message a second time with misspelt words put right
   (bot/safety/spelling.py: "helpp", "bleding", "my houss"); that reading can add a more urgent
   level and the parts that raise one, never a calm part (calm, past, safe now);
4. the learned urgency classifier (bot/safety/urgency_classifier.py, trained from
   data/safety/urgency_examples/), on the whole message when it is short and on each sentence and
   pair of sentences when it is not: `emergency_or_medical` gives `medical` when the words found
   a medical cue (urgency_classifier.yml's medical_parts, and no calm_medical) and `check` (999
   first, then the danger question) otherwise; `crisis` gives `crisis`. It only ever RAISES the
   level: it runs only when the words gave less than `medical`, and its level counts only when
   more urgent than theirs (so "took pills, now I can't wake my friend" read as crisis by the
   words becomes medical, whose reply names 999, an ambulance and the crisis lines). A message
   told as over (a time before today, "im fine now", nothing happening now) is not raised to
   check or medical by it, and not to crisis when the writer also says they are recovering
   ("feeling more hopeful": a past attempt with its follow-up, B13). It does not read a message
   in another language that the words gave nothing (it learned English; B21): that message gets
   the other-language reply.
The most urgent level found wins. The assessment carries part names and rule ids only, never the
message text, so it is safe to log and to keep in the tracker.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from bot.safety.creole import CreoleTable, load_creole_table
from bot.safety.language import any_english_words, english_words, english_zipf, is_not_english
from bot.safety.lexicon import DEFAULT_DIR, Lexicon, LexiconError, load_lexicon
from bot.safety.matcher import CRISIS as CRISIS_LEXICON
from bot.safety.matcher import EMERGENCY, assess_normalised, blank_idioms
from bot.safety.normalise import normalise
from bot.safety.risk_rules import LEVELS, MODEL_URGENT, RiskRules, load_risk_rules
from bot.safety.spelling import Speller, pattern_words
from bot.safety.urgency_classifier import (
    CRISIS,
    EMERGENCY_OR_MEDICAL,
    PART_LISTS,
    SETTINGS_FILE,
    Settings,
    UrgencyClassifier,
    load_classifier,
)

_SENTENCE_END = re.compile(r"[.!?;\n\u2026]+|\s[-\u2013\u2014]+\s")
_COMMA = re.compile(r",")
LONG_SENTENCE_CHARS = 160  # a run-on sentence longer than this is also split at its commas
_RANK = {level: index for index, level in enumerate(LEVELS)}
# levels the classifier can still raise (it gives at most medical)
_RAISABLE = frozenset({None, "crisis", "recent_assault", "check"})
CALM_MEDICAL = "calm_medical"
# feeling sick said as a feeling (parts.yml sick_with_feeling): the `symptom` it also matches is
# no medical cue for the urgency classifier's flag (C19: "I feel sick. Is he some kind of ...?")
SICK_AS_FEELING, SYMPTOM = "sick_with_feeling", "symptom"
# C20: feeling sick or like throwing up with no other sign anywhere in the message (parts.yml
# nausea_alone) is no medical cue either ("just got out of a cab and i feel sick"); a drink, pills
# or a spiking keep their own cue
NAUSEA_ALONE = "nausea_alone"
# B11: a message told as over (a time before today and "its over, im fine now") is not raised to
# check or medical by the classifier alone
RESOLVED_NOW, TIME_BEFORE = "resolved_now", frozenset({"earlier", "weeks_ago", "past"})
# B13: a past attempt told as over with the writer recovering ("after the overdose last month ...
# doctor said im fine now, feeling more hopeful") is not raised to crisis by the classifier alone
RECOVERING = "recovering"
# a message this short, in at most this many sentences, is also read whole by the classifier (it
# was trained on whole first messages, and "banging on the door. nvm its the delivery guy" means
# something its first sentence alone does not)
WHOLE_MESSAGE_CHARS, WHOLE_MESSAGE_SENTENCES = 300, 3


@dataclass(frozen=True)
class RiskData:
    """Everything the risk stage reads from data/safety/ (reloaded together on edit)."""

    lexicon: Lexicon
    rules: RiskRules
    classifier: Optional[UrgencyClassifier] = None
    speller: Optional[Speller] = None  # the second, spelling-corrected reading (None: not read)
    creole: Optional[CreoleTable] = None  # the English reading of a creole message (None: not read)


def load_risk_data(directory: Path | str = DEFAULT_DIR) -> RiskData:
    """Lexicon + parts + levels + the urgency classifier from `directory` (the classifier is
    trained once per process per version of its examples); raises LexiconError on a broken file."""
    rules = load_risk_rules(directory)
    classifier = load_classifier(directory)
    settings = classifier.settings
    for key in PART_LISTS:
        unknown = getattr(settings, key) - {part.name for part in rules.parts}
        if unknown:
            raise LexiconError(
                f"{Path(directory) / SETTINGS_FILE}: {key} names unknown part(s) "
                f"{sorted(unknown)}; parts are in parts.yml"
            )
    lexicon = load_lexicon(directory)
    return RiskData(
        lexicon=lexicon,
        rules=rules,
        classifier=classifier,
        speller=build_speller(lexicon, rules),
        creole=load_creole_table(directory),
    )


def build_speller(lexicon: Lexicon, rules: RiskRules) -> Speller:
    """A speller that corrects into the words the urgent rules use: the emergency and crisis
    lexicon and every part except the calm ones (those looked for before the masks: calm, past,
    safe now ...), so a corrected word can make a message more urgent, never calmer."""
    sources = [rule.regex.pattern for rule in lexicon.emergency + lexicon.crisis]
    sources += [part.regex.pattern for part in rules.parts if not part.before_masks]
    return Speller.build(
        pattern_words(sources), vocabulary_of=english_words(), known=any_english_words(), rank=english_zipf()
    )


def _calming_parts(rules: RiskRules) -> frozenset[str]:
    return frozenset(part.name for part in rules.parts if part.before_masks)


@lru_cache(maxsize=1)
def default_risk_data() -> RiskData:
    return load_risk_data(DEFAULT_DIR)


@dataclass(frozen=True)
class RiskAssessment:
    level: Optional[str]  # one of LEVELS, or None
    reasons: tuple[str, ...] = ()  # lexicon rule ids ("emergency.weapon") and combination ids
    parts: frozenset[str] = frozenset()  # every part found anywhere in the message
    other_language: bool = False  # no level, and written in another language (bot.safety.language)
    by_classifier: bool = False  # the level is the urgency classifier's, more urgent than the words'

    @property
    def urgent(self) -> bool:
        """True for the levels whose reply carries an urgency marker."""
        return self.level is not None

    def to_dict(self) -> dict:
        return {
            "level": self.level,
            "reasons": list(self.reasons),
            "parts": sorted(self.parts),
            "other_language": self.other_language,
            "by_classifier": self.by_classifier,
        }


def split_sentences(text: str) -> list[str]:
    """Raw text -> sentences (non-empty, stripped). Sentences longer than LONG_SENTENCE_CHARS are
    split again at commas, since long messages from young people are often one run-on sentence."""
    out = []
    for sentence in _SENTENCE_END.split(text or ""):
        sentence = sentence.strip()
        if not sentence:
            continue
        if len(sentence) > LONG_SENTENCE_CHARS:
            out.extend(piece.strip() for piece in _COMMA.split(sentence) if piece.strip())
        else:
            out.append(sentence)
    return out


def parts_in(
    words: str,
    masked: str,
    rules: RiskRules,
    whole_message: bool = False,
    in_masked: Optional[set[int]] = None,
) -> set[str]:
    """Names of the parts found in one normalised sentence (`words`) and the same sentence with
    not_danger.yml's idioms blanked out (`masked`). Message-scope parts count only when
    `whole_message` is true (the window is the whole message). Only parts whose literals occur
    are searched (bot.safety.literal_screen); `in_masked`: rules.screen.candidates(masked), when
    the caller has it already."""
    in_words = rules.screen.candidates(words)
    if in_masked is None:
        in_masked = in_words if masked == words else rules.screen.candidates(masked)
    parts = rules.parts
    # only the candidates are visited (issue 17: visiting all ~360 parts per window cost more
    # than the screen saved on short messages); the found names are the same set
    found = set()
    for index in in_words:
        part = parts[index]
        if part.before_masks and (whole_message or not part.whole_message) and part.regex.search(words):
            found.add(part.name)
    for index in in_masked:
        part = parts[index]
        if not part.before_masks and (whole_message or not part.whole_message) and part.regex.search(masked):
            found.add(part.name)
    return found


def level_of(found: set[str], rules: RiskRules) -> tuple[Optional[str], Optional[str]]:
    """(level, combination id) of the most urgent combination that holds for `found`."""
    combinations = rules.combinations  # already in LEVELS order
    for index in rules.could_hold(found):  # the same order, less the ones that cannot hold
        combination = combinations[index]
        if combination.holds(found):
            return combination.level, combination.id
    return None, None


def assess_risk(
    text: str,
    data: Optional[RiskData] = None,
    model_urgent_probability: float = 0.0,
    check_language: bool = True,
    use_classifier: bool = True,
) -> RiskAssessment:
    """Risk level of one message.

    text: the user's message as typed (any length; str). data: lexicon, rules and classifier
    (default: the files in data/safety/). model_urgent_probability: the NLU model's summed
    confidence for the urgent intents, 0..1 (0 when there is no model). check_language: when no
    level is found, also decide whether the message is in another language (`other_language`).
    use_classifier: False for the word classes alone (the held-out evaluation compares them).
    Never raises on a str."""
    data = data or default_risk_data()
    rules = data.rules
    by_classifier = False
    normalised = normalise(text)
    sentences = _sentence_forms(text, normalised)
    model_urgent = model_urgent_probability >= rules.model_urgent_threshold
    best, reasons, everything = _words_reading(normalised, sentences, data, model_urgent)
    # second readings: more urgent levels and the parts that raise one count, calm parts do not
    # (a corrected "yers ago" must not calm a message)
    for folded, forms in _second_readings(text, normalised, sentences, data):
        level, more, parts = _words_reading(folded, forms, data, model_urgent)
        if _more_urgent(level, best):
            best = level
        reasons.extend(r for r in more if r not in reasons)
        everything |= parts - _calming_parts(rules)
    if model_urgent:
        everything.add(MODEL_URGENT)
    not_english: Optional[bool] = None
    if use_classifier and best is None and data.classifier is not None:
        # B21: the classifier learned English; on another language it reads the normal form's
        # debris ("kap the", "s and ftan" of Turkish) and gave a Turkish knife threat at the school
        # gate the English crisis reply. With nothing from the words, such a message gets the
        # other-language reply (999 first, the interpreter line, Childline)
        not_english = _reads_as_another_language(text, normalised)
    if use_classifier and data.classifier is not None and best in _RAISABLE and not not_english:
        subject_names = data.classifier.settings.subject_parts & everything
        subjects = (
            tuple(part.regex for part in rules.parts if part.name in subject_names) if subject_names else ()
        )
        flags = classifier_flags(data.classifier, sentences, normalised, data.lexicon, subjects)
        if EMERGENCY_OR_MEDICAL in flags and told_as_over(everything, rules):
            # "last month i got followed ... nothing has happened since, im fine now": the words
            # say when it was and that it is over, and nothing in the message is happening now
            flags = flags - {EMERGENCY_OR_MEDICAL}
        if EMERGENCY_OR_MEDICAL in flags and told_as_habit_or_before_now(
            everything, rules, data.classifier.settings
        ):
            # "he keeps coming in my room when theyre asleep", "last week he cornered me in the
            # stockroom": ongoing or past abuse, nothing in the message happening now (C15)
            flags = flags - {EMERGENCY_OR_MEDICAL}
        if EMERGENCY_OR_MEDICAL in flags and bump_with_signs_denied(everything, data.classifier.settings):
            # "my little brother banged his head on the table, hes not sick or drowsy and is
            # playing normally": a bump the writer says shows none of the warning signs (B21)
            flags = flags - {EMERGENCY_OR_MEDICAL}
        if CRISIS in flags and RECOVERING in everything and told_as_over(everything, rules):
            # the words say when it was, that it is over and that the writer is recovering; a
            # crisis the words themselves read ("but i still want to die") is kept above
            flags = flags - {CRISIS}
        level = classifier_level(flags, everything, data.classifier.settings)
        if _more_urgent(level, best):
            best, by_classifier = level, True
        reasons.extend(f"classifier.{label}" for label in sorted(flags))
    other = bool(
        check_language
        and best is None
        and (not_english if not_english is not None else _reads_as_another_language(text, normalised))
    )
    return RiskAssessment(
        level=best,
        reasons=tuple(reasons),
        parts=frozenset(everything),
        other_language=other,
        by_classifier=by_classifier,
    )


def _reads_as_another_language(text: str, normalised: str) -> bool:
    """The message is in another language (bot.safety.language), and no /command's text."""
    return not text.lstrip().startswith("/") and is_not_english(text, normalised)


def _words_reading(
    normalised: str, sentences: list[str], data: RiskData, model_urgent: bool
) -> tuple[Optional[str], list[str], set[str]]:
    """(most urgent level, rule and combination ids, every part found) from the lexicon on the
    whole message and the word classes per sentence and pair of sentences."""
    best: Optional[str] = None
    reasons: list[str] = []
    masked = blank_idioms(normalised, data.lexicon)  # once per reading: the lexicon and the parts read it
    whole = assess_normalised(normalised, data.lexicon, blanked=masked)
    if whole.fired:
        best = {EMERGENCY: "emergency", CRISIS_LEXICON: "crisis"}[whole.level]
        reasons.extend(whole.matched)
    windows = _window_parts(sentences, normalised, data, masked)
    everything: set[str] = set().union(*windows) if windows else set()
    for found in windows:
        if model_urgent:
            found = found | {MODEL_URGENT}
        level, combination = level_of(found, data.rules)
        if level and _more_urgent(level, best):
            best = level
        if combination and combination not in reasons:
            reasons.append(combination)
        beside = crisis_beside(level, found, data.rules)
        if beside and beside not in reasons:
            reasons.append(beside)
    return best, reasons, everything


def crisis_beside(level: Optional[str], found: set[str], rules: RiskRules) -> Optional[str]:
    """The id of a crisis combination that also holds in a window whose level is more urgent than
    crisis (emergency, medical), else None. B22/B23: "she is locked in the bathroom and says she is
    going to cut" was emergency by its window alone, and the crisis it also told was lost, so the
    reply had 999 and no crisis lines; the crisis id among the reasons lets the dialogue give both
    (bot/rasa_plugins/safety_net.has_crisis_cue)."""
    if level is None or not _more_urgent(level, "crisis"):
        return None
    combinations = rules.combinations
    for index in rules.could_hold(found):  # in file order, less the ones that cannot hold
        combination = combinations[index]
        if combination.level == "crisis" and combination.holds(found):
            return combination.id
    return None


def told_as_over(parts: set[str] | frozenset[str], rules: RiskRules) -> bool:
    """True when the message says both when it happened (days, weeks or years ago) and that it is
    over now (`resolved_now`), and no part that stops `resolved_now` counting (someone here, coming
    back, now, tonight) is found anywhere in it."""
    if RESOLVED_NOW not in parts or not TIME_BEFORE & parts:
        return False
    now = next((part.unless for part in rules.parts if part.name == RESOLVED_NOW), frozenset())
    return not now & parts


def told_as_habit_or_before_now(
    parts: set[str] | frozenset[str], rules: RiskRules, settings: Settings
) -> bool:
    """True when the message tells harm as a habit, a history or done before now (one of
    settings.told_before_now_parts, whose own `unless` parts are found nowhere in the message), and
    nothing in it says now, here, coming, a threat or fear (settings.still_urgent_parts), and it
    has no medical cue (settings.medical_parts): then the classifier alone does not make it a
    danger check (C15: ongoing abuse is a disclosure, with 999 only if it is happening now)."""
    told = settings.told_before_now_parts & parts
    if not told or settings.still_urgent_parts & parts or settings.medical_parts & parts:
        return False
    return any(part.name in told and not part.unless & parts for part in rules.parts)


def bump_with_signs_denied(parts: set[str] | frozenset[str], settings: Settings) -> bool:
    """True when the message tells of a knock or a fall (settings.bump_parts) with the warning signs
    said to be absent (settings.signs_denied_parts: "no headache, not sick", "playing normally"),
    no medical cue beyond the knock itself (settings.medical_parts: no symptom, nothing taken) and
    nothing that says now, here or a threat (settings.still_urgent_parts): then the classifier
    alone does not make it an ambulance or a danger check (B21)."""
    return bool(
        settings.signs_denied_parts & parts
        and settings.bump_parts & parts
        and (settings.medical_parts & parts) <= settings.bump_parts
        and not settings.still_urgent_parts & parts
    )


def _second_readings(
    text: str, normalised: str, sentences: list[str], data: RiskData
) -> list[tuple[str, list[str]]]:
    """Other readings of the message as (normalised text, sentence forms): the same words with
    misspellings put right (data.speller), and a Nigerian Pidgin or Jamaican Patois message put
    into English (data.creole, data/safety/creole_words.yml, B16); only those that differ."""
    readings = []
    if data.speller is not None:
        corrected = data.speller.correct(normalised)
        if corrected != normalised:
            readings.append((corrected, [data.speller.correct(s) for s in sentences]))
    english = data.creole.read_as_english(text) if data.creole is not None else None
    if english:
        folded = normalise(english)
        readings.append((folded, _sentence_forms(english, folded)))
    return readings


def _more_urgent(level: Optional[str], than: Optional[str]) -> bool:
    return level is not None and (than is None or _RANK[level] < _RANK[than])


def classifier_level(flags: set[str], parts: set[str] | frozenset[str], settings: Settings) -> Optional[str]:
    """The level the classifier's flags stand for: emergency_or_medical -> medical with a medical
    cue among the words' parts (settings.medical_parts; and no calm_medical), else check; crisis ->
    crisis; the more urgent of the two. A silence part ("not answering") is no medical cue in a
    message with a goodbye part ("thank you for trying ... now she is not answering": unreachable,
    a crisis told by the one left behind, not someone unconscious beside them: issue 12m)."""
    levels = []
    if EMERGENCY_OR_MEDICAL in flags:
        cues = settings.medical_parts & parts
        if settings.goodbye_parts & parts:
            cues = cues - settings.silence_parts
        if SICK_AS_FEELING in parts or NAUSEA_ALONE in parts:
            cues = cues - {SYMPTOM}  # C19/C20: "I feel sick" as a feeling, or nausea alone, is no sign
        medical = bool(cues) and CALM_MEDICAL not in parts
        levels.append("medical" if medical else "check")
    if CRISIS in flags:
        levels.append("crisis")
    return min(levels, key=_RANK.__getitem__) if levels else None


def classifier_windows(sentences: list[str], normalised: str) -> list[str]:
    """What the classifier reads: the whole normalised message when it is short (at most
    WHOLE_MESSAGE_SENTENCES sentences and WHOLE_MESSAGE_CHARS characters), else each sentence and
    each pair of neighbouring sentences, so an urgent sentence buried in a long message is read
    on its own."""
    if len(sentences) <= WHOLE_MESSAGE_SENTENCES and len(normalised) <= WHOLE_MESSAGE_CHARS:
        return [normalised] if normalised else []
    pairs = [f"{a} {b}" for a, b in zip(sentences, sentences[1:])]
    return [window for window in sentences + pairs if window]


def classifier_flags(
    classifier: UrgencyClassifier,
    sentences: list[str],
    normalised: str,
    lexicon: Optional[Lexicon] = None,
    subjects: tuple[re.Pattern, ...] = (),
) -> set[str]:
    """The classifier's labels flagged in any window of the message. With `lexicon`, a label
    counts only if it is also flagged once not_danger.yml's idioms are blanked out (B17: "phone on
    3% gonna die" read as crisis 0.96 on "going to die", an idiom the word classes already mask;
    the rest of the message is still read, so an urgent sentence beside an idiom keeps its flag).
    `subjects` (the patterns of urgency_classifier.yml's subject_parts found in the message) are
    blanked out the same way (B23: "the tallest bridge in london" asked for geography)."""
    flags = _flags_in(classifier, classifier_windows(sentences, normalised))
    if flags and (lexicon is not None or subjects):
        blanked = idioms_blanked(normalised, lexicon, subjects)
        if blanked != normalised:
            forms = (
                [idioms_blanked(s, lexicon, subjects) for s in sentences] if len(sentences) > 1 else [blanked]
            )
            flags &= _flags_in(classifier, classifier_windows([s for s in forms if s], blanked))
    return flags


def idioms_blanked(normalised: str, lexicon: Optional[Lexicon], subjects: tuple[re.Pattern, ...] = ()) -> str:
    """`normalised` with not_danger.yml's idioms (and any `subjects` patterns) taken out (no mark
    left where they were). The subjects are taken out before the idioms too: a part read on the
    words as typed (`before_masks`, B26's parent_says_outside: "mum is here to get me, she is
    outside in the car") may no longer match once an idiom inside it is blanked. The other order
    is tried as well, and the reading that takes out more words wins: an idiom may need words a
    subject takes out (B26: not_danger's "she will not be here by then" needs its reason, "because
    she is at uni", which away_for_a_reason takes out)."""
    readings = []
    for subjects_first in (True, False):
        masked = normalised
        if subjects_first:
            for pattern in subjects:
                masked = pattern.sub(" # ", masked)
        masked = blank_idioms(masked, lexicon) if lexicon is not None else masked
        for pattern in subjects:
            masked = pattern.sub(" # ", masked)
        readings.append(" ".join(masked.replace("#", " ").split()))
        if not subjects:
            break
    blanked = min(readings, key=lambda reading: len(reading.split()))
    return normalised if blanked == " ".join(normalised.split()) else blanked


def _flags_in(classifier: UrgencyClassifier, windows: list[str]) -> set[str]:
    flags: set[str] = set()
    for window in windows:
        flags.update(classifier.flags(window))
        if len(flags) == 2:
            break
    return flags


def _sentence_forms(text: str, normalised: str) -> list[str]:
    """The normal form of each sentence (one sentence: the whole message's, already made)."""
    sentences = split_sentences(text)
    if len(sentences) == 1:
        return [normalised]
    return [normalise(sentence) for sentence in sentences]


def _window_parts(
    sentences: list[str], normalised: str, data: RiskData, masked_whole: Optional[str] = None
) -> list[set[str]]:
    """Parts of each sentence, then of each pair of neighbouring sentences, then the message-scope
    parts of the whole message (a window of its own). `masked_whole`: blank_idioms(normalised),
    when the caller has it already."""
    if masked_whole is None:
        masked_whole = blank_idioms(normalised, data.lexicon)
    screen = data.rules.screen
    whole_candidates: Optional[set[int]] = None
    per_sentence = []
    inside = _sentences_inside_masks(sentences, normalised, data.lexicon)
    for index, words in enumerate(sentences):
        if index in inside:
            continue  # B24: blanked with the sentence after it ("someone is at my door!! nvm its my nan")
        if words == normalised:
            # a one-sentence message: its sentence is the whole message, blanked and screened once
            # (issue 17: the same text was blanked and screened two or three times)
            masked = masked_whole
            if whole_candidates is None:
                whole_candidates = screen.candidates(masked_whole)
            screened = whole_candidates
        else:
            masked, screened = blank_idioms(words, data.lexicon), None
        if masked.strip(" #"):
            per_sentence.append(parts_in(words, masked, data.rules, in_masked=screened))
    pairs = [a | b for a, b in zip(per_sentence, per_sentence[1:])]
    masked = masked_whole  # once: it used to be redone for every part
    candidates = whole_candidates if whole_candidates is not None else screen.candidates(masked)
    parts = data.rules.parts
    whole = {
        parts[index].name
        for index in candidates
        if parts[index].whole_message and parts[index].regex.search(masked)
    }
    windows = per_sentence + pairs + ([whole] if whole else [])
    overridden = data.rules.overridden
    if not overridden:
        return windows
    return [_without_overridden(window, overridden) for window in windows]


def _sentences_inside_masks(sentences: list[str], normalised: str, lexicon: Lexicon) -> set[int]:
    """Indexes of the sentences a not_danger.yml span of the whole message covers entirely while
    reaching beyond them (B24: "someone is knocking on my door!! nvm its my nan haha": the worry
    and its answer are one span, so the worry's sentence is not read alone as someone near). A
    sentence whose normal form is not found in the whole message's is left as it is."""
    if len(sentences) < 2:
        return set()
    candidates = lexicon.mask_screen.candidates(normalised)
    spans = [
        match.span()
        for index, mask in enumerate(lexicon.masks)
        if index in candidates
        for match in mask.regex.finditer(normalised)
    ]
    if not spans:
        return set()
    inside, position = set(), 0
    for index, words in enumerate(sentences):
        start = normalised.find(words, position) if words else -1
        if start < 0:
            continue
        end = position = start + len(words)
        if any(a <= start and end <= b and b - a > end - start for a, b in spans):
            inside.add(index)
    return inside


def _without_overridden(found: set[str], overridden: tuple[tuple[str, frozenset[str]], ...]) -> set[str]:
    """`found` less the parts an `unless` part in the same window cancels ("last week" does not
    calm a window that also says "hes outside now")."""
    for name, unless in overridden:
        if name in found and unless & found:
            found = found - {name}
    return found


def main(argv: list[str]) -> int:
    for text in argv:
        assessment = assess_risk(text)
        print(f"{assessment.level or 'none'}\treasons: {' '.join(assessment.reasons) or '-'}")
        print(f"\tparts: {' '.join(sorted(assessment.parts)) or '-'}\t[{normalise(text)}]")
        classifier = default_risk_data().classifier
        for window in classifier_windows(_sentence_forms(text, normalise(text)), normalise(text)):
            p = classifier.probabilities(window)
            print("\tclassifier: " + " ".join(f"{k} {v:.2f}" for k, v in p.items()) + f"\t[{window[:60]}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
