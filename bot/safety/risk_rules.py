"""Load and validate the risk stage's word classes (data/safety/parts.yml) and how they combine
into levels (data/safety/levels.yml). Admin-edited YAML, checked like the lexicon: every mistake
is a LexiconError naming the file and the part or combination, so a broken edit is refused as a
whole and the running bot keeps its last good rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from bot.safety.literal_screen import LiteralScreen
from bot.safety.lexicon import DEFAULT_DIR, GROUPS_FILE, LexiconError, _load_groups, _patterns, _read_yaml

PARTS_FILE, LEVELS_FILE = "parts.yml", "levels.yml"
# most urgent first: the order of precedence when several levels are found
LEVELS = ("emergency", "medical", "crisis", "recent_assault", "check")
# set by the risk stage from the NLU model's ranking, not from words
MODEL_URGENT = "model_urgent"
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_COMBINATION_KEYS = {"id", "all", "any", "none"}
_PART_KEYS = {"note", "patterns", "before_masks", "scope", "unless"}


@dataclass(frozen=True)
class Part:
    name: str
    regex: re.Pattern
    # calm and past cues are looked for before not_danger.yml blanks idioms out ("crying laughing"
    # is masked as an idiom, yet it is exactly what makes "i can't breathe" calm)
    before_masks: bool = False
    # matched on the whole message only, never on one sentence of it ("help" alone)
    whole_message: bool = False
    # the part does not count in a window where one of these parts is found: "last saturday"
    # calms "he followed me home", not "he followed me last saturday and now hes outside"
    unless: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Combination:
    id: str  # "<level>.<id>": what a verdict reports (never the message text)
    level: str
    all: frozenset[str]
    any: frozenset[str]
    none: frozenset[str]

    def holds(self, found: set[str]) -> bool:
        """True when every `all` part, at least one `any` part (if any are listed) and no `none`
        part is in `found` (a set of part names)."""
        return self.all <= found and (not self.any or bool(self.any & found)) and not (self.none & found)


@dataclass(frozen=True)
class RiskRules:
    parts: tuple[Part, ...]
    combinations: tuple[Combination, ...]  # in LEVELS order, then file order
    model_urgent_threshold: float

    @cached_property
    def screen(self) -> LiteralScreen:
        """Which parts could match a text, found in one pass (bot/safety/literal_screen.py)."""
        return LiteralScreen([part.regex for part in self.parts])

    @cached_property
    def combinations_by_part(self) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
        """({part name: indexes of the combinations whose `all` names it}, indexes of the
        combinations with an empty `all`), read once: a combination holds only when every part of
        its `all` is found, so only the combinations indexed under a found part (and those with no
        `all`) can hold, and level_of tries those alone, in the same order (issue 17: trying all
        ~250 combinations for every window was a tenth of the risk stage)."""
        by_part: dict[str, list[int]] = {}
        always = []
        for index, combination in enumerate(self.combinations):
            if not combination.all:
                always.append(index)
            for name in combination.all:
                by_part.setdefault(name, []).append(index)
        return {name: tuple(indexes) for name, indexes in by_part.items()}, tuple(always)

    def could_hold(self, found: set[str] | frozenset[str]) -> list[int]:
        """Indexes, in order, of the combinations that can hold for `found` (combinations_by_part):
        every combination that holds is among them."""
        by_part, always = self.combinations_by_part
        indexes = set(always)
        for name in found:
            indexes.update(by_part.get(name, ()))
        return sorted(indexes)

    def cues_of(self, level: str) -> frozenset[str]:
        """The part names a `level`'s combinations look for (their `all` and `any`, not `none`):
        the cues that speak for that level, e.g. means_object or not_eating for "crisis"."""
        cached = self.__dict__.setdefault("_cues", {})  # read once per level: policies ask every turn
        if level not in cached:
            cached[level] = frozenset(
                name for c in self.combinations if c.level == level for name in (*c.all, *c.any)
            )
        return cached[level]

    @property
    def overridden(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """(part name, the parts that cancel it) for every part with an `unless`, read once; a
        part comes after the parts of its `unless` that have an `unless` of their own, so a
        canceller that is itself cancelled in the window cancels nothing (C20: "last week he came
        in my room" is `earlier`, once the story cancels the `near_me` that would cancel it);
        otherwise in file order."""
        cached = self.__dict__.get("_overridden")
        if cached is None:
            unless = {part.name: part.unless for part in self.parts if part.unless}
            order: list[str] = []
            seen: set[str] = set()

            def visit(name: str) -> None:
                if name in seen:
                    return
                seen.add(name)
                for other in sorted(unless[name] & unless.keys(), key=list(unless).index):
                    visit(other)
                order.append(name)

            for name in unless:
                visit(name)
            cached = tuple((name, unless[name]) for name in order)
            object.__setattr__(self, "_overridden", cached)
        return cached


def load_risk_rules(directory: Path | str = DEFAULT_DIR) -> RiskRules:
    """Read parts.yml and levels.yml from `directory` (groups from groups.yml).

    Raises LexiconError (file and part/combination named) on any invalid entry, an unknown part
    name in a combination, an unknown level, or a part that fires on a neutral message."""
    directory = Path(directory)
    groups = _load_groups(directory / GROUPS_FILE)
    parts = _load_parts(directory / PARTS_FILE, groups)
    known = {part.name for part in parts} | {MODEL_URGENT}
    for part in parts:
        unknown = sorted(part.unless - known)
        if unknown:
            raise LexiconError(
                f"{directory / PARTS_FILE}: part {part.name!r}: `unless` names unknown part(s) {unknown}"
            )
    combinations, threshold = _load_levels(directory / LEVELS_FILE, known)
    return RiskRules(parts=parts, combinations=combinations, model_urgent_threshold=threshold)


def _load_parts(path: Path, groups: dict[str, str]) -> tuple[Part, ...]:
    data = _read_yaml(path)
    entries = data.get("parts")
    if set(data) - {"parts"} or not isinstance(entries, dict) or not entries:
        raise LexiconError(
            f"{path}: expected one top-level key `parts`, a mapping of name: {{note, patterns}}"
        )
    parts = []
    for name, entry in entries.items():
        where = f"{path}: part {name!r}"
        if not isinstance(name, str) or not _NAME.fullmatch(name) or name == MODEL_URGENT:
            raise LexiconError(f"{where}: name must be lowercase letters, digits and _ (not {MODEL_URGENT})")
        if not isinstance(entry, dict) or set(entry) - _PART_KEYS or not entry.get("patterns"):
            raise LexiconError(
                f"{where}: needs `note` and a non-empty `patterns` list; optional "
                f"`before_masks: true`, `scope: message` and `unless: [parts]`, nothing else"
            )
        if entry.get("scope", "sentence") not in ("sentence", "message"):
            raise LexiconError(f"{where}: scope must be `sentence` (default) or `message`")
        if not isinstance(entry.get("before_masks", False), bool):
            raise LexiconError(f"{where}: before_masks must be true or false")
        unless = entry.get("unless", [])
        if not isinstance(unless, list) or not all(isinstance(v, str) for v in unless):
            raise LexiconError(f"{where}: unless must be a list of part names")
        alternatives = _patterns(entry["patterns"], where, groups)
        parts.append(
            Part(
                name=name,
                regex=re.compile("|".join(alternatives)),
                before_masks=entry.get("before_masks", False),
                whole_message=entry.get("scope") == "message",
                unless=frozenset(unless),
            )
        )
    return tuple(parts)


def _load_levels(path: Path, known: set[str]) -> tuple[tuple[Combination, ...], float]:
    data = _read_yaml(path)
    if set(data) - {"levels", "model_urgent_threshold"}:
        raise LexiconError(
            f"{path}: unknown top-level key(s) {sorted(set(data) - {'levels', 'model_urgent_threshold'})}"
        )
    threshold = data.get("model_urgent_threshold", 0.5)
    if not isinstance(threshold, (int, float)) or not 0 < threshold <= 1:
        raise LexiconError(f"{path}: model_urgent_threshold must be a number in (0, 1]")
    levels = data.get("levels")
    if not isinstance(levels, dict) or not levels:
        raise LexiconError(f"{path}: `levels` must map a level to a list of combinations")
    unknown_levels = set(levels) - set(LEVELS)
    if unknown_levels:
        raise LexiconError(
            f"{path}: unknown level(s) {sorted(unknown_levels)}; levels are {', '.join(LEVELS)}"
        )
    combinations, seen = [], set()
    for level in LEVELS:
        for index, entry in enumerate(levels.get(level) or []):
            where = f"{path}: {level} combination #{index + 1}"
            if not isinstance(entry, dict) or set(entry) - _COMBINATION_KEYS or not entry.get("all"):
                raise LexiconError(f"{where}: needs `id` and `all`, optionally `any` and `none`")
            if not isinstance(entry.get("id"), str) or not _NAME.fullmatch(entry["id"]):
                raise LexiconError(f"{where}: id {entry.get('id')!r} must be lowercase letters, digits and _")
            full_id = f"{level}.{entry['id']}"
            if full_id in seen:
                raise LexiconError(f"{where}: duplicate id {entry['id']!r}")
            seen.add(full_id)
            names = {key: _part_names(entry.get(key), where, key, known) for key in ("all", "any", "none")}
            combinations.append(
                Combination(id=full_id, level=level, all=names["all"], any=names["any"], none=names["none"])
            )
    return tuple(combinations), float(threshold)


def _part_names(value, where: str, key: str, known: set[str]) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: `{key}` must be a list of part names")
    unknown = [v for v in value if v not in known]
    if unknown:
        raise LexiconError(f"{where}: `{key}` names unknown part(s) {unknown}; parts are in parts.yml")
    return frozenset(value)
