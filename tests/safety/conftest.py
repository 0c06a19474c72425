"""Safety test fixtures: the gold set and must-catch list, and a copy of the lexicon to edit."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.safety.evaluate import GOLD, MUST_CATCH, load_labelled, load_must_catch
from bot.safety.lexicon import DEFAULT_DIR


@pytest.fixture(scope="session")
def gold() -> list[tuple[str, str]]:
    return load_labelled(GOLD)


@pytest.fixture(scope="session")
def must_fire() -> list[dict]:
    return load_must_catch(MUST_CATCH)[0]


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    target = tmp_path / "safety"
    shutil.copytree(DEFAULT_DIR, target)
    return target
