"""bot/serve/library_warnings.py: `make run` leaves out the listed library deprecations and nothing
else (issue 18: a user sees what they need, never a hidden error)."""

from __future__ import annotations

import logging
import warnings

import yaml

from bot.serve import library_warnings
from bot.serve.library_warnings import KnownLibraryWarnings, is_known_library_deprecation, module_of

SITE = "/work/.venv/lib/python3.10/site-packages"


def captured(path: str, category: type[Warning], text: str = "something is deprecated") -> str:
    """The text logging.captureWarnings logs for a warning raised at `path`, line 39."""
    return warnings.formatwarning(text, category, path, 39, "x = 1")


def record(text: str) -> logging.LogRecord:
    return logging.LogRecord("py.warnings", logging.WARNING, __file__, 1, "%s", (text,), None)


def test_module_names_come_from_the_path_under_site_packages():
    assert module_of(f"{SITE}/sanic_cors/extension.py") == "sanic_cors.extension"
    assert module_of(f"{SITE}/pkg_resources/__init__.py") == "pkg_resources"
    assert module_of("/work/main/bot/web/app.py") == ""


def test_a_listed_modules_deprecations_are_dropped_whatever_the_deprecation_class():
    class PyparsingDeprecationWarning(DeprecationWarning):
        pass

    for category in (DeprecationWarning, PendingDeprecationWarning, PyparsingDeprecationWarning):
        assert is_known_library_deprecation(captured(f"{SITE}/matplotlib/fontconfig_pattern.py", category))


def test_other_warnings_of_the_same_module_other_modules_and_our_own_code_are_kept():
    assert not is_known_library_deprecation(captured(f"{SITE}/sanic_cors/extension.py", UserWarning))
    assert not is_known_library_deprecation(captured(f"{SITE}/sanic_cors/decorator.py", DeprecationWarning))
    assert not is_known_library_deprecation(captured(f"{SITE}/rasa/core/agent.py", DeprecationWarning))
    assert not is_known_library_deprecation(
        captured("/work/main/bot/rasa_plugins/directory_nlg.py", DeprecationWarning)
    )
    assert not is_known_library_deprecation("Traceback (most recent call last): DeprecationWarning")


def test_the_filter_drops_only_those_records():
    known = KnownLibraryWarnings()
    assert (
        known.filter(record(captured(f"{SITE}/tensorflow/lite/python/util.py", DeprecationWarning))) is False
    )
    assert known.filter(record(captured(f"{SITE}/tensorflow/lite/python/util.py", RuntimeWarning))) is True


def test_every_listed_module_is_one_the_pinned_environment_has():
    """Looked up as files (importing tensorflow to find a submodule would take seconds)."""
    import importlib.util
    from pathlib import Path

    for module in library_warnings.KNOWN:
        top, _, rest = module.partition(".")
        spec = importlib.util.find_spec(top)  # finds, does not import
        assert spec is not None, module
        base = Path(spec.origin).parent
        assert rest == "" or (base / (rest.replace(".", "/") + ".py")).is_file(), module


def test_the_logging_config_of_rasa_and_the_action_server_puts_it_on_the_warnings_logger(repo):
    config = yaml.safe_load((repo / "deploy" / "logging.yml").read_text())
    names = config["loggers"]["py.warnings"]["filters"]
    assert [config["filters"][name]["()"] for name in names] == [
        "bot.serve.library_warnings.KnownLibraryWarnings"
    ]
