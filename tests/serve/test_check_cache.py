"""bot.serve.check_cache: a training-heavy check runs again exactly when what it depends on changed.

Each test builds a small repository in tmp_path (config.yml naming one custom component, the
modules it imports, a channel module nothing in the pipeline imports) and runs real commands."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.serve import check_cache

CONFIG = """\
pipeline:
  - name: WhitespaceTokenizer
  - name: bot.safety.net.Net
policies:
  - name: RulePolicy
"""


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    files = {
        "config.yml": CONFIG,
        "domain.yml": "intents: [greet]\n",
        "endpoints.yml": "nlg:\n  type: bot.nlg.generator.NLG\n",
        "requirements.txt": "rasa==3.6.21\n",
        "data/nlu/greet.yml": "nlu: []\n",
        "data/safety/words.yml": "words: [knife]\n",
        "data/conversation/adults.yml": "phrases: [my pupil]\n",
        "bot/__init__.py": "",
        "bot/safety/__init__.py": "",
        "bot/safety/net.py": "from bot.safety import words\nclass Net: ...\n",
        "bot/safety/words.py": "import bot.shared.text\n",
        "bot/shared/__init__.py": "",
        "bot/shared/text.py": "X = 1\n",
        "bot/nlg/__init__.py": "",
        "bot/nlg/generator.py": "class NLG: ...\n",
        "bot/web/__init__.py": "",
        "bot/web/app.py": "from bot.shared.text import X\n",
        "tests/test_stories.yml": "stories: []\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path


def edit(path: Path) -> None:
    path.write_text(path.read_text() + "# edited\n")


def test_the_pipeline_code_is_what_config_and_endpoints_name_and_what_that_imports(tree):
    names = {
        p.relative_to(tree).as_posix()
        for p in check_cache.code_closure(check_cache.pipeline_modules(tree), [], tree)
    }
    assert names == {
        "bot/__init__.py",
        "bot/safety/__init__.py",
        "bot/safety/net.py",
        "bot/safety/words.py",
        "bot/shared/__init__.py",
        "bot/shared/text.py",
        "bot/nlg/__init__.py",
        "bot/nlg/generator.py",
    }


@pytest.mark.parametrize(
    "changed, reruns",
    [
        ("data/nlu/greet.yml", True),  # a training input
        ("requirements.txt", True),  # the pins
        ("bot/shared/text.py", True),  # imported, two steps away, by a pipeline component
        ("data/safety/words.yml", True),  # read by the pipeline at run time
        ("data/conversation/adults.yml", True),  # any data/ folder, including ones added later
        ("tests/test_stories.yml", True),  # the check's own input
        ("bot/web/app.py", False),  # a channel: the model never runs it
    ],
)
def test_the_key_of_a_pipeline_check_changes_with_its_inputs_only(tree, changed, reruns):
    before = check_cache.key_of("test-stories", tree)
    edit(tree / changed)
    assert (check_cache.key_of("test-stories", tree) != before) is reruns


def test_a_check_that_does_not_run_the_pipeline_ignores_its_code(tree):
    before = check_cache.key_of("reproducible-training", tree)
    edit(tree / "bot/safety/net.py")
    assert check_cache.key_of("reproducible-training", tree) == before
    edit(tree / "config.yml")
    assert check_cache.key_of("reproducible-training", tree) != before


def test_a_pass_is_remembered_and_a_failure_is_not(tree, tmp_path_factory):
    cache = tmp_path_factory.mktemp("checks")
    runs = tree / "runs.txt"
    count = [sys.executable, "-c", f"open({str(runs)!r}, 'a').write('x')"]
    assert check_cache.run_once("test-stories", count, tree, cache) == 0
    assert check_cache.run_once("test-stories", count, tree, cache) == 0
    assert runs.read_text() == "x"  # the second call skipped it
    edit(tree / "data/nlu/greet.yml")
    check_cache.run_once("test-stories", count, tree, cache)
    assert runs.read_text() == "xx"

    failing = [sys.executable, "-c", "raise SystemExit(3)"]
    assert check_cache.run_once("eval", failing, tree, cache) == 3
    assert check_cache.run_once("eval", failing, tree, cache) == 3  # not recorded: it ran again


def test_another_command_line_is_another_check(tree, tmp_path_factory):
    cache = tmp_path_factory.mktemp("checks")
    runs = tree / "runs.txt"
    for flag in ("a", "b"):
        command = [sys.executable, "-c", f"open({str(runs)!r}, 'a').write({flag!r})"]
        check_cache.run_once("test-stories", command, tree, cache)
    assert runs.read_text() == "ab"


def test_every_check_of_the_real_repository_has_inputs_that_exist():
    for name, (_, own) in check_cache.CHECKS.items():
        for file in own:
            assert (check_cache.REPO_ROOT / file).exists(), f"{name}: {file} does not exist"
        assert check_cache.inputs_of(name), name


def test_the_checks_that_run_rasa_count_every_patch_of_rasa():
    """install_all imports the patches by name, out of the import walk's sight: each still counts."""
    from bot.rasa_patches import PATCHES

    for name in ("test-stories", "eval"):
        inputs = {p.relative_to(check_cache.REPO_ROOT).as_posix() for p in check_cache.inputs_of(name)}
        assert {f"bot/rasa_patches/{patch}.py" for patch in PATCHES} <= inputs, name
