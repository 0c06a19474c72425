"""Shared test helpers: the repository's own domain, rules and directory, loaded once."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests import environments

REPO = Path(__file__).resolve().parent.parent


def pytest_ignore_collect(collection_path: Path, config):
    """Collect only this environment's share of the tests (tests/environments.py)."""
    path = Path(collection_path)
    here = environments.current()
    if path.is_dir():
        if path == environments.TESTS or here in environments.environments_of(path):
            return None
        inside = [environments.TESTS / f for f in (*environments.SHARED, *environments.GATEWAY_FILES)]
        return None if any(path in shared.parents for shared in inside) else True
    if path.name.startswith("test_") and path.suffix == ".py":
        return None if here in environments.environments_of(path) else True
    return None


def pytest_itemcollected(item) -> None:
    """Note each collected test's file (before -m or -k deselect any): tests/test_environments.py
    reads this environment's share from here instead of collecting it again in a subprocess."""
    environments.COLLECTED.add(Path(item.path).resolve().relative_to(REPO).as_posix())


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
