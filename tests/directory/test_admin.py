"""`python -m bot directory review|confirm` on a copy of data/services (issue 15, part 2)."""

import difflib
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

from bot.directory import load_directory
from bot.directory.admin import confirm, main, needs_confirming, review

TODAY = date(2026, 11, 29)
REPO = Path(__file__).resolve().parents[2]


def test_review_lists_unconfirmed_listings_oldest_first_with_the_page_to_check(data_copy):
    out = io.StringIO()
    assert review(data_copy, TODAY, out) == 0
    text = out.getvalue()
    ids = [
        line.split()[0]
        for line in text.splitlines()
        if line and not line.startswith(" ") and "listings need confirming" not in line
    ]
    directory = load_directory(data_copy, today=TODAY)
    todo = needs_confirming(directory.services, TODAY)
    assert ids == [s.id for s in todo]
    # undated first, then by source date: 2011 (London Rape Crisis centres) before 2025
    dated = [s for s in todo if s.source_date]
    assert dated[0].id == "rape_crisis_london_centres"
    assert [s.source_date.earliest for s in dated] == sorted(s.source_date.earliest for s in dated)
    assert ids.index("rape_crisis_london_centres") < ids.index("papyrus_hopeline247")
    assert "met_safer_schools_officers" not in ids  # closed: never offered, nothing to confirm
    assert "emergency_999" not in ids  # a national number fixed by government
    assert "check: https://www.childline.org.uk" in text
    assert f"{len(todo)} of {len(directory.services)} listings need confirming" in text


def test_confirm_records_the_date_and_page_and_keeps_comments(data_copy):
    path = data_copy / "boroughs" / "croydon.yml"
    before = path.read_text()
    assert (
        confirm(
            data_copy,
            "croydon_front_door",
            "https://www.croydon.gov.uk/children-young-people-and-families",
            TODAY,
            io.StringIO(),
        )
        == 0
    )
    after = path.read_text()
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(line in after.splitlines() for line in comments)
    diff = [d for d in difflib.ndiff(before.splitlines(), after.splitlines()) if d[:1] in "+-"]
    assert diff == [
        "-     confirmed: null",
        "+     confirmed: 2026-11-29",
        "+     confirmed_source: https://www.croydon.gov.uk/children-young-people-and-families",
    ]
    service = load_directory(data_copy, today=TODAY).get("croydon_front_door")
    assert service.confirmed == TODAY and service.is_current(TODAY)
    out = io.StringIO()
    review(data_copy, TODAY, out)
    assert "croydon_front_door" not in out.getvalue()


def test_confirm_again_replaces_in_place(data_copy):
    confirm(data_copy, "childline", None, date(2026, 1, 5), io.StringIO())
    confirm(data_copy, "childline", "phone", TODAY, io.StringIO())
    text = (data_copy / "national.yml").read_text()
    block = text[text.index("  - id: childline\n") : text.index("  - id: nspcc_helpline\n")]
    assert (
        block.count("confirmed:") == 1 and "    confirmed: 2026-11-29\n    confirmed_source: phone\n" in block
    )


def test_confirm_without_source_records_the_page_review_showed(data_copy):
    assert confirm(data_copy, "samaritans", None, TODAY, io.StringIO()) == 0
    service = load_directory(data_copy, today=TODAY).get("samaritans")
    assert service.confirmed_source == service.web


def test_confirm_refuses_a_bad_source_and_leaves_the_file_alone(data_copy):
    path = data_copy / "national.yml"
    before = path.read_text()
    out = io.StringIO()
    assert confirm(data_copy, "childline", "my memory", TODAY, out) == 1
    assert "not recorded" in out.getvalue() and path.read_text() == before


def test_confirm_unknown_id(data_copy):
    out = io.StringIO()
    assert confirm(data_copy, "no_such_listing", None, TODAY, out) == 1
    assert "no listing with id 'no_such_listing'" in out.getvalue()


def test_command_line(data_copy):
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "directory",
            "--path",
            str(data_copy),
            "confirm",
            "shout",
            "--source",
            "https://giveusashout.org",
            "--on",
            "2026-11-28",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "recorded: shout confirmed on 2026-11-28 via https://giveusashout.org" in run.stdout
    assert main(["--path", str(data_copy), "validate", str(data_copy), "--strict"]) == 0
