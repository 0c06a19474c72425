"""Which London borough does a message mean? Names, variants, misspellings and outward postcodes.

A full postcode ("SE15 4QN") is reduced to its district ("SE15") for the lookup; the full
postcode is never returned, logged or stored. Postcode data: ONS Postcode Directory, see
build_district_table.py (Contains ONS data (c) Crown copyright and database right, OGL v3).
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
DOMINANT_SHARE = 0.8      # a district resolves to one borough only when >= 80% of its postcodes are there
OPTION_SHARE = 0.05       # boroughs with at least 5% of a split district are offered as choices
SHORT_MESSAGE_WORDS = 4
# Text-speak that looks like a postcode district ("w8" = wait, "m8" = mate): accepted only
# with a location cue before it or as (nearly) the whole message.
SLANG_CODES = frozenset({"W8", "M8", "L8", "B4", "N1", "B2"})
LOCATION_CUES = frozenset({"in", "postcode", "post", "code", "from", "live", "near", "area", "at", "is", "its", "it's"})

_FULL_POSTCODE = re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b", re.IGNORECASE)
_OUTWARD = re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\b", re.IGNORECASE)
_WORDS = re.compile(r"[a-z0-9&']+")


@dataclass(frozen=True)
class LocationResult:
    kind: str                      # "borough" | "ambiguous" | "outside_london" | "unknown"
    borough: str | None = None
    options: tuple[str, ...] = ()
    matched: str | None = None     # the place name or district matched; never a full postcode
    start: int | None = None       # where `matched` sits in the message (for NLU entities)
    end: int | None = None


UNKNOWN = LocationResult("unknown")


@lru_cache(maxsize=1)
def _district_table() -> dict:
    with (DATA / "district_boroughs.json").open(encoding="utf-8") as handle:
        table = json.load(handle)
    table["outside"] = frozenset(table["outside"])
    return table


@lru_cache(maxsize=1)
def _names() -> tuple[list[tuple[str, str]], list[tuple[str, str]], frozenset[str]]:
    with (DATA / "place_names.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    names = [(alias.lower(), bid) for bid, aliases in data["boroughs"].items() for alias in aliases]
    short = [(alias.lower(), bid) for bid, aliases in (data.get("short_only") or {}).items() for alias in aliases]
    names.sort(key=lambda pair: -len(pair[0]))          # longest first: "city of westminster" before "city"
    short.sort(key=lambda pair: -len(pair[0]))
    return names, short, frozenset(p.lower() for p in data["outside_london"])


def district_result(district: str, start: int | None = None, end: int | None = None) -> LocationResult:
    """Resolve an outward code using the ONS share table."""
    district = district.upper()
    table = _district_table()
    counts = table["london"].get(district)
    if counts is None:
        if district in table["outside"]:
            return LocationResult("outside_london", "outside_london", (), district, start, end)
        return UNKNOWN
    total = sum(counts.values())
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, top_count = ranked[0]
    if top_count / total >= DOMINANT_SHARE:
        kind = "outside_london" if top == "outside_london" else "borough"
        return LocationResult(kind, top, (), district, start, end)
    options = tuple(b for b, n in ranked if b != "outside_london" and n / total >= OPTION_SHARE)
    return LocationResult("ambiguous", None, options, district, start, end)


def resolve_location(text: str | None) -> LocationResult:
    if not text or not text.strip():
        return UNKNOWN
    lowered = text.lower()
    found = _postcode_in(text) or _name_in(lowered)
    return found or UNKNOWN


def redact_full_postcodes(text: str) -> str:
    """'im at SE15 4QN' -> 'im at SE15': what a channel forwards (and Rasa stores) never holds a
    full postcode, only its first half, which is all the borough lookup needs."""
    return _FULL_POSTCODE.sub(lambda match: match.group(1), text)


def _postcode_in(text: str) -> LocationResult | None:
    full = _FULL_POSTCODE.search(text)
    if full:  # only the district is kept; the inward half is dropped here
        result = district_result(full.group(1), full.start(1), full.end(1))
        if result.kind != "unknown":
            return result
    words = _WORDS.findall(text.lower())
    for match in _OUTWARD.finditer(text):
        code = match.group(1).upper()
        if code in SLANG_CODES and not _cued(text, match.start(), words):
            continue
        result = district_result(code, match.start(1), match.end(1))
        if result.kind != "unknown":
            return result
    return None


def _cued(text: str, position: int, words: list[str]) -> bool:
    before = _WORDS.findall(text[:position].lower())
    return len(words) == 1 or bool(before and before[-1] in LOCATION_CUES)


def _name_in(lowered: str) -> LocationResult | None:
    names, short, outside = _names()
    hits: dict[str, tuple[str, int, int]] = {}
    for alias, bid in names:
        match = re.search(rf"(?<![a-z0-9&]){re.escape(alias)}(?![a-z0-9&])", lowered)
        if match and bid not in hits and not _inside_other(match, hits):
            hits[bid] = (alias, match.start(), match.end())
    if not hits:
        hits.update(_fuzzy(lowered, names))
    if not hits and len(_WORDS.findall(lowered)) <= SHORT_MESSAGE_WORDS:
        for alias, bid in short:
            match = re.search(rf"(?<![a-z0-9&]){re.escape(alias)}(?![a-z0-9&])", lowered)
            if match:
                hits[bid] = (alias, match.start(), match.end())
                break
    if len(hits) == 1:
        bid, (alias, start, end) = next(iter(hits.items()))
        return LocationResult("borough", bid, (), alias, start, end)
    if len(hits) > 1:
        ordered = sorted(hits.items(), key=lambda kv: kv[1][1])
        first = ordered[0][1]
        return LocationResult("ambiguous", None, tuple(b for b, _ in ordered), first[0], first[1], first[2])
    for place in sorted(outside, key=len, reverse=True):
        match = re.search(rf"(?<![a-z0-9&]){re.escape(place)}(?![a-z0-9&])", lowered)
        if match:
            return LocationResult("outside_london", "outside_london", (), place, match.start(), match.end())
    return None


def _inside_other(match: re.Match, hits: dict) -> bool:
    """'city of westminster' already matched: do not also count the 'city' inside it."""
    return any(start <= match.start() and match.end() <= end for _, start, end in hits.values())


def _fuzzy(lowered: str, names: list[tuple[str, str]]) -> dict[str, tuple[str, int, int]]:
    """Misspellings of long names ('islingtn', 'wandswoth'): >= 90% similar, same first letter."""
    long_names = {alias: bid for alias, bid in names if len(alias) >= 8}
    found: dict[str, tuple[str, int, int]] = {}
    tokens = [(m.group(), m.start(), m.end()) for m in _WORDS.finditer(lowered)]
    candidates = tokens + [(f"{a[0]} {b[0]}", a[1], b[2]) for a, b in zip(tokens, tokens[1:])]
    for word, start, end in candidates:
        if len(word) < 7:
            continue
        close = difflib.get_close_matches(word, long_names, n=1, cutoff=0.9)
        if close and close[0][0] == word[0]:
            found.setdefault(long_names[close[0]], (word, start, end))
    return found
