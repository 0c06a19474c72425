"""Which test files run in which environment (README "Two environments").

The web gateway's, the Telegram bridge's and what they share (tests/web, tests/telegram,
tests/channels) run in .venv-gateway (current aiohttp and python-telegram-bot, the versions that
serve users); everything else in .venv (Rasa 3.6, Python 3.10). SHARED files run in both: code
both sides import (logging policy, directory reading, the button payloads Rasa's REST input and
the channels both check, the keep-alive client the bench and scripts/measure_rasa_client.py use).
`make test` runs pytest once in each; tests/test_environments.py checks that every test file
lands in at least one.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

TESTS = Path(__file__).resolve().parent
GATEWAY_SUITES = frozenset({"web", "telegram", "channels"})
SHARED = frozenset(
    {
        "test_shared_imports.py",
        "privacy/test_logging_policy_shared.py",
        "channels/test_payloads.py",
        "bench/test_keepalive_http.py",
    }
)
# the files this pytest session collected, e.g. "tests/rasa_plugins/test_directory_nlg.py" (filled by tests/conftest.py)
COLLECTED: set[str] = set()


def current() -> str:
    """'rasa' in the environment that has Rasa installed, 'gateway' in the other."""
    return "rasa" if importlib.util.find_spec("rasa") is not None else "gateway"


def environments_of(path: Path) -> frozenset[str]:
    """{'rasa'}, {'gateway'} or both, for a file or folder under tests/."""
    relative = path.resolve().relative_to(TESTS)
    if relative.as_posix() in SHARED:
        return frozenset({"rasa", "gateway"})
    if relative.parts and relative.parts[0] in GATEWAY_SUITES:
        return frozenset({"gateway"})
    return frozenset({"rasa"})
