"""Which interpreter runs which process (README "Two environments", SECURITY.md).

    rasa_python()     .venv/bin/python          Python 3.10: Rasa, the action server, training
    gateway_python()  .venv-gateway/bin/python  Python 3.11+: the web gateway, the Telegram
                                                bridge (they face the internet: current aiohttp
                                                and python-telegram-bot)

Both are built by scripts/bootstrap.sh (`make run`, `make test`). RASA_PYTHON / GATEWAY_VENV_PYTHON
override them (a deployment with its own paths). Returns paths as str, for subprocess commands.
"""

from __future__ import annotations

import os
import sys

from bot import REPO_ROOT

RASA_VENV = REPO_ROOT / ".venv"
GATEWAY_VENV = REPO_ROOT / ".venv-gateway"


class MissingEnvironment(RuntimeError):
    """An environment `make bootstrap` builds is not there."""


def _python(variable: str, venv, what: str) -> str:
    chosen = os.environ.get(variable, "").strip()
    if chosen:
        return chosen
    python = venv / "bin" / "python"
    if python.exists():
        return str(python)
    # running from a virtualenv that is itself this environment (e.g. an installed copy)
    if sys.prefix == str(venv):
        return sys.executable
    raise MissingEnvironment(f"{venv.name} is missing ({what}): run `make bootstrap`")


def rasa_python() -> str:
    """The Python 3.10 interpreter of Rasa and the action server. Raises MissingEnvironment."""
    return _python("RASA_PYTHON", RASA_VENV, "Rasa and the action server")


def gateway_python() -> str:
    """The 3.11+ interpreter of the web gateway and the Telegram bridge. Raises MissingEnvironment."""
    return _python("GATEWAY_VENV_PYTHON", GATEWAY_VENV, "the web gateway and the Telegram bridge")
