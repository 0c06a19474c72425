"""Patches of Rasa's internals are installed from one place (bot.rasa_patches.install_all, run when
bot.rasa_plugins is imported), never as a side effect of constructing something else, and each
refuses a Rasa other than the one it was written for."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from bot import rasa_patches
from bot.rasa_patches import (
    WrongRasaVersion,
    action_result_validation,
    graph_runner,
    message_turns,
    structlog_redaction,
)

REPO = Path(__file__).resolve().parents[2]


def run(code: str) -> subprocess.CompletedProcess:
    """`code` in a fresh interpreter (this process has imported the plugins already)."""
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300)


# Everything under bot/ but the plugin package, imported in a fresh process; then what the
# logging config (deploy/logging.yml) constructs, which installed a patch before issue 18.
WITHOUT_THE_PLUGINS = """
import importlib, logging, sys
from pathlib import Path
import rasa.core.actions.action, rasa.utils.log_utils
names = sorted(".".join(p.with_suffix("").parts) for p in Path("bot").rglob("*.py")
               if "rasa_plugins" not in p.parts and p.stem != "__main__")
for name in names:
    try:
        importlib.import_module(name[: -len(".__init__")] if name.endswith(".__init__") else name)
    except ModuleNotFoundError as error:  # the gateway's own libraries (python-telegram-bot)
        assert error.name in ("telegram",), error
from bot.privacy.logging_policy import DropAll, logging_config_filter
from bot.serve.library_warnings import KnownLibraryWarnings
logging_config_filter(), DropAll(), KnownLibraryWarnings()
from bot.rasa_patches import installed
assert "bot.rasa_plugins" not in sys.modules, "something imported the plugin package"
print("before:", sorted(name for name, done in installed().items() if done))
import bot.rasa_plugins
print("after:", sorted(name for name, done in installed().items() if done))
"""


@pytest.fixture(scope="module")
def fresh_process() -> list[str]:
    """The lines WITHOUT_THE_PLUGINS printed (one interpreter for both tests: ~10 s of imports)."""
    result = run(WITHOUT_THE_PLUGINS)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip().splitlines()


def test_nothing_but_the_plugin_package_installs_a_patch(fresh_process):
    assert "before: []" in fresh_process


def test_importing_the_plugin_package_installs_every_patch(fresh_process):
    assert f"after: {sorted(rasa_patches.PATCHES)}" in fresh_process


def calls_to(name: str, path: Path) -> list[tuple[int, bool]]:
    """(line, at module level?) of every call of `name` or `<something>.name` in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inside.update(id(n) for n in ast.walk(node) if n is not node)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if called == name:
                found.append((node.lineno, id(node) not in inside))
    return found


def test_install_all_is_called_once_at_the_plugin_packages_import_and_nowhere_else():
    sources = [p for folder in ("bot", "actions", "scripts") for p in (REPO / folder).rglob("*.py")]
    callers = {p.relative_to(REPO).as_posix(): calls_to("install_all", p) for p in sources}
    assert {path: calls for path, calls in callers.items() if calls} == {
        "bot/rasa_plugins/__init__.py": [
            (calls_to("install_all", REPO / "bot/rasa_plugins/__init__.py")[0][0], True)
        ]
    }
    patch_files = {f"bot/rasa_patches/{name}.py" for name in rasa_patches.PATCHES}
    for path in sources:
        relative = path.relative_to(REPO).as_posix()
        if relative == "bot/rasa_patches/__init__.py" or relative in patch_files:
            continue
        for module in rasa_patches.PATCHES:
            assert f"{module}.install(" not in path.read_text(encoding="utf-8"), relative


@pytest.mark.parametrize(
    "patch", [action_result_validation, structlog_redaction, graph_runner, message_turns]
)
def test_each_patch_refuses_a_rasa_it_was_not_written_for(patch, monkeypatch):
    import rasa

    assert patch.WRITTEN_FOR == "3.6." and rasa.__version__.startswith(patch.WRITTEN_FOR)
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(WrongRasaVersion, match="written for Rasa 3.6.x, and this is Rasa 3.7.0"):
        patch.install()
    with pytest.raises(WrongRasaVersion):
        rasa_patches.install_all()


def test_rasa_started_without_the_patches_stops_at_the_logging_config(monkeypatch, capsys):
    import rasa.utils.log_utils as log_utils

    from bot.privacy.logging_policy import PrivateDataFilter, logging_config_filter

    monkeypatch.setattr(sys, "argv", ["/somewhere/bin/rasa", "run"])  # the `rasa` script
    monkeypatch.setattr(log_utils, "_anonymizer", lambda logger, method, event_dict: event_dict)
    with pytest.raises(SystemExit) as stopped:  # Rasa swallows exceptions from a logging config
        logging_config_filter()
    assert stopped.value.code == 2 and "python -m bot.rasa_plugins" in capsys.readouterr().err
    structlog_redaction.install()
    assert isinstance(logging_config_filter(), PrivateDataFilter)
