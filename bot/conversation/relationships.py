"""Whether a young person's message is about abuse in their own relationship (a partner of about
their age), from data/conversation/relationships.yml (patterns an administrator can extend).

    is_relationship_abuse(text) -> bool   names the writer's own partner, nothing shows the
                                          partner is an adult (then it is grooming), and it shows
                                          harm (or the model already read a disclosure)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import REPO_ROOT
from bot.conversation.pattern_files import compile_patterns, followed, plain_quotes

DEFAULT_FILE = REPO_ROOT / "data" / "conversation" / "relationships.yml"
KEYS = ("partner", "adult_partner", "harm")


@dataclass(frozen=True)
class RelationshipPatterns:
    partner: tuple[re.Pattern, ...]
    adult_partner: tuple[re.Pattern, ...]
    harm: tuple[re.Pattern, ...]


def load_patterns(path: Path = DEFAULT_FILE) -> RelationshipPatterns:
    """The file's patterns, compiled. ValueError names the key when one is missing, empty or not a
    valid regular expression."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    compiled = {}
    for key in KEYS:
        compiled[key] = compile_patterns(data.get(key), f"{path}: {key}")
    return RelationshipPatterns(**compiled)


def current_patterns(path: Path = DEFAULT_FILE) -> RelationshipPatterns:
    """load_patterns, following an administrator's edit (bot.conversation.pattern_files.followed)."""
    return followed(path, load_patterns)


def _matches(text: str | None, compiled: tuple[re.Pattern, ...]) -> bool:
    clean = plain_quotes(text)
    return any(p.search(clean) for p in compiled)


def has_partner(text: str | None, patterns: RelationshipPatterns | None = None) -> bool:
    """True when the message names the writer's own partner ("my bf", "the guy I'm seeing")."""
    return _matches(text, (patterns or current_patterns()).partner)


def names_an_adult(text: str | None, patterns: RelationshipPatterns | None = None) -> bool:
    """True when the message shows the person is an adult ("he's 22", "older", "a man")."""
    return _matches(text, (patterns or current_patterns()).adult_partner)


def is_relationship_abuse(
    text: str | None, patterns: RelationshipPatterns | None = None, abuse_known: bool = False
) -> bool:
    """True when the message names the writer's own partner, nothing in it shows the partner is
    an adult, and it shows harm (control, threats, hurting, pressure), unless abuse_known: the
    model already read a disclosure."""
    patterns = patterns or current_patterns()
    return (
        has_partner(text, patterns)
        and not names_an_adult(text, patterns)
        and (abuse_known or _matches(text, patterns.harm))
    )
