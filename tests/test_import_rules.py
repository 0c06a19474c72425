"""Which rooms may import which (docs/architecture.md): read from the source with `ast`, so an
import inside a function counts too, and nothing is imported to check it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# package -> packages none of its modules may import
FORBIDDEN = {
    "bot/telegram": ("bot.web",),
    "bot/web": ("bot.telegram",),
    "bot/channels": ("bot.web", "bot.telegram"),
    "bot": ("actions",),
}


def imported_modules(path: Path, root: Path = REPO) -> set[str]:
    """Every module `path` imports, absolute names (relative imports resolved from `root`)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(path.relative_to(root).with_suffix("").parts[:-1])
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def breaks(module: str, forbidden: str) -> bool:
    return module == forbidden or module.startswith(forbidden + ".")


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_room_imports_what_it_must_not(package):
    found = [
        f"{path.relative_to(REPO)} imports {module}"
        for path in sorted((REPO / package).rglob("*.py"))
        for module in sorted(imported_modules(path))
        if any(breaks(module, f) for f in FORBIDDEN[package])
    ]
    assert not found, "\n".join(found)


def test_the_scan_sees_imports_of_every_form(tmp_path):
    source = tmp_path / "bot" / "telegram" / "probe.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "import bot.web.app\nfrom bot.web import views\nfrom ..web import pages\n"
        "def later():\n    from bot.web.settings import Settings\n"
    )
    found = imported_modules(source, root=tmp_path)
    assert {"bot.web.app", "bot.web", "bot.web.views", "bot.web.pages", "bot.web.settings"} <= found
    assert breaks("bot.web.views", "bot.web") and not breaks("bot.webhooks", "bot.web")
