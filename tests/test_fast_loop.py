"""`make test-fast` needs no trained model, browser or database server: it deselects the markers
pytest.ini declares for them, and every test file that loads the model carries one of them."""

from __future__ import annotations

import configparser
import re

from tests import environments

REPO = environments.TESTS.parent
# what loads the trained model in a test: tests/serve/live.py's helpers and its MODEL path
USES_THE_MODEL = re.compile(
    r"\brequire_model\(|\bstarted_assistant\(|^from tests\.serve\.live import[^\n]*\bMODEL\b", re.MULTILINE
)
LEFT_OUT = ("needs_rasa", "training", "scaled")
# markers that name a kind of test (tests/<package>/ holds every kind); test-fast keeps them
KINDS = {"live", "faults", "fuzz", "privacy"}


def fast_expression() -> str:
    line = next(line for line in (REPO / "Makefile").read_text().splitlines() if line.startswith("FAST := "))
    return line.removeprefix("FAST := ")


def test_the_fast_loop_deselects_every_marker_for_a_model_a_browser_or_a_database():
    ini = configparser.ConfigParser()
    ini.read(REPO / "pytest.ini")
    declared = {line.split(":")[0].strip() for line in ini["pytest"]["markers"].splitlines() if line.strip()}
    expression = fast_expression()
    assert re.fullmatch(r"not \w+( and not \w+)*", expression), expression
    assert set(re.findall(r"not (\w+)", expression)) == declared - KINDS
    assert KINDS < declared


def test_every_test_file_that_loads_the_model_is_marked_so_test_fast_leaves_it_out():
    unmarked = []
    for path in sorted(environments.TESTS.rglob("test_*.py")):
        text = path.read_text(encoding="utf-8")
        if USES_THE_MODEL.search(text) and not re.search(rf"pytest\.mark\.({'|'.join(LEFT_OUT)})\b", text):
            unmarked.append(path.relative_to(REPO).as_posix())
    assert not unmarked, f"load the trained model without a needs_rasa/training/scaled marker: {unmarked}"
