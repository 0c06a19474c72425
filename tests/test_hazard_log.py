"""docs/safety/hazard-log.yml (DCB0129 shape): every hazard is complete and every test it cites
exists, so the safety case cannot point at evidence that was renamed or deleted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
LOG = REPO / "docs" / "safety" / "hazard-log.yml"
FIELDS = ("id", "hazard", "causes", "effect", "controls", "residual_risk", "test_ids")
LIKELIHOOD = {"very_low", "low", "medium", "high", "very_high"}
SEVERITY = {"minor", "significant", "considerable", "major", "catastrophic"}


def hazards() -> list[dict]:
    return yaml.safe_load(LOG.read_text(encoding="utf-8"))["hazards"]


def defines(path: Path, name: str) -> bool:
    source = path.read_text(encoding="utf-8")
    return re.search(rf"^\s*(async\s+)?def\s+{re.escape(name)}\s*\(", source, re.M) is not None


def test_covers_h01_to_h10_with_unique_ids():
    ids = [h["id"] for h in hazards()]
    assert len(ids) == len(set(ids))
    assert {f"H{n:02d}" for n in range(1, 11)} <= set(ids)


@pytest.mark.parametrize("hazard", hazards(), ids=lambda h: h.get("id", "?"))
def test_every_hazard_is_complete(hazard):
    missing = [f for f in FIELDS if not hazard.get(f)]
    assert not missing, f"{hazard.get('id')}: missing {missing}"
    assert isinstance(hazard["causes"], list)
    for control in hazard["controls"]:
        assert control.get("control") and control.get("where"), control  # each names where it lives
    risk = hazard["residual_risk"]
    assert risk["likelihood"] in LIKELIHOOD and risk["severity"] in SEVERITY
    assert risk["rating"] in (1, 2, 3, 4, 5)
    assert len(hazard["test_ids"]) >= 1


@pytest.mark.parametrize("hazard", hazards(), ids=lambda h: h.get("id", "?"))
def test_every_listed_test_exists(hazard):
    for node_id in hazard["test_ids"]:
        path, _, name = node_id.partition("::")
        name = name.split("[", 1)[0]  # a parametrised id names the function before [..]
        assert name and "::" not in name, f"{node_id}: expected 'path::test_name'"
        file = REPO / path
        assert file.is_file(), f"{hazard['id']}: {path} does not exist"
        assert defines(file, name), f"{hazard['id']}: {path} defines no test {name}"


def test_the_existence_check_catches_a_missing_test():
    assert defines(REPO / "tests" / "test_hazard_log.py", "test_every_listed_test_exists")
    assert not defines(REPO / "tests" / "test_hazard_log.py", "test_that_does_not_exist")
