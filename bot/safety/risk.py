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
   more.
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

from bot.safety.language import is_not_english
from bot.safety.lexicon import DEFAULT_DIR, Lexicon, load_lexicon
from bot.safety.matcher import CRISIS, EMERGENCY, assess_normalised
from bot.safety.normalise import normalise
from bot.safety.risk_rules import LEVELS, MODEL_URGENT, RiskRules, load_risk_rules

_MASK = " # "
_SENTENCE_END = re.compile(r"[.!?;\n\u2026]+|\s[-\u2013\u2014]+\s")
_COMMA = re.compile(r",")
LONG_SENTENCE_CHARS = 160  # a run-on sentence longer than this is also split at its commas
_RANK = {level: index for index, level in enumerate(LEVELS)}


@dataclass(frozen=True)
class RiskData:
    """Everything the risk stage reads from data/safety/ (reloaded together on edit)."""
    lexicon: Lexicon
    rules: RiskRules


def load_risk_data(directory: Path | str = DEFAULT_DIR) -> RiskData:
    """Lexicon + parts + levels from `directory`; raises LexiconError on a broken file."""
    return RiskData(lexicon=load_lexicon(directory), rules=load_risk_rules(directory))


@lru_cache(maxsize=1)
def default_risk_data() -> RiskData:
    return load_risk_data(DEFAULT_DIR)


@dataclass(frozen=True)
class RiskAssessment:
    level: Optional[str]            # one of LEVELS, or None
    reasons: tuple[str, ...] = ()   # lexicon rule ids ("emergency.weapon") and combination ids
    parts: frozenset[str] = frozenset()  # every part found anywhere in the message
    other_language: bool = False    # no level, and written in another language (bot.safety.language)

    @property
    def urgent(self) -> bool:
        """True for the levels whose reply carries an urgency marker."""
        return self.level is not None

    def to_dict(self) -> dict:
        return {"level": self.level, "reasons": list(self.reasons), "parts": sorted(self.parts),
                "other_language": self.other_language}


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


def parts_in(words: str, masked: str, rules: RiskRules, whole_message: bool = False) -> set[str]:
    """Names of the parts found in one normalised sentence (`words`) and the same sentence with
    not_danger.yml's idioms blanked out (`masked`). Message-scope parts count only when
    `whole_message` is true (the window is the whole message)."""
    return {part.name for part in rules.parts
            if (whole_message or not part.whole_message)
            and part.regex.search(words if part.before_masks else masked)}


def level_of(found: set[str], rules: RiskRules) -> tuple[Optional[str], Optional[str]]:
    """(level, combination id) of the most urgent combination that holds for `found`."""
    for combination in rules.combinations:  # already in LEVELS order
        if combination.holds(found):
            return combination.level, combination.id
    return None, None


def assess_risk(text: str, data: Optional[RiskData] = None,
                model_urgent_probability: float = 0.0, check_language: bool = True) -> RiskAssessment:
    """Risk level of one message.

    text: the user's message as typed (any length; str). data: lexicon and rules (default: the
    files in data/safety/). model_urgent_probability: the NLU model's summed confidence for the
    urgent intents, 0..1 (0 when there is no model). check_language: when no level is found, also
    decide whether the message is in another language (`other_language`). Never raises on a str."""
    data = data or default_risk_data()
    rules = data.rules
    best: Optional[str] = None
    reasons: list[str] = []
    normalised = normalise(text)
    whole = assess_normalised(normalised, data.lexicon)
    if whole.fired:
        best = {EMERGENCY: "emergency", CRISIS: "crisis"}[whole.level]
        reasons.extend(whole.matched)
    windows = _window_parts(text, normalised, data)
    everything: set[str] = set().union(*windows) if windows else set()
    model_urgent = model_urgent_probability >= rules.model_urgent_threshold
    for found in windows:
        if model_urgent:
            found = found | {MODEL_URGENT}
        level, combination = level_of(found, rules)
        if level and (best is None or _RANK[level] < _RANK[best]):
            best = level
        if combination and combination not in reasons:
            reasons.append(combination)
    if model_urgent:
        everything.add(MODEL_URGENT)
    other = bool(check_language and best is None and not text.lstrip().startswith("/")
                 and is_not_english(text, normalised))
    return RiskAssessment(level=best, reasons=tuple(reasons), parts=frozenset(everything),
                          other_language=other)


def _window_parts(text: str, normalised: str, data: RiskData) -> list[set[str]]:
    """Parts of each sentence, then of each pair of neighbouring sentences, then the message-scope
    parts of the whole message (a window of its own)."""
    per_sentence = []
    sentences = split_sentences(text)
    for sentence in sentences:
        # one sentence (most messages): its normal form is the whole message's, already made
        words = normalised if len(sentences) == 1 else normalise(sentence)
        masked = _masked(words, data.lexicon)
        if masked.strip(" #"):
            per_sentence.append(parts_in(words, masked, data.rules))
    pairs = [a | b for a, b in zip(per_sentence, per_sentence[1:])]
    whole = {part.name for part in data.rules.parts
             if part.whole_message and part.regex.search(_masked(normalised, data.lexicon))}
    return per_sentence + pairs + ([whole] if whole else [])


def _masked(words: str, lexicon: Lexicon) -> str:
    for mask in lexicon.masks:
        words = mask.regex.sub(_MASK, words)
    return words


def main(argv: list[str]) -> int:
    for text in argv:
        assessment = assess_risk(text)
        print(f"{assessment.level or 'none'}\treasons: {' '.join(assessment.reasons) or '-'}")
        print(f"\tparts: {' '.join(sorted(assessment.parts)) or '-'}\t[{normalise(text)}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
