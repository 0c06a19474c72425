"""docs/architecture.md stays true: every file or folder it names in `code` exists, and every
package under bot/ has a line in its table of rooms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "architecture.md"
# `bot/web/views.py`, `bot/web/`, `actions/staff.py`, `data/rules/`, `config.yml`, `bot.conversation`
NAMED = re.compile(r"`((?:bot|actions|tests|data|docs)[./][\w./]*|[\w-]+\.(?:yml|ini|py|md))`")


def named_paths(text: str) -> list[str]:
    paths = []
    for name in NAMED.findall(text):
        if "/" not in name and name.startswith(("bot.", "actions.")) and not name.endswith((".py", ".yml")):
            name = name.replace(".", "/")  # a module: bot.conversation -> bot/conversation
        paths.append(name.rstrip("/"))
    return paths


def exists(path: str) -> bool:
    target = REPO / path
    return target.exists() or target.with_suffix(".py").exists()


def test_every_path_the_map_names_exists():
    paths = named_paths(DOC.read_text(encoding="utf-8"))
    assert len(paths) > 40  # the rooms and both paths of a message
    missing = sorted({p for p in paths if not exists(p)})
    assert not missing, f"docs/architecture.md names what does not exist: {missing}"


def test_every_package_has_a_room_on_the_map():
    text = DOC.read_text(encoding="utf-8")
    rooms = {p for p in named_paths(text.split("## A message")[0])}
    packages = {p.parent.relative_to(REPO).as_posix() for p in (REPO / "bot").glob("*/__init__.py")}
    assert not packages - rooms, f"packages missing from the map: {sorted(packages - rooms)}"


@pytest.mark.parametrize(
    "text, found",
    [
        ("see `bot/web/views.py` and `bot.conversation`", ["bot/web/views.py", "bot/conversation"]),
        ("`bot/nowhere.py`", ["bot/nowhere.py"]),
        ("`make run`, `GET /healthz`", []),
    ],
)
def test_the_check_reads_the_names_it_should(text, found):
    assert named_paths(text) == found
    assert all(exists(p) for p in found) == ("nowhere" not in text)
