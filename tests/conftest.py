"""The one fixture set. Here: the repository's own domain and directory, the static safety
reply, and the fake Rasa both channels talk to in tests. The web gateway's fixtures
(tests/web/fixtures.py) and the Telegram bridge's (tests/telegram/fixtures.py) are registered
here in .venv-gateway, where those suites run, so tests/channels can use both. Only package
conftest.py files add fixtures of their own (tests/directory, tests/safety, tests/serve)."""

from __future__ import annotations

from pathlib import Path
from typing import AsyncIterator

import pytest
import yaml

from tests import environments

REPO = Path(__file__).resolve().parent.parent

if environments.current() == "gateway":
    pytest_plugins = ["tests.web.fixtures", "tests.telegram.fixtures"]


def pytest_ignore_collect(collection_path: Path, config):
    """Collect only this environment's share of the tests (tests/environments.py)."""
    path = Path(collection_path)
    here = environments.current()
    if path.is_dir():
        if path == environments.TESTS or here in environments.environments_of(path):
            return None
        inside = [environments.TESTS / f for f in environments.SHARED]
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


@pytest.fixture(scope="session")
def safety_text():
    from bot.channels.safety_text import load_safety_text

    return load_safety_text()


@pytest.fixture(scope="session")
def assert_safety_reply(safety_text, directory):
    """The static safety reply, naming 999 and Childline with the directory's numbers."""
    emergency, childline = directory.get("emergency_999"), directory.get("childline")

    def check(text: str) -> None:
        assert text == safety_text.fallback
        assert emergency.phone == "999" and "999" in text
        assert childline.name in text and childline.phone in text

    return check


@pytest.fixture
def fake_rasa():
    """The fake Rasa REST channel (tests/channels/fakes.py); served by `rasa_url`."""
    from tests.channels.fakes import FakeRasa

    return FakeRasa()


@pytest.fixture
async def rasa_url(fake_rasa) -> AsyncIterator[str]:
    """`fake_rasa` served on 127.0.0.1 (also as fake_rasa.url); slow turns are released at the end."""
    from tests.channels.fakes import serve

    server, fake_rasa.url = await serve(fake_rasa.app())
    try:
        yield fake_rasa.url
    finally:
        fake_rasa.release()
        await server.close()


@pytest.fixture
def lexicon_copy(tmp_path: Path) -> Path:
    """A writable copy of the risk stage's files (data/safety/) to edit in a test."""
    import shutil

    from bot.safety.lexicon import DEFAULT_DIR

    target = tmp_path / "safety"
    shutil.copytree(DEFAULT_DIR, target)
    return target
