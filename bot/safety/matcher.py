"""assess(text): does this message need the emergency or crisis path, by the lexicon alone?

The verdict carries the level and the ids of the rules that fired, never the message text, so it
is safe to log and to store in the tracker. Emergency outranks crisis.

    .venv/bin/python -m bot.safety.matcher "he's outside my house"   # for lexicon editors
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from bot.safety.lexicon import DEFAULT_DIR, Lexicon, load_lexicon
from bot.safety.normalise import normalise

EMERGENCY, CRISIS = "emergency", "crisis"
_MASK = " # "  # not a word character, so no phrase can match across a blanked span


@dataclass(frozen=True)
class SafetyVerdict:
    level: Optional[str]  # "emergency" | "crisis" | None
    matched: tuple[str, ...] = ()  # rule ids such as "emergency.weapon"

    @property
    def fired(self) -> bool:
        return self.level is not None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon(DEFAULT_DIR)


def assess(text: str, lexicon: Optional[Lexicon] = None) -> SafetyVerdict:
    return assess_normalised(normalise(text), lexicon or default_lexicon())


def assess_normalised(words: str, lexicon: Lexicon, blanked: Optional[str] = None) -> SafetyVerdict:
    """Lexicon verdict on an already normalised message (str): idioms blanked, then every
    emergency and crisis rule that could match (bot.safety.literal_screen) is searched.
    `blanked`: blank_idioms(words, lexicon), when the caller has it already (the risk stage
    blanks each reading once and reads the blanked text several times)."""
    words = blank_idioms(words, lexicon) if blanked is None else blanked
    emergency = _matching(lexicon.emergency, lexicon.emergency_screen.candidates(words), words)
    crisis = _matching(lexicon.crisis, lexicon.crisis_screen.candidates(words), words)
    level = EMERGENCY if emergency else CRISIS if crisis else None
    return SafetyVerdict(level=level, matched=emergency + crisis)


def blank_idioms(words: str, lexicon: Lexicon) -> str:
    """`words` (normalised) with every not_danger.yml span replaced by " # ", masks applied in
    file order. Only masks whose literals occur are run; after a mask changes the text the
    candidates are read again, so a later mask sees exactly the text it would have seen."""
    candidates = lexicon.mask_screen.candidates(words)
    for index, mask in enumerate(lexicon.masks):
        if index in candidates:
            blanked = mask.regex.sub(_MASK, words)
            if blanked != words:
                words = blanked
                candidates = lexicon.mask_screen.candidates(words)
    return words


def _matching(rules, candidates: set[int], words: str) -> tuple[str, ...]:
    return tuple(
        rule.id for index, rule in enumerate(rules) if index in candidates and rule.regex.search(words)
    )


def main(argv: list[str]) -> int:
    for text in argv:
        verdict = assess(text)
        print(f"{verdict.level or 'none'}\t{' '.join(verdict.matched)}\t[{normalise(text)}]")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
