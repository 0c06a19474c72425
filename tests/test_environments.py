"""Every test file runs in at least one of the two environments (tests/environments.py), and
collects there without errors: a suite moved to the wrong side would otherwise vanish from CI."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from bot.serve.environments import MissingEnvironment, gateway_python
from tests import environments

REPO = environments.TESTS.parent


def collected_files(python: str) -> set[str]:
    done = subprocess.run(
        [python, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return {line.split("::")[0] for line in done.stdout.splitlines() if "::" in line}


def collected_here(config: pytest.Config) -> set[str]:
    """This environment's share: what this session collected when it was asked for the whole
    suite (`pytest` with no paths, as make runs it), else a collection of its own."""
    if config.args_source == pytest.Config.ArgsSource.TESTPATHS and environments.COLLECTED:
        return set(environments.COLLECTED)
    return collected_files(sys.executable)


def test_each_test_file_is_collected_in_one_environment_or_both(pytestconfig):
    try:
        gateway = gateway_python()
    except MissingEnvironment as error:
        pytest.fail(str(error))
    here, there = collected_here(pytestconfig), collected_files(gateway)
    every = {path.relative_to(REPO).as_posix() for path in environments.TESTS.rglob("test_*.py")}
    missing = every - here - there
    assert not missing, f"collected in neither environment: {sorted(missing)}"
    for path in every:
        wanted = environments.environments_of(REPO / path)
        for name, collected in (("rasa", here), ("gateway", there)):
            if name in wanted and _has_tests(path):
                assert path in collected, f"{path} was not collected in the {name} environment"


def _has_tests(path: str) -> bool:
    return bool(re.search(r"^(async )?def test_", (REPO / path).read_text(), re.MULTILINE))
