"""Load and validate the safety-net lexicon in data/safety/ (admin-edited YAML).

Every mistake an editor can make is reported as a LexiconError naming the file and rule, so a
broken edit is refused as a whole (the running bot then keeps its last good lexicon). A pattern
that would fire on every message (matches "" or "hello") is refused too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from bot.safety.literal_screen import LiteralScreen
from bot.safety.normalise import normalise

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "data" / "safety"
LEVEL_FILES = {"emergency": "emergency.yml", "crisis": "crisis.yml", "not_danger": "not_danger.yml"}
GROUPS_FILE = "groups.yml"
_ID = re.compile(r"[a-z][a-z0-9_]*")
_GROUP_REF = re.compile(r"\{([a-z_]+)\}")
_RULE_KEYS = {"id", "note", "phrases", "patterns"}
_NEUTRAL_PROBES = ("", "a", "hello", "ok thanks", "i am 14", "what is this")


class LexiconError(ValueError):
    """The lexicon cannot be used; the message says which file and rule, and why."""


@dataclass(frozen=True)
class Rule:
    id: str  # "<level>.<rule id>", the only thing about a match that is ever logged or returned
    regex: re.Pattern


@dataclass(frozen=True)
class Lexicon:
    emergency: tuple[Rule, ...]
    crisis: tuple[Rule, ...]
    masks: tuple[Rule, ...]  # not_danger spans, blanked out before the others run

    # which rules could match a text, found in one pass (bot/safety/literal_screen.py); built
    # once per loaded lexicon, on first use
    @cached_property
    def emergency_screen(self) -> LiteralScreen:
        return LiteralScreen([rule.regex for rule in self.emergency])

    @cached_property
    def crisis_screen(self) -> LiteralScreen:
        return LiteralScreen([rule.regex for rule in self.crisis])

    @cached_property
    def mask_screen(self) -> LiteralScreen:
        return LiteralScreen([rule.regex for rule in self.masks])


def load_lexicon(directory: Path | str = DEFAULT_DIR) -> Lexicon:
    directory = Path(directory)
    groups = _load_groups(directory / GROUPS_FILE)
    levels = {}
    for level, filename in LEVEL_FILES.items():
        path = directory / filename
        if not path.exists() and level == "not_danger":
            levels[level] = ()
            continue
        levels[level] = _load_level(path, level, groups)
    return Lexicon(emergency=levels["emergency"], crisis=levels["crisis"], masks=levels["not_danger"])


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise LexiconError(f"{path}: file is missing") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise LexiconError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a mapping at the top of the file")
    return data


def _load_groups(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    groups = _read_yaml(path).get("groups") or {}
    if not isinstance(groups, dict):
        raise LexiconError(f"{path}: `groups` must be a mapping of name: a|b|c")
    for name, value in groups.items():
        if not isinstance(name, str) or not re.fullmatch(r"[a-z_]+", name):
            raise LexiconError(f"{path}: group name {name!r} must be lowercase letters and _")
        if not isinstance(value, str) or not value.strip():
            raise LexiconError(f"{path}: group {name!r} must be a non-empty string")
        try:
            re.compile(value)
        except re.error as error:
            raise LexiconError(f"{path}: group {name!r} is not a valid regex: {error}") from None
    return {name: value.strip() for name, value in groups.items()}


def _load_level(path: Path, level: str, groups: dict[str, str]) -> tuple[Rule, ...]:
    data = _read_yaml(path)
    extra = set(data) - {"level", "rules"}
    if extra:
        raise LexiconError(f"{path}: unknown top-level key(s) {sorted(extra)}; expected level, rules")
    if data.get("level") != level:
        raise LexiconError(f"{path}: `level` must be {level!r}, found {data.get('level')!r}")
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        raise LexiconError(f"{path}: `rules` must be a non-empty list")
    seen: set[str] = set()
    compiled = []
    for index, rule in enumerate(rules):
        where = f"{path}: rule #{index + 1}"
        if not isinstance(rule, dict):
            raise LexiconError(f"{where}: must be a mapping with id, note, phrases/patterns")
        rule_id = rule.get("id")
        if not isinstance(rule_id, str) or not _ID.fullmatch(rule_id):
            raise LexiconError(f"{where}: id {rule_id!r} must be lowercase letters, digits and _")
        where = f"{path}: rule {rule_id!r}"
        if rule_id in seen:
            raise LexiconError(f"{where}: duplicate id")
        seen.add(rule_id)
        if set(rule) - _RULE_KEYS:
            raise LexiconError(f"{where}: unknown key(s) {sorted(set(rule) - _RULE_KEYS)}")
        alternatives = _phrases(rule.get("phrases"), where) + _patterns(rule.get("patterns"), where, groups)
        if not alternatives:
            raise LexiconError(f"{where}: needs at least one phrase or pattern")
        compiled.append(Rule(id=f"{level}.{rule_id}", regex=re.compile("|".join(alternatives))))
    return tuple(compiled)


def _string_list(value, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(f"{where}: `{key}` must be a list of non-empty strings (quote them)")
    return value


def _phrases(value, where: str) -> list[str]:
    out = []
    for phrase in _string_list(value, where, "phrases"):
        words = normalise(phrase)
        if not words:
            raise LexiconError(f"{where}: phrase {phrase!r} has no words once normalised")
        out.append(r"(?:\b" + re.escape(words) + r"\b)")
    return out


def _patterns(value, where: str, groups: dict[str, str]) -> list[str]:
    out = []
    for pattern in _string_list(value, where, "patterns"):

        def expand(match: re.Match) -> str:
            name = match.group(1)
            if name not in groups:
                raise LexiconError(f"{where}: pattern {pattern!r} uses unknown group {{{name}}}")
            return f"(?:{groups[name]})"

        source = _GROUP_REF.sub(expand, pattern)
        try:
            regex = re.compile(source)
        except re.error as error:
            raise LexiconError(f"{where}: pattern {pattern!r} is not a valid regex: {error}") from None
        if any(regex.search(probe) for probe in _NEUTRAL_PROBES):
            raise LexiconError(f"{where}: pattern {pattern!r} would fire on ordinary messages")
        out.append(f"(?:{source})")
    return out
