import re

from bot.directory import load_directory
from bot.directory.cli import export_main
from bot.directory.export import render_html, render_markdown


def test_html_has_every_borough_and_dates_and_no_external_assets(directory):
    html = render_html(directory)
    assert html.count("<section") == 2 + 33
    for borough in directory.boroughs:
        assert f'<section id="{borough.id}">' in html
    assert html.count("<article") == html.count("<dt>Source date</dt>") == html.count("<dt>Confirmed</dt>")
    assert "Last verified" not in html and "were checked on the date" not in html
    for service in directory.services:  # each listing appears (the Lighthouse once per borough it serves)
        assert f'<article id="{service.id}">' in html
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "src=" not in html and "@import" not in html and "url(" not in html


def test_html_escapes_listing_text(data_copy):
    path = data_copy / "national.yml"
    path.write_text(
        path.read_text().replace('name: "Childline"', 'name: "Childline <script>alert(1)</script> & co"')
    )
    html = render_html(load_directory(data_copy))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_markdown_per_borough_with_null_front_door_explained(directory):
    md = render_markdown(directory)
    assert md.count("\n## ") == 2 + 33
    havering = md.split("## Havering", 1)[1].split("\n## ", 1)[0]
    assert "no number verified: use the NSPCC Helpline" in havering
    assert "Last verified" not in md and "2026-11-21" not in md.split("## National", 1)[1]


def test_export_tells_the_truth_per_listing(data_copy):
    """Nobody has confirmed a shipped listing: the export says so for every one of them, and a
    confirmation recorded in the file shows with its date and page."""
    from datetime import date

    md = render_markdown(load_directory(data_copy), today=date(2026, 11, 29))
    listings = md.count("\n### ")
    assert md.count("- **Confirmed:** not yet confirmed by a person on the live service") == listings
    assert "- **Source date:** 2022-08-28 (sources dated 2021-11-01 and 2022-08-28)" in md
    path = data_copy / "national.yml"
    text = path.read_text()
    start = text.index("  - id: childline\n")
    cut = text.index("    confirmed: null", start)
    path.write_text(
        text[:cut]
        + "    confirmed: 2026-10-01\n    confirmed_source: https://www.childline.org.uk\n"
        + text[cut + len("    confirmed: null\n") :]
    )
    md = render_markdown(load_directory(data_copy, today=date(2026, 11, 29)), today=date(2026, 11, 29))
    assert "- **Confirmed:** 2026-10-01 via https://www.childline.org.uk" in md
    later = render_markdown(load_directory(data_copy, today=date(2027, 6, 1)), today=date(2027, 6, 1))
    assert "2026-10-01 via https://www.childline.org.uk (more than 180 days ago: may have changed)" in later


def test_cli_writes_the_file(tmp_path, capsys):
    out = tmp_path / "directory.html"
    assert export_main(["--format", "html", "--output", str(out)]) == 0
    assert out.read_text().startswith("<!doctype html>")
    assert export_main(["--format", "md"]) == 0
    assert capsys.readouterr().out.count("\n## ") >= 35


def test_cli_refuses_broken_data(data_copy, capsys):
    (data_copy / "national.yml").write_text("services: [\n")
    assert export_main(["--path", str(data_copy)]) == 1
    assert "not valid YAML" in capsys.readouterr().err


def test_no_argument_renders_the_live_directory():
    # the web gateway calls render_html() with no arguments for /directory
    assert '<section id="tower_hamlets">' in render_html()
