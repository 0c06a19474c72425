"""Who is writing (a young person, or a trusted adult: school staff and other adults in a role
with children, or a parent or carer) and which situation a trusted adult describes.

Pure functions over data/conversation/trusted_adults.yml (word patterns an administrator can
extend); read by the TrustedAdultSpeaker NLU component (the `speaker` entity) and by
TrustedAdultPolicy (which guidance response answers the turn). Issue 13: adults are recognised
from how they write, never answered as the victim, and answered for their situation; a writer who
is the safeguarding lead (the DSL, a club's welfare officer) is never told to tell the DSL (C9).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import yaml

from bot import REPO_ROOT
from bot.conversation.forced_marriage import is_forced_marriage
from bot.conversation.pattern_files import compile_patterns, followed, plain_quotes
from bot.conversation.turn_memo import remembered

DEFAULT_FILE = REPO_ROOT / "data" / "conversation" / "trusted_adults.yml"
SPEAKERS = ("staff", "parent_carer")
# forced_marriage is read from data/conversation/forced_marriage.yml (the young person's topic and
# the adult's situation share its patterns); the others from this file's `situations`
FORCED_MARRIAGE = "forced_marriage"
# C17: the writer's own child is the one accused of harmful sexual behaviour ("my son's school rang
# saying he's been involved in harmful sexual behaviour"): not the replies for a parent of a child
# who was harmed ("It's not your child's fault", Report Remove)
HARMFUL_BEHAVIOUR = "harmful_behaviour"
SITUATIONS = (
    FORCED_MARRIAGE,
    HARMFUL_BEHAVIOUR,
    "sextortion",
    "recent_assault",
    "staff_allegation",
    "image_nudes",
    "exploitation",
    "harassment",
    "disclosure",
)
GENERAL = "general"


@dataclass(frozen=True)
class TrustedAdultPatterns:
    speakers: dict[str, tuple[re.Pattern, ...]]  # speaker -> patterns, in SPEAKERS order
    situations: dict[str, tuple[re.Pattern, ...]]  # situation -> patterns, in file order
    leads: tuple[re.Pattern, ...] = ()  # the writer says they are the safeguarding lead
    # C10: a child's care or communication told in the third person ("he's non-verbal", "after her
    # respite weekend"): an adult in a role, unless the message also has a young person's own words
    # about the child (`young_persons_words`: "my little brother", "my friend")
    shown_by_care: dict[str, tuple[re.Pattern, ...]] = field(default_factory=dict)
    young_persons_words: tuple[re.Pattern, ...] = ()
    # C13: words that name a telling without saying what was told ("one of my boxers told me
    # something", "guidance about a disclosure", "can a child who doesn't talk make a disclosure?"):
    # taken out before the situations are read, so an opener shows no situation and the telling
    # itself, next, gets its own guidance (not "the steps above still apply")
    openers: tuple[re.Pattern, ...] = ()
    # C17: a situation told earlier in the conversation that later messages' kinds do not replace
    # (`keeps_over`: the accused child's parent telling what the other child says he did, "asking
    # her for pics", "grabbed her", reads as the image or harassment kinds of a parent whose child
    # was harmed); and situations in which the risk stage's `check` does not lead with 999
    # (`no_danger_check_first`: the writer's own child is the one accused, nobody is in danger now)
    keeps_over: dict[str, frozenset[str]] = field(default_factory=dict)
    no_danger_check_first: frozenset[str] = frozenset()
    # C22: an employer or business owner writing about their young worker ("I own a cafe", "one
    # of my waitresses is 16"): a trusted adult (`staff`) with no DSL to tell
    employers: tuple[re.Pattern, ...] = ()


def load_patterns(path: Path = DEFAULT_FILE) -> TrustedAdultPatterns:
    """The file's patterns, compiled. ValueError names the key when a speaker or situation is
    missing, unknown or not a valid regular expression."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    speakers, situations = data.get("speakers") or {}, data.get("situations") or {}
    if set(speakers) != set(SPEAKERS):
        raise ValueError(f"{path}: speakers must be exactly {', '.join(SPEAKERS)}")
    own = [s for s in SITUATIONS if s != FORCED_MARRIAGE]
    if set(situations) != set(own):
        raise ValueError(f"{path}: situations must be exactly {', '.join(own)}")
    return TrustedAdultPatterns(
        speakers={s: compile_patterns(speakers[s], f"{path}: speakers.{s}") for s in SPEAKERS},
        situations={s: compile_patterns(v, f"{path}: situations.{s}") for s, v in situations.items()},
        leads=compile_patterns(data["safeguarding_leads"], f"{path}: safeguarding_leads")
        if "safeguarding_leads" in data
        else (),
        shown_by_care={
            s: compile_patterns(v, f"{path}: shown_by_care.{s}")
            for s, v in (data.get("shown_by_care") or {}).items()
            if _known_speaker(s, path)
        },
        young_persons_words=compile_patterns(data["young_persons_words"], f"{path}: young_persons_words")
        if "young_persons_words" in data
        else (),
        openers=compile_patterns(data["openers"], f"{path}: openers") if "openers" in data else (),
        keeps_over=_keeps_over(data.get("keeps_over") or {}, path),
        no_danger_check_first=frozenset(_known_situations(data.get("no_danger_check_first") or [], path)),
        employers=compile_patterns(data["employers"], f"{path}: employers") if "employers" in data else (),
    )


def _known_situations(names, path: Path) -> list[str]:
    unknown = [n for n in names if n not in SITUATIONS]
    if not isinstance(names, list) or unknown:
        raise ValueError(f"{path}: unknown situations {unknown} (situations: {', '.join(SITUATIONS)})")
    return names


def _keeps_over(data, path: Path) -> dict[str, frozenset[str]]:
    if not isinstance(data, dict):
        raise ValueError(f"{path}: keeps_over maps a situation to the situations it keeps over")
    return {
        situation: frozenset(_known_situations(over, path))
        for situation, over in data.items()
        if _known_situations([situation], path)
    }


def _known_speaker(speaker: str, path: Path) -> bool:
    if speaker not in SPEAKERS:
        raise ValueError(f"{path}: shown_by_care.{speaker} is not one of {', '.join(SPEAKERS)}")
    return True


def current_patterns(path: Path = DEFAULT_FILE) -> TrustedAdultPatterns:
    """load_patterns, following an administrator's edit (bot.conversation.pattern_files.followed)."""
    return followed(path, load_patterns)


def speaker_of(text: str | None, patterns: TrustedAdultPatterns | None = None) -> str | None:
    """ "staff" or "parent_carer" when the message shows the writer is that kind of trusted adult
    ("I'm a TA", "one of my players", "my daughter is 14"), else None. Staff wins when both show
    (a teacher writing about a pupil may also mention their own child). A child's care told in the
    third person ("she signs", "his respite carer") counts only without a young person's own words
    about the child ("my little sister signs") in the same message. An employer writing about
    their young worker ("I run a restaurant", "our Saturday girl is 16") is staff (C22)."""
    patterns = patterns or current_patterns()
    clean = plain_quotes(text)
    for speaker in SPEAKERS:
        if any(p.search(clean) for p in patterns.speakers[speaker]):
            return speaker
    if any(p.search(clean) for p in patterns.employers):
        return "staff"
    if any(p.search(clean) for p in patterns.young_persons_words):
        return None
    for speaker in SPEAKERS:
        if any(p.search(clean) for p in patterns.shown_by_care.get(speaker, ())):
            return speaker
    return None


def situation_of(texts_newest_first: Iterable[str], patterns: TrustedAdultPatterns | None = None) -> str:
    """The situation of the newest message that shows one (forced marriage first, then the kinds in
    the file's order), or
    "general". Texts: the adult's own messages, newest first. Words that only name a telling
    (`openers`: "told me something", "about a disclosure") show no situation on their own."""
    if patterns is None:  # the file's patterns: each message's situation read once per message handled
        patterns = current_patterns()
        shown = [
            remembered(("situation_of", text), lambda text=text: _situation_of_one(text, patterns))
            for text in texts_newest_first
        ]
    else:
        shown = [_situation_of_one(text, patterns) for text in texts_newest_first]
    newest = next((s for s in shown if s != GENERAL), GENERAL)
    for situation, over in patterns.keeps_over.items():
        # C17: told earlier, it stays the conversation's situation while later messages show
        # only the kinds it keeps over
        if situation in shown and (newest in over or newest == situation):
            return situation
    return newest


def _situation_of_one(text: str, patterns: TrustedAdultPatterns) -> str:
    clean = plain_quotes(text)
    for opener in patterns.openers:
        clean = opener.sub(" ", clean)
    if is_forced_marriage(clean):
        return FORCED_MARRIAGE  # C15: "taken back home over half-term to get engaged"
    for situation, compiled in patterns.situations.items():
        if any(p.search(clean) for p in compiled):
            return situation
    return GENERAL


def staff_role(speaker: str | None, texts: Iterable[str]) -> tuple[bool, bool]:
    """(lead, employer) for a trusted adult whose messages are `texts`: staff who say they are the
    safeguarding lead (writes_as_lead), else staff who employ the young person (writes_as_employer);
    both False for anyone else. The lead's reading wins, as in every answer chosen from them."""
    if speaker != "staff":
        return False, False
    texts = list(texts)
    if writes_as_lead(texts):
        return True, False
    return False, writes_as_employer(texts)


def writes_as_employer(texts: Iterable[str], patterns: TrustedAdultPatterns | None = None) -> bool:
    """True when any of the adult's messages says they employ the young person ("I own a cafe",
    "as her manager", "one of my waitresses is 16"; `employers`): no DSL to tell, so their
    guidance and answers are those of someone who acts themselves: the police, the children's
    services where the young person lives, the NSPCC Helpline (C22's first run)."""
    patterns = patterns or current_patterns()
    return any(p.search(plain_quotes(text)) for text in texts if text for p in patterns.employers)


def writes_as_lead(texts: Iterable[str], patterns: TrustedAdultPatterns | None = None) -> bool:
    """True when any of the adult's messages says they are the safeguarding lead ("DSL here", "I'm
    the deputy DSL", "as the club's welfare officer"): their route is the children's services
    front door, the LADO and the police, not "tell your DSL" (C9's first run)."""
    patterns = patterns or current_patterns()
    return any(p.search(plain_quotes(text)) for text in texts if text for p in patterns.leads)
