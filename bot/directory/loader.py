"""Load data/services/ into a Directory, refusing data that has errors (warnings are allowed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bot.directory.model import Directory, DirectoryError
from bot.directory.validate import check_directory

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "data" / "services"


def load_directory(root: Path | str | None = None, today: date | None = None) -> Directory:
    """Read and validate every service file under `root` (default <repo>/data/services)."""
    report = check_directory(Path(root) if root is not None else DEFAULT_ROOT, today=today)
    if report.errors:
        raise DirectoryError([str(p) for p in report.errors])
    return Directory(services=tuple(report.services), boroughs=tuple(report.boroughs), routes=report.routes)
