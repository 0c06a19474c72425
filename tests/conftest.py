"""Shared test helpers: the repository's own domain, rules and directory, loaded once."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def domain_yaml() -> dict:
    return yaml.safe_load((REPO / "domain.yml").read_text())


@pytest.fixture(scope="session")
def directory():
    from bot.directory import load_directory
    return load_directory()
