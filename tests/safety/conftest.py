"""Safety test fixtures: the gold set and must-catch list (a copy of the lexicon to edit,
`lexicon_copy`, is in tests/conftest.py: the SafetyNet tests use it too)."""

from __future__ import annotations

import pytest

from bot.safety.evaluate import GOLD, MUST_CATCH, load_labelled, load_must_catch


@pytest.fixture(scope="session")
def gold() -> list[tuple[str, str]]:
    return load_labelled(GOLD)


@pytest.fixture(scope="session")
def must_fire() -> list[dict]:
    return load_must_catch(MUST_CATCH)[0]
