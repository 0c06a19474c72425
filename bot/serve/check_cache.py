"""Run a training-heavy check once per set of its inputs, so a code-only change reruns none of them.

    python -m bot.serve.check_cache NAME -- COMMAND [ARG...]
    python -m bot.serve.check_cache --inputs NAME  # list the input files of check NAME

COMMAND runs unless it already passed, as this same command line, for exactly these inputs; a
pass is recorded as models/checks/NAME.sha256 (`make clean`, or deleting that folder, forgets
every pass). A failure records nothing, so the check runs again next time.

Every key starts from what the model is built from (bot.serve.train.TRAINING_INPUTS: data/nlu,
rules, stories, config.yml, domain.yml) and the pins (requirements.txt, constraints.txt: the
Rasa and TensorFlow versions). A check that runs the trained pipeline adds the code Rasa loads
into it: the modules config.yml and endpoints.yml name and the data files that code reads at run
time. Each check adds its own files (CHECKS). Every bot module the named modules and the check's
own Python files import counts too (followed through the source, so a new import counts without
editing this file). A change to the web gateway, the
Telegram bridge, the action server or a test elsewhere changes no key.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import subprocess
import sys
from pathlib import Path

import yaml

from bot import REPO_ROOT
from bot.rasa_patches import PATCHES
from bot.serve.train import MODEL_DIR, TRAINING_INPUTS

PINS = ("requirements.txt", "constraints.txt")
CACHE_DIR = MODEL_DIR / "checks"
# read at run time by the code the pipeline loads: all of data/ (the risk stage's files, the service
# directory and its routes, the trusted-adult phrases, and any folder added later) and the
# directory package's own tables
PIPELINE_DATA = ("data", "bot/directory/data")

# name -> (does it run the trained pipeline?, its own inputs)
CHECKS: dict[str, tuple[bool, tuple[str, ...]]] = {
    # two trainings from scratch give the same intent ranking: training inputs, pins, the test
    "reproducible-training": (
        False,
        ("tests/serve/test_reproducible_training.py", "tests/training.py", "bot/serve/train.py"),
    ),
    # a model trained on shuffled labels: the risk stage and the rules must still escalate
    "shuffled-labels": (
        True,
        (
            "tests/safety/test_shuffled_labels.py",
            "tests/training.py",
            "tests/safety/must_catch.yml",
            "bot/safety/evaluate.py",
        ),
    ),
    "test-stories": (True, ("tests/test_stories.yml", "endpoints.yml", "credentials.yml")),
    "eval": (
        True,
        (
            "bot/safety/evaluate.py",
            "tests/safety/gold.yml",
            "tests/safety/must_catch.yml",
            "tests/safety/unseen.yml",
        ),
    ),
}


def pipeline_modules(root: Path = REPO_ROOT) -> list[str]:
    """The project's classes Rasa loads by name: custom components and policies, NLG, stores."""
    names: list[str] = []
    config = yaml.safe_load((root / "config.yml").read_text()) or {}
    for part in (config.get("pipeline") or []) + (config.get("policies") or []):
        names.append(part.get("name", ""))
    endpoints = yaml.safe_load((root / "endpoints.yml").read_text()) or {}
    for section in endpoints.values():
        if isinstance(section, dict):
            names.append(str(section.get("type", "")))
    return sorted({name.rsplit(".", 1)[0] for name in names if name.startswith("bot.")})


def module_file(module: str, root: Path = REPO_ROOT) -> Path | None:
    """bot.x.y -> bot/x/y.py or bot/x/y/__init__.py, or None when it is not a module of ours."""
    base = root.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def imported_modules(path: Path) -> set[str]:
    """The bot.* modules a file imports (`from bot.x import y` counts bot.x and bot.x.y)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("bot"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("bot"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def code_closure(modules: list[str], files: list[Path], root: Path = REPO_ROOT) -> list[Path]:
    """The given files and every source file of ours they or the given modules import, with the
    packages around them (importing bot.a.b runs bot/__init__.py and bot/a/__init__.py too)."""
    seen: set[Path] = set(files)
    todo = list(modules)
    for path in files:
        todo.extend(imported_modules(path))
    while todo:
        parts = todo.pop().split(".")
        for depth in range(1, len(parts) + 1):
            path = module_file(".".join(parts[:depth]), root)
            if path is not None and path not in seen:
                seen.add(path)
                todo.extend(imported_modules(path))
    return sorted(seen)


def files_under(names: tuple[str, ...], root: Path) -> list[Path]:
    files: list[Path] = []
    for name in names:
        path = root / name
        if path.is_dir():
            files.extend(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        elif path.is_file():
            files.append(path)
    return files


def inputs_of(name: str, root: Path = REPO_ROOT) -> list[Path]:
    """The files whose bytes make the key of check NAME (KeyError for an unknown check)."""
    runs_pipeline, own = CHECKS[name]
    own_files = files_under(own, root)
    modules = pipeline_modules(root) if runs_pipeline else []
    files = files_under(TRAINING_INPUTS + PINS, root) + own_files
    files += code_closure(modules, [p for p in own_files if p.suffix == ".py"], root)
    if root / "bot" / "rasa_patches" / "__init__.py" in files:
        # install_all imports each patch by name (importlib), which the import walk cannot see
        files += code_closure([f"bot.rasa_patches.{patch}" for patch in PATCHES], [], root)
    if runs_pipeline:
        files += files_under(PIPELINE_DATA, root)
    return sorted(set(files))


def key_of(name: str, root: Path = REPO_ROOT, command: tuple[str, ...] = ()) -> str:
    """SHA-256 over the check's name, its command line and its input files' paths and bytes."""
    digest = hashlib.sha256("\0".join((name, *command)).encode())
    for path in inputs_of(name, root):
        digest.update(b"\0" + str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def passed_already(name: str, key: str, cache_dir: Path = CACHE_DIR) -> bool:
    record = cache_dir / f"{name}.sha256"
    return record.is_file() and record.read_text().strip() == key


def record_pass(name: str, key: str, cache_dir: Path = CACHE_DIR) -> None:
    cache_dir.mkdir(parents=True, exist_ok=True)
    (cache_dir / f"{name}.sha256").write_text(key + "\n")


def run_once(name: str, command: list[str], root: Path = REPO_ROOT, cache_dir: Path = CACHE_DIR) -> int:
    """Run `command` unless check `name` passed for these inputs; record a pass. Its exit code."""
    key = key_of(name, root, tuple(command))
    if passed_already(name, key, cache_dir):
        print(f"{name}: passed already for these inputs (models/checks/{name}.sha256); skipped.")
        return 0
    returncode = subprocess.run(command, cwd=root).returncode
    if returncode == 0:
        # the inputs are hashed again: an edit made while the check ran must not inherit its pass
        if key_of(name, root, tuple(command)) == key:
            record_pass(name, key, cache_dir)
    return returncode


def main(argv: list[str]) -> int:
    if "--" in argv:
        at = argv.index("--")
        argv, command = argv[:at], argv[at + 1 :]
    else:
        command = []
    parser = argparse.ArgumentParser(prog="python -m bot.serve.check_cache")
    parser.add_argument("name", choices=sorted(CHECKS))
    parser.add_argument("--inputs", action="store_true", help="list the files the key is made of")
    args = parser.parse_args(argv)
    if args.inputs:
        for path in inputs_of(args.name):
            print(path.relative_to(REPO_ROOT))
        return 0
    if not command:
        parser.error("the command to run goes after --")
    return run_once(args.name, command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
