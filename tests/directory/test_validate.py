"""bot/directory/validate.py (and `python -m bot validate-directory`, bot/directory/cli.py): the
validator on the real data and on deliberately broken copies of it."""

from pathlib import Path

import pytest

from bot.directory import DirectoryError, load_directory
from bot.directory.cli import validate_main
from bot.directory.validate import check_directory


def corrupt(root: Path, relative: str, old: str, new: str) -> int:
    """Replace the first `old` in one file; return the 1-based line where it was."""
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


def only_error(root: Path):
    errors = check_directory(root).errors
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_real_data_passes(capsys):
    assert validate_main([]) == 0
    assert "0 errors" in capsys.readouterr().out


CORRUPTIONS = [
    # (kind, file, old text, new text, field, words the administrator should see)
    (
        "phone not a UK number",
        "boroughs/croydon.yml",
        'phone: "020 8255 2888"',
        'phone: "0208 726 640"',
        "phone",
        "'0208 726 640' is not a UK phone number",
    ),
    (
        "phone without quotes",
        "national.yml",
        'phone: "999"',
        "phone: 999",
        "phone",
        "must be written in quotes",
    ),
    (
        "source date not a date",
        "national.yml",
        "source_date: 2022-08-28",
        "source_date: 28/08/2022",
        "source_date",
        "is not a date",
    ),
    (
        "source date in the future",
        "national.yml",
        'source_date: "2017"',
        'source_date: "2031"',
        "source_date",
        "in the future",
    ),
    (
        "confirmed not a date",
        "london/the_havens.yml",
        "confirmed: null",
        "confirmed: last week",
        "confirmed",
        "is not a date",
    ),
    (
        "confirmed in the future",
        "london/the_havens.yml",
        "confirmed: null",
        "confirmed: 2031-01-01",
        "confirmed",
        "in the future",
    ),
    (
        "old last_verified field",
        "london/the_havens.yml",
        "confirmed: null",
        "last_verified: 2026-11-21",
        "last_verified",
        "replaced by two dates",
    ),
    (
        "fixed number on a service line",
        "national.yml",
        'phone: "0800 1111"',
        'fixed_number_source: https://www.gov.uk\n    phone: "0800 1111"',
        "fixed_number_source",
        "only for national numbers",
    ),
    (
        "unknown topic",
        "national.yml",
        "topics: [anonymous_reporting, reporting]",
        "topics: [anonymous_reporting, reportng]",
        "topics",
        "'reportng' is not a known value",
    ),
    (
        "unknown status",
        "london/the_lighthouse.yml",
        "status: active",
        "status: open",
        "status",
        "must be one of: active, unverified, closed",
    ),
    (
        "unknown confidence",
        "boroughs/hackney.yml",
        "confidence: high",
        "confidence: very high",
        "confidence",
        "must be one of: high, medium, low",
    ),
    (
        "misspelt field",
        "boroughs/sutton.yml",
        "    out_of_hours_phone:",
        "    out_of_hour_phone:",
        "out_of_hour_phone",
        "is not a field a listing can have",
    ),
    (
        "hours not understood",
        "national.yml",
        '      fri: "10:00-16:30"',
        '      fri: "10am till half 4"',
        "hours",
        "is not a time range",
    ),
    (
        "email malformed",
        "boroughs/tower_hamlets.yml",
        'email: "MAST@towerhamlets.gov.uk"',
        'email: "MAST at towerhamlets"',
        "email",
        "is not an email address",
    ),
    (
        "web without https",
        "national.yml",
        'web: "https://www.childline.org.uk"',
        'web: "www.childline.org.uk"',
        "web",
        "is not a web address",
    ),
    (
        "age not a number",
        "national.yml",
        "min_age: 16",
        "min_age: sixteen",
        "min_age",
        "is not an age in years",
    ),
    (
        "min age above max age",
        "london/the_lighthouse.yml",
        "min_age: null",
        "min_age: 19",
        "max_age",
        "is below min_age 19",
    ),
    (
        "wrong ONS code",
        "boroughs/southwark.yml",
        "ons_code: E09000028",
        "ons_code: E09000023",
        "ons_code",
        "is not the code of Southwark",
    ),
    (
        "source not a web address",
        "boroughs/camden.yml",
        "      - https://www.camdenrise",
        "      - www.camdenrise",
        "sources",
        "'www.camdenrise",
    ),
    (
        "text number malformed",
        "national.yml",
        'text: "85258"',
        'text: "SHOUT"',
        "text",
        "is not a UK text number",
    ),
    (
        "fallback points to itself",
        "national.yml",
        "fallback: samaritans",
        "fallback: shout",
        "fallback",
        "points to itself",
    ),
]


@pytest.mark.parametrize("kind,relative,old,new,field,words", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_corrupted_copy_is_rejected_with_file_line_and_field(
    data_copy, kind, relative, old, new, field, words
):
    line = corrupt(data_copy, relative, old, new)
    if field == "max_age":  # reported on the max_age line of the same listing
        text = (data_copy / relative).read_text().splitlines()
        line = next(i for i, t in enumerate(text, 1) if t.strip().startswith("max_age:") and i > line)
    error = only_error(data_copy)
    assert error.file.endswith(relative)
    assert error.line == line, str(error)
    assert error.field == field
    assert words in str(error)
    assert str(error).startswith(f"{error.file} line {line}: ")
    with pytest.raises(DirectoryError):
        load_directory(data_copy)


def test_missing_required_field_is_named(data_copy):
    path = data_copy / "national.yml"
    lines = path.read_text().splitlines(keepends=True)
    index = next(i for i, t in enumerate(lines) if t.strip() == "confidence: medium")
    del lines[index]
    path.write_text("".join(lines))
    error = only_error(data_copy)
    assert error.field == "confidence" and "confidence is missing" in error.message


def test_bad_yaml_gives_a_line_and_no_traceback(data_copy, capsys):
    line = corrupt(data_copy, "boroughs/croydon.yml", 'name: "Croydon"', 'name: "Croydon')
    error = only_error(data_copy)
    assert error.file.endswith("croydon.yml") and "not valid YAML" in error.message
    assert error.line >= line
    assert validate_main([str(data_copy)]) == 1
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert "croydon.yml line" in out.out


def test_value_with_colon_gets_a_hint(data_copy):
    corrupt(data_copy, "national.yml", 'name: "Childline"', "name: Childline: the line")
    error = only_error(data_copy)
    assert "in quotes" in error.message


def test_cli_prints_administrator_words_and_fails(data_copy, capsys):
    corrupt(data_copy, "boroughs/croydon.yml", 'phone: "020 8255 2888"', 'phone: "0208 726 640"')
    assert validate_main([str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "boroughs/croydon.yml line " in out and "phone '0208 726 640' is not a UK phone number" in out


def test_missing_folder_is_a_clear_error(tmp_path, capsys):
    assert validate_main([str(tmp_path / "nope")]) == 1
    assert "is not a folder" in capsys.readouterr().out


def warnings_of(root):
    report = check_directory(root)
    assert not report.errors, [str(e) for e in report.errors]
    return report.warnings


def test_duplicate_id_is_an_error(data_copy):
    """A copied listing keeping its id once silently removed the real Lambeth service."""
    line = corrupt(data_copy, "london/the_lighthouse.yml", "id: the_lighthouse", "id: the_havens")
    error = only_error(data_copy)
    assert "used twice" in error.message and error.line == line and error.file.endswith("the_lighthouse.yml")
    assert error.kind == "duplicate id"
    with pytest.raises(DirectoryError):
        load_directory(data_copy)


def test_fallback_pointing_nowhere_is_an_error(data_copy):
    line = corrupt(data_copy, "national.yml", "fallback: samaritans", "fallback: samaritan")
    error = only_error(data_copy)
    assert "points to no listing" in error.message and (error.line, error.field) == (line, "fallback")


def test_front_door_pointing_nowhere_is_an_error(data_copy):
    corrupt(
        data_copy, "boroughs/croydon.yml", "front_door: croydon_front_door", "front_door: croydon_frontdoor"
    )
    assert "points to no listing" in only_error(data_copy).message


def test_unknown_area_is_an_error(data_copy):
    corrupt(data_copy, "london/the_lighthouse.yml", "areas: [barnet,", "areas: [barnett,")
    error = only_error(data_copy)
    assert "'barnett'" in error.message and error.field == "areas" and error.kind == "unknown area"


def test_unknown_borough_is_an_error(data_copy):
    corrupt(data_copy, "boroughs/sutton.yml", "  id: sutton", "  id: suton")
    errors = check_directory(data_copy).errors
    assert any("'suton' is not one of the 33 London authorities" in e.message for e in errors)


def test_strict_passes_on_the_shipped_data(capsys):
    assert validate_main(["--strict"]) == 0
    out = capsys.readouterr().out
    assert "0 errors, 0 warnings" in out


def test_strict_fails_on_a_real_warning_and_warnings_are_grouped(data_copy, capsys):
    # a low-confidence listing without a fallback is a real gap (a known, covered one is a note)
    corrupt(data_copy, "national.yml", "    fallback: nspcc_helpline\n", "    fallback: null\n")
    assert validate_main([str(data_copy)]) == 0
    assert validate_main([str(data_copy), "--strict"]) == 1
    out = capsys.readouterr().out
    assert "warning: low confidence without a fallback (1)" in out
    assert "known and handled: front door without an out-of-hours number, sent to its fallback (" in out


def test_low_confidence_and_missing_out_of_hours_are_known_gaps_when_a_fallback_covers_them():
    messages = [w.message for w in check_directory(Path("data/services")).notes]
    # age is not a warning any more: `python -m bot directory review` lists what needs confirming
    assert not any("180 days" in m or "last_verified" in m for m in messages)
    assert any("confidence of brook is low" in m for m in messages)
    assert any("barnet_front_door has no out-of-hours number" in m for m in messages)


def test_warning_missing_borough_file(data_copy):
    (data_copy / "boroughs" / "sutton.yml").unlink()
    assert any("sutton" in w.message and "no borough file" in w.message for w in warnings_of(data_copy))


def test_single_file_is_checked_in_context(data_copy, capsys):
    corrupt(data_copy, "boroughs/croydon.yml", 'phone: "020 8255 2888"', 'phone: "0208 726 640"')
    assert validate_main([str(data_copy / "boroughs" / "sutton.yml")]) == 0  # fallbacks resolve
    assert validate_main([str(data_copy / "boroughs" / "croydon.yml")]) == 1
    assert "not a UK phone number" in capsys.readouterr().out
