import re

from bot.directory import load_directory
from bot.directory.cli import export_main
from bot.directory.export import render_html, render_markdown


def test_html_has_every_borough_and_dates_and_no_external_assets(directory):
    html = render_html(directory)
    assert html.count("<section") == 2 + 33
    for borough in directory.boroughs:
        assert f'<section id="{borough.id}">' in html
    assert html.count("<article") == html.count("<dt>Last verified</dt>")
    for service in directory.services:  # each listing appears (the Lighthouse once per borough it serves)
        assert f'<article id="{service.id}">' in html
    assert not re.search(r"<(script|link|img|iframe)\b", html)
    assert "src=" not in html and "@import" not in html and "url(" not in html


def test_html_escapes_listing_text(data_copy):
    path = data_copy / "national.yml"
    path.write_text(path.read_text().replace('name: "Childline"', 'name: "Childline <script>alert(1)</script> & co"'))
    html = render_html(load_directory(data_copy))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html


def test_markdown_per_borough_with_null_front_door_explained(directory):
    md = render_markdown(directory)
    assert md.count("\n## ") == 2 + 33
    havering = md.split("## Havering", 1)[1].split("\n## ", 1)[0]
    assert "no number verified: use the NSPCC Helpline" in havering
    assert "- **Last verified:** 2026-11-21 (compile date of services-research.yaml)" in md


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
