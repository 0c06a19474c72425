"""Small, tested changes to Rasa's own behaviour, each written for Rasa 3.6 and refusing any other.

Every patch is installed from one place: `install_all()`, which bot/rasa_plugins/__init__.py
calls when Rasa (or a test, or a tool) first imports a class Rasa loads by name, and which
`python -m bot.rasa_plugins` (the Rasa command line every stack starts) therefore runs before
Rasa's own `main()`. Nothing else installs a patch (tests/rasa_patches/test_install_all.py).

    action_result_validation  the action server's replies checked against a schema built once
    structlog_redaction       Rasa's structlog fields redacted by bot.privacy.logging_policy
    graph_runner              the prediction graph run in an order worked out once, not by dask
    message_turns             one message at a time, first come first served; one back from the
                              action server before any new one (RASA_MESSAGE_TURNS=off: Rasa's
                              own order)
"""

from __future__ import annotations

import importlib

# the patches, in the order they are installed
PATCHES = ("action_result_validation", "structlog_redaction", "graph_runner", "message_turns")


class WrongRasaVersion(RuntimeError):
    """A patch met a Rasa it was not written for: it reaches into Rasa's internals, so it must be
    read again against the new version before it is trusted."""


def check_rasa_version(patch: str, written_for: str) -> None:
    """Raises WrongRasaVersion unless the installed Rasa's version starts with `written_for`."""
    import rasa

    if not rasa.__version__.startswith(written_for):
        raise WrongRasaVersion(
            f"{patch} was written for Rasa {written_for}x, and this is Rasa {rasa.__version__}: "
            f"read bot/rasa_patches/{patch.rsplit('.', 1)[-1]}.py against this version first"
        )


def install_all() -> None:
    """Install every patch (idempotent). Raises WrongRasaVersion on a Rasa other than 3.6.x."""
    for name in PATCHES:
        importlib.import_module(f"{__name__}.{name}").install()


def installed() -> dict[str, bool]:
    """{patch: whether it is in place in this process}."""
    return {name: importlib.import_module(f"{__name__}.{name}").is_installed() for name in PATCHES}
