"""README's "## Privacy" section: every sentence names the tests that back it, and they exist.

Each sentence ends with `<!-- tests: path::test_name, path::test_name -->` (one comment per
sentence). Test names are collected by parsing the named files with `ast`, so a renamed or
deleted test makes this fail instead of leaving a claim without evidence (hazard H07).
"""

from __future__ import annotations

import pytest

import ast
import re
from functools import lru_cache
from pathlib import Path

import yaml

from bot.serve import stack

pytestmark = pytest.mark.privacy

REPO = Path(__file__).resolve().parents[1]
README = REPO / "README.md"
COMMENT = re.compile(r"<!--\s*tests:(.*?)-->", re.S)
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def privacy_section(text: str) -> str:
    match = re.search(r"^## Privacy\n(.*?)(?=^## )", text, re.M | re.S)
    assert match, "README.md has no '## Privacy' section followed by another section"
    return match.group(1)


@lru_cache(maxsize=None)
def defined_tests(path: Path) -> frozenset[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return frozenset(
        node.name
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test_")
    )


def _plain(chunk: str) -> str:
    chunk = re.sub(r"`[^`]*`", "code", chunk)  # file names and commands hold dots
    return re.sub(r"\s+", " ", chunk).strip()


def problems_in(section: str, repo: Path = REPO) -> list[str]:
    """Every sentence without its own tests comment, and every named test that does not exist."""
    problems: list[str] = []
    parts = COMMENT.split(section)
    chunks, references = parts[0::2], parts[1::2]
    for chunk, refs in zip(chunks, references):
        text = _plain(chunk)
        ends = SENTENCE_END.findall(text)
        if len(ends) != 1 or not text.endswith(ends[0]):
            problems.append(f"one sentence per tests comment, got: {text[:120]!r}")
        names = [r.strip() for r in refs.split(",") if r.strip()]
        if not names:
            problems.append(f"a tests comment names no test after: {text[:80]!r}")
        for node_id in names:
            path, _, name = node_id.partition("::")
            file = repo / path
            if not name or not file.is_file():
                problems.append(f"{node_id}: no such test file")
            elif name.split("[", 1)[0] not in defined_tests(file):
                problems.append(f"{node_id}: {path} defines no such test")
    rest = _plain(chunks[-1])
    if rest:
        problems.append(f"text without a tests comment at the end: {rest[:120]!r}")
    return problems


def test_every_sentence_names_tests_that_exist():
    section = privacy_section(README.read_text(encoding="utf-8"))
    assert len(COMMENT.findall(section)) >= 15  # the section was not emptied
    assert problems_in(section) == []


def test_the_check_catches_an_unbacked_sentence_and_a_missing_test():
    good = "- Kept for an hour.\n  <!-- tests: tests/test_privacy_claims.py::test_the_check_catches_an_unbacked_sentence_and_a_missing_test -->\n"
    assert problems_in(good) == []
    two_sentences = "- Kept for an hour. Also on disk.\n  <!-- tests: tests/test_privacy_claims.py::test_every_sentence_names_tests_that_exist -->\n"
    assert len(problems_in(two_sentences)) == 1
    trailing = good + "- And logs hold nothing.\n"
    assert len(problems_in(trailing)) == 1
    missing = "- Kept.\n  <!-- tests: tests/test_privacy_claims.py::test_that_does_not_exist -->\n"
    assert "defines no such test" in problems_in(missing)[0]
    no_file = "- Kept.\n  <!-- tests: tests/nowhere.py::test_x -->\n"
    assert "no such test file" in problems_in(no_file)[0]


def test_rasa_telemetry_is_off_wherever_rasa_starts():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^export RASA_TELEMETRY_ENABLED := false$", makefile, re.M)
    # every process make run, make bench and the live tests start gets it (bot.serve.stack)
    assert stack.PRIVATE_ENV["RASA_TELEMETRY_ENABLED"] == "false"


def test_the_retention_the_readme_states_is_what_the_profiles_configure():
    section = privacy_section(README.read_text(encoding="utf-8"))
    assert "60 minutes after its last message" in section
    for endpoints in ("endpoints.yml", "deploy/endpoints.sqlite.yml"):
        store = yaml.safe_load((REPO / endpoints).read_text())["tracker_store"]
        assert store["max_idle_minutes"] == 60, endpoints
    sqlite = yaml.safe_load((REPO / "deploy/endpoints.sqlite.yml").read_text())["tracker_store"]
    assert sqlite["db"] == "var/conversations.db" and "`var/conversations.db`" in section
