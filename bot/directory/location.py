"""Which London borough does a message mean? Names, variants, misspellings and outward postcodes.

A full postcode ("SE15 4QN") is reduced to its district ("SE15") for the lookup; the full
postcode is never returned, logged or stored. Postcode data: ONS Postcode Directory, see
build_district_table.py (Contains ONS data (c) Crown copyright and database right, OGL v3).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from rapidfuzz.distance import OSA

DATA = Path(__file__).parent / "data"
DOMINANT_SHARE = 0.8  # a district resolves to one borough only when >= 80% of its locations are there
OPTION_SHARE = 0.05  # areas (boroughs, or outside London) with >= 5% of a split district are offered
SHORT_MESSAGE_WORDS = 4
NO_PLACE_WORDS = 7  # "i dont really want to say tbh" is still an answer, a paragraph is not
MAX_EXTRA_WORDS = 2  # "dunno mate", "why do u need that": a declining phrase and little else
NOT_GIVEN = "not_given"  # the borough value for "idk" / "rather not say": routes that need no place
# A town outside London followed by one of these is a London street or station ("Oxford Circus",
# "Liverpool Street"), not the town.
STREET_WORDS = frozenset(
    {"street", "st", "road", "rd", "circus", "station", "square", "lane", "avenue", "place"}
)
# A London place name followed within two words by one of these names a street, which is often
# elsewhere ("Tottenham Court Road" is not in Tottenham, "Harrow Road" not in Harrow): no match.
# A station ("Seven Sisters station") is where the place is, so it still counts.
ROAD_WORDS = STREET_WORDS - {"station", "place"}
# "West Kensington" is not in Kensington and Chelsea: a compass word before a name makes another
# place, which counts only when the whole phrase is known ("east ham", "south croydon").
COMPASS = frozenset({"north", "south", "east", "west", "upper", "lower", "new", "old", "little", "great"})
# Text-speak that looks like a postcode district ("w8" = wait, "m8" = mate): accepted only
# with a location cue before it or as (nearly) the whole message.
# Linked names make one place ("Stratford-upon-Avon", "Bromley-by-Bow", "Walton-on-Thames"):
# a name inside such a compound does not count unless the whole compound is known.
LINK_WORDS = frozenset(
    {"upon", "on", "by", "in", "under", "le", "de", "la", "en", "cum", "super", "next", "the"}
)
_COMPOUND = re.compile(
    r"[a-z']+(?:-(?:upon|on|by|in|under|le|de|la|en|cum|super|next|the)-[a-z']+)+"
    r"|[a-z']+ upon [a-z']+"
)
SLANG_CODES = frozenset({"W8", "M8", "L8", "B4", "N1", "B2"})
LOCATION_CUES = frozenset(
    {"in", "postcode", "post", "code", "from", "live", "near", "area", "at", "is", "its", "it's"}
)
NICKNAME_CUES = frozenset({"in", "from", "live", "near", "area", "at", "round", "around", "by"})
# "<station name> station", "<name> tube", "<name> tube station", "<name> overground" ...
STATION_WORDS = frozenset({"station", "stn", "stop"})
TRANSPORT_WORDS = frozenset({"tube", "train", "rail", "railway", "overground", "underground", "dlr", "tram"})

_FULL_POSTCODE = re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\s*(\d[a-z]{2})\b", re.IGNORECASE)
_OUTWARD = re.compile(r"\b([a-z]{1,2}\d[a-z\d]?)\b", re.IGNORECASE)
_SPACED_OUTWARD = re.compile(r"\b([a-z]{1,2})\s+(\d{1,2}[a-z]?)\b", re.IGNORECASE)  # "e 8", "nw 10"
_WORDS = re.compile(r"[a-z0-9&']+")


@dataclass(frozen=True)
class LocationResult:
    kind: str  # "borough" | "ambiguous" | "outside_london" | "not_given" | "unknown"
    borough: str | None = None
    options: tuple[str, ...] = ()
    matched: str | None = None  # the place name or district matched; never a full postcode
    start: int | None = None  # where `matched` sits in the message (for NLU entities)
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
    short = [
        (alias.lower(), bid) for bid, aliases in (data.get("short_only") or {}).items() for alias in aliases
    ]
    names.sort(key=lambda pair: -len(pair[0]))  # longest first: "city of westminster" before "city"
    short.sort(key=lambda pair: -len(pair[0]))
    return names, short, frozenset(p.lower() for p in data["outside_london"])


def district_result(district: str, start: int | None = None, end: int | None = None) -> LocationResult:
    """Resolve an outward code with the ONS table of distinct postcode locations: one area when it
    holds >= DOMINANT_SHARE, else the choice of every area (borough or "outside_london") with
    >= OPTION_SHARE, so a district split with the rest of England (DA1: 23% Bexley) asks."""
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
    options = tuple(b for b, n in ranked if n / total >= OPTION_SHARE)
    if top_count / total >= DOMINANT_SHARE or len(options) == 1:
        kind = "outside_london" if top == "outside_london" else "borough"
        return LocationResult(kind, top, (), district, start, end)
    return LocationResult("ambiguous", None, options, district, start, end)


def resolve_location(text: str | None) -> LocationResult:
    """Which borough `text` means: a postcode district (a full postcode is cut to its district),
    a borough or place name (place_names.yml anywhere in a message; the GeoNames gazetteer and
    misspellings only in a short answer or after "in", "near" ...), or on purpose none ("idk",
    "rather not say": kind "not_given"). Never returns a full postcode."""
    if not text or not text.strip():
        return UNKNOWN
    lowered = text.lower()
    found = _postcode_in(text) or _name_in(lowered) or _no_place(lowered)
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
    # "e 8", "nw 10": only as (nearly) the whole answer or after a cue, never inside a sentence
    for match in _SPACED_OUTWARD.finditer(text):
        if len(words) <= 3 or _cued(text, match.start(), words):
            result = district_result(match.group(1) + match.group(2), match.start(), match.end())
            if result.kind != "unknown":
                return result
    return None


def _cued(text: str, position: int, words: list[str]) -> bool:
    before = _WORDS.findall(text[:position].lower())
    return len(words) == 1 or bool(before and before[-1] in LOCATION_CUES)


@lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[str, ...]]:
    """{place name: (borough,) | (borough, borough ...) | ("outside_london",)} from
    data/gazetteer.json (GeoNames CC BY 4.0 + ONSPD OGL v3; see build_gazetteer.py)."""
    with (DATA / "gazetteer.json").open(encoding="utf-8") as handle:
        return {name: tuple(areas) for name, areas in json.load(handle)["places"].items()}


@lru_cache(maxsize=1)
def _stations() -> dict[str, dict]:
    """{station name: {"station": areas, "area": areas, "needs_station": bool}} from
    data/stations.json (TfL open data + ONSPD OGL v3; see build_stations.py)."""
    with (DATA / "stations.json").open(encoding="utf-8") as handle:
        return json.load(handle)["stations"]


@lru_cache(maxsize=1)
def _areas() -> dict[str, dict[str, tuple[str, ...]]]:
    """{"neighbourhoods": {name: boroughs}, "nicknames": {name: boroughs}} from data/areas.yml
    (each entry with the page that says it)."""
    with (DATA / "areas.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return {
        kind: {name.lower(): tuple(entry["boroughs"]) for name, entry in (data.get(kind) or {}).items()}
        for kind in ("neighbourhoods", "nicknames")
    }


@lru_cache(maxsize=1)
def _places() -> dict[str, tuple[str, ...]]:
    """Bare place names matched in a short answer or after a cue: the area around a TfL station
    ("Canada Water"), then GeoNames' places, then the neighbourhoods of areas.yml; a later source
    wins for the same name."""
    names, _, _ = _names()
    known = dict(_gazetteer())  # what the first words alone resolve to: place_names.yml wins
    known.update(_areas()["neighbourhoods"])
    known.update({alias: (bid,) for alias, bid in names})
    places = {
        name: _and_the_place_it_starts_with(name, tuple(entry["area"]), known)
        for name, entry in _stations().items()
        if not entry["needs_station"]
    }
    places.update(_gazetteer())
    places.update(_areas()["neighbourhoods"])
    return places


def _and_the_place_it_starts_with(name: str, areas: tuple[str, ...], known: dict) -> tuple[str, ...]:
    """A station named after a place and more ("Wanstead Park" is in Newham, Wanstead in
    Redbridge; "Brent Cross" is in Barnet): its bare name may mean either, so it offers both."""
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        if words[size] in LINK_WORDS:  # "bromley by bow" is not Bromley and more
            continue
        place = known.get(" ".join(words[:size]))
        if place and place != ("outside_london",):
            return tuple(dict.fromkeys(areas + place))
    return areas


@lru_cache(maxsize=1)
def _no_place_phrases() -> tuple[str, ...]:
    with (DATA / "no_place.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return tuple(sorted({p.lower() for phrases in data.values() for p in phrases}, key=len, reverse=True))


def _normalise(lowered: str) -> str:
    """Hyphens and dots as spaces, so "bromley-by-bow" and "st. john's wood" match; same length."""
    return re.sub(r"[-.]", " ", lowered)


@lru_cache(maxsize=None)
def _whole_word(name: str) -> re.Pattern:
    """`name` as a whole word, compiled once (a few hundred names are tried on every message)."""
    return re.compile(rf"(?<![a-z0-9&]){re.escape(name)}(?![a-z0-9&])")


def _name_in(lowered: str) -> LocationResult | None:
    names, short, outside = _names()
    text = _normalise(lowered)
    words = _WORDS.findall(text)
    is_short = len(words) <= SHORT_MESSAGE_WORDS
    found: list[tuple[str, tuple[str, ...], int, int]] = []  # (alias, areas, start, end)
    blocked = False  # a name that is part of a road or of another place: no guessing after it
    for alias, bid in names:
        for match in _whole_word(alias).finditer(text):
            found.append((alias, (bid,), match.start(), match.end()))
    found.extend(_gazetteer_hits(text, is_short))
    found.extend(_station_hits(text))
    compounds = [m.span() for m in _COMPOUND.finditer(lowered)]
    for hit in list(found):
        if _names_a_road(text, hit[3]) or _after_compass(text, hit[2]) or _part_of(compounds, hit):
            found.remove(hit)
            blocked = True
    if is_short:
        for alias, bid in short:
            match = _whole_word(alias).search(text)
            if match:
                found.append((alias, (bid,), match.start(), match.end()))
    for place in outside:
        for match in _whole_word(place).finditer(text):
            following = _WORDS.findall(text[match.end() :])[:1]
            if not (following and following[0] in STREET_WORDS):
                found.append((place, ("outside_london",), match.start(), match.end()))
    kept = _longest_first(found)
    london = [hit for hit in kept if hit[1] != ("outside_london",)]
    if not london and not kept and is_short and not blocked:
        guess = _fuzzy(text)
        if guess:
            alias, areas, start, end, confirm = guess[0]
            if confirm:  # a near-miss of a gazetteer place: offered, never assumed
                return LocationResult("ambiguous", None, areas, alias, start, end)
            london = [(alias, areas, start, end)]
    if london:
        return _combine(london)
    if kept:
        alias, _, start, end = kept[0]
        return LocationResult("outside_london", "outside_london", (), alias, start, end)
    return None


def _part_of(compounds: list[tuple[int, int]], hit) -> bool:
    """The name is only part of a linked compound ("stratford" in "stratford-upon-avon")."""
    _, _, start, end = hit
    return any(
        c_start <= start and end <= c_end and (c_start, c_end) != (start, end) for c_start, c_end in compounds
    )


def _after_compass(text: str, start: int) -> bool:
    before = _WORDS.findall(text[:start])
    return bool(before) and before[-1] in COMPASS


def _names_a_road(text: str, end: int) -> bool:
    return any(word in ROAD_WORDS for word in _WORDS.findall(text[end:])[:2])


def _gazetteer_hits(text: str, is_short: bool):
    """Place names (1-5 words: _places) in a short answer, or right after a location cue;
    nicknames ("stokey", "the elephant") likewise, but not after "is" ("it is the elephant in
    the room")."""
    tokens = [(m.group(), m.start(), m.end()) for m in _WORDS.finditer(text)]
    places, nicknames = _places(), _areas()["nicknames"]
    for i in range(len(tokens)):
        before = tokens[i - 1][0] if i > 0 else None
        for table, cues in ((places, LOCATION_CUES), (nicknames, NICKNAME_CUES)):
            if not (is_short or before in cues):
                continue
            for size in (5, 4, 3, 2, 1):
                if i + size > len(tokens):
                    continue
                start, end = tokens[i][1], tokens[i + size - 1][2]
                phrase = " ".join(t[0] for t in tokens[i : i + size])
                candidate = next((c for c in (phrase, phrase.replace("'", "")) if c in table), None)
                if candidate:
                    yield text[start:end], table[candidate], start, end
                    break


def _station_hits(text: str):
    """A TfL station's name followed by "station", "tube", "overground", "dlr", "stn" ... anywhere
    in a message ("im at liverpool street station"): the boroughs around the station itself. The
    span covers the whole phrase, so it wins over the bare name inside it."""
    tokens = [(m.group(), m.start(), m.end()) for m in _WORDS.finditer(text)]
    if not any(t[0] in STATION_WORDS or t[0] in TRANSPORT_WORDS for t in tokens):
        return  # most messages: no "station", "tube" ... so nothing to look up
    stations = _stations()
    for i in range(len(tokens)):
        for size in (6, 5, 4, 3, 2, 1):
            if i + size >= len(tokens):
                continue
            phrase = " ".join(t[0] for t in tokens[i : i + size])
            name = next((c for c in (phrase, phrase.replace("'", "")) if c in stations), None)
            if not name:
                continue
            after = [t[0] for t in tokens[i + size : i + size + 2]]
            if after[0] in STATION_WORDS or after[0] in TRANSPORT_WORDS:
                last = (
                    i
                    + size
                    + (
                        1
                        if len(after) > 1 and after[0] in TRANSPORT_WORDS and after[1] in STATION_WORDS
                        else 0
                    )
                )
                yield (
                    text[tokens[i][1] : tokens[last][2]],
                    tuple(stations[name]["station"]),
                    tokens[i][1],
                    tokens[last][2],
                )
                break


def _longest_first(found):
    """Longest matches win; a match inside a longer one is dropped ("bromley" in "bromley by
    bow", "oxford" in "oxford circus" when that is known). In message order."""
    kept = []
    for hit in sorted(found, key=lambda h: -(h[3] - h[2])):
        if not any(h[2] < hit[3] and hit[2] < h[3] for h in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h[2])


def _combine(hits) -> LocationResult:
    """One place -> its borough (or its choice); several -> the choice of all, in message order."""
    areas = list(dict.fromkeys(a for _, hit_areas, _, _ in hits for a in hit_areas))
    alias, _, start, end = hits[0]
    if len(areas) == 1:
        kind = "outside_london" if areas[0] == "outside_london" else "borough"
        return LocationResult(kind, areas[0], (), alias, start, end)
    return LocationResult("ambiguous", None, tuple(areas), alias, start, end)


def _no_place(lowered: str) -> LocationResult | None:
    """ "idk", "rather not say", "why do you need that": a short answer that declines on purpose
    (data/no_place.yml), or only question marks."""
    words = _WORDS.findall(lowered)
    if not words:  # "?" in answer to "which borough?": no place given
        return LocationResult("not_given", NOT_GIVEN) if re.fullmatch(r"\s*\?+\s*", lowered) else None
    if len(words) > NO_PLACE_WORDS:
        return None
    text = " " + " ".join(words) + " "
    for phrase in _no_place_phrases():
        wanted = f" {' '.join(_WORDS.findall(phrase))} "
        # the phrase is the answer ("dunno mate"), not part of a sentence ("i dont know what to do")
        if wanted in text and len(text.replace(wanted, " ", 1).split()) <= MAX_EXTRA_WORDS:
            return LocationResult("not_given", NOT_GIVEN, (), phrase)
    return None


def _inside_other(match: re.Match, hits: dict) -> bool:
    """'city of westminster' already matched: do not also count the 'city' inside it."""
    return any(start <= match.start() and match.end() <= end for _, start, end in hits.values())


def _fuzzy(text: str) -> list:
    """Misspellings in a short answer ("lambth", "enfeild", "peckam", "wimbeldon"): within one
    edit (insert, delete, substitute or swap two letters: rapidfuzz's OSA distance) for names up
    to 8 letters, two for longer ones, same first letter; the closest place wins, and nothing
    when two different places are equally close. Never to outside London.

    A near-miss of a borough name (place_names.yml) resolves; a near-miss of a gazetteer place
    is only offered as a choice ("Did you mean ...?"), because a real place one letter away from
    another (Crayford, Cranford) must not be sent to the wrong borough."""
    names, _, _ = _names()
    curated = {alias: (bid,) for alias, bid in names if len(alias) >= 5}
    gazetteer = {
        name: areas
        for name, areas in _places().items()
        if len(name) >= 5 and areas != ("outside_london",) and name not in curated
    }
    tokens = [(m.group(), m.start(), m.end()) for m in _WORDS.finditer(text)]
    spans = tokens + [(f"{a[0]} {b[0]}", a[1], b[2]) for a, b in zip(tokens, tokens[1:])]
    for word, start, end in spans:
        # the word is (nearly) the whole answer, or follows "in", "near" ...: "he was acting
        # weird" is not a misspelt Acton
        if len(word) < 5 or not (len(tokens) <= 2 or _cued(text, start, [t[0] for t in tokens])):
            continue
        allowed = 1 if len(word) <= 8 else 2
        scored: dict[int, set] = {}
        for source, candidates in (("curated", curated), ("gazetteer", gazetteer)):
            for name, areas in candidates.items():
                if name[0] == word[0] and abs(len(name) - len(word)) <= allowed:
                    distance = OSA.distance(word, name, score_cutoff=allowed)
                    if distance <= allowed:
                        scored.setdefault(distance, set()).add((source, areas))
        if scored:
            best = scored[min(scored)]
            if len({areas for _, areas in best}) == 1:
                source, areas = best.pop()
                return [(word, areas, start, end, source == "gazetteer")]
    return []
