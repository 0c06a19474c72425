"""One-off migration (issue 15): `last_verified` -> `source_date` + `confirmed: null`.

`last_verified` mostly held 2026-11-21, the day services-research.yaml was compiled, which is
neither the date of a page nor a check. Each listing now gets the newest date visible on its
sources, read from the reference's `source_date` (precision kept: a year stays a year), and
`confirmed: null` because nobody has confirmed any listing on the live service yet.
Run once: `python scripts/migrate_source_dates.py data/services`. Comments and layout are kept.
"""

from __future__ import annotations

import sys
from pathlib import Path

from datetime import date

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot.directory.yaml_edit import round_trip_yaml

REFERENCE = "services-research.yaml"
# listing id -> (source_date as the newest date the reference shows, note quoting the reference)
SOURCE_DATES = {
    "emergency_999": (None, "sources undated (services-research.yaml)"),
    "police_101": (
        "2017",
        "newest dated source: online-reporting launch article, about 2017; Met URL from an undated message",
    ),
    "crimestoppers": ("2023-11", "Wikipedia snapshot 2023-11; other sources undated"),
    "childline": ("2022-08-28", "sources dated 2021-11-01 and 2022-08-28"),
    "nspcc_helpline": ("2022-07-14", "Westminster page last updated 2022-07-14; others undated or 2020"),
    "nspcc_report_abuse_in_education": (
        "2022-01-06",
        "latest dated source: NSPCC update of 6 Jan 2022 (launched 2021-04-01)",
    ),
    "report_remove": ("2024", "NSPCC podcast 2023-03-21; Crimestoppers blog 2024"),
    "ceop_safety_centre": (None, "sources undated (services-research.yaml)"),
    "rape_crisis_247_support_line": ("2022-12-07", "launch articles of 2022-12-07 (MoJ-funded)"),
    "survivors_trust": ("2021-07-09", "the only source (TST podcast), 2021-07-09"),
    "samaritans": ("2022-12-08", "sources dated 2021-08-17 and 2022-12-08"),
    "shout": ("2022-12-08", "Full Fact, 2022-12-08"),
    "victim_support": ("2020-04", "newest source April 2020"),
    "male_survivors": (None, "NMSH closure article undated (after Dec 2022)"),
    "galop": ("2023-02-03", "sources of 2023-02-02/03"),
    "papyrus_hopeline247": (
        "2025-09",
        "emergency appeal 2025-02-07; WSPD 2025 blog (Sept 2025) says still 24/7",
    ),
    "nhs_111": (None, "sources undated (services-research.yaml)"),
    "brook": (None, "sources undated (services-research.yaml)"),
    "stop_it_now": (None, "sources undated (services-research.yaml)"),
    "met_online_reporting": (None, "Met URL quoted on an undated Neighbourhood Alert message"),
    "met_safer_schools_officers": ("2025-09-05", "newest source: Barnet Post, 5 Sep 2025"),
    "rape_crisis_london_centres": ("2011", "all sources 2010-2011"),
    "the_havens": (None, "sources undated (services-research.yaml)"),
    "the_lighthouse": ("2022", "pilot 2018-21; re-commissioned 2022"),
    "lambeth_gaia_centre": ("2021", "single Covid-era source (2020-21)"),
    "barnet_front_door": (None, "undated; NCL ICB page gave a review due date of 2024-05"),
    "bexley_front_door": ("2018", "old LSCB site, about 2015-2018"),
    "brent_front_door": ("2016", "public line from a 2016 page; professionals page undated"),
    "camden_front_door": ("2023", "sources of 2021-2023"),
    "hackney_front_door": ("2023", "sources of 2019-2023"),
    "hillingdon_front_door": ("2021-08", "hub launched 2021-08"),
    "kensington_and_chelsea_front_door": ("2022-07-14", "Westminster page updated 2022-07-14"),
    "kingston_upon_thames_front_door": ("2021-09-21", "Kingston page modified 2021-09-21"),
    "lambeth_front_door": (None, "old Safeguarding Children Board site, undated (before 2019)"),
    "southwark_front_door": ("2018-02-05", "older page 2018-02-05; newer page undated"),
    "sutton_front_door": ("2021", "about 2020-21"),
    "tower_hamlets_front_door": ("2023", "2023 or later (cites Working Together 2023)"),
    "westminster_front_door": ("2022-07-14", "published 2021-01-16, updated 2022-07-14"),
}
UNDATED_FRONT_DOOR = (None, "sources undated (services-research.yaml)")


def migrate(path: Path, yaml: YAML) -> int:
    data = yaml.load(path)
    changed = 0
    for item in (data or {}).get("services") or []:
        if "last_verified" not in item:
            continue
        sid = item["id"]
        if sid in SOURCE_DATES:
            value, note = SOURCE_DATES[sid]
        elif sid.endswith("_front_door"):
            value, note = UNDATED_FRONT_DOOR
        else:
            raise SystemExit(f"{path}: {sid} has no entry in SOURCE_DATES: add it from {REFERENCE}")
        keys = list(item.keys())
        at = keys.index("last_verified")
        comment = item.ca.items.pop("last_verified", None)
        del item["last_verified"]
        item.pop("last_verified_basis", None)
        item.ca.items.pop("last_verified_basis", None)
        if value is not None and len(value) == 10:
            value = date.fromisoformat(value)
        elif value is not None:
            value = DoubleQuotedScalarString(value)
        item.insert(at, "source_date", value)
        item.insert(at + 1, "source_date_note", DoubleQuotedScalarString(note))
        item.insert(at + 2, "confirmed", None)
        if comment:
            item.ca.items["confirmed"] = comment
        changed += 1
    if changed:
        yaml.dump(data, path)
    return changed


def main(root: str) -> None:
    yaml = round_trip_yaml()
    total = sum(migrate(p, yaml) for p in sorted(Path(root).rglob("*.yml")))
    print(f"migrated {total} listings")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/services")
