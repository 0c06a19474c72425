"""Fixtures of the tests of bot/serve: the scaled profile's stack (tests/serve/scaled.py)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

from bot.serve.backing_services import BackingServices
from tests.serve.live import free_port, require_model
from tests.serve.scaled import ScaledStack, require_backing_binaries


@pytest.fixture(scope="module")
def stack(tmp_path_factory) -> Iterator[ScaledStack]:
    require_model()
    require_backing_binaries()
    # PostgreSQL runs as the `postgres` user when we are root: its folder must not be under
    # pytest's 0700 root-owned temp folder, so it gets its own in /tmp (removed afterwards)
    postgres_dir = Path(tempfile.mkdtemp(prefix="scaled-postgres-"))
    backing = BackingServices(
        tmp_path_factory.mktemp("scaled-state"),
        redis_port=free_port(),
        postgres_port=free_port(),
        postgres_dir=postgres_dir,
    )
    running = ScaledStack(backing, tmp_path_factory.mktemp("scaled-logs"))
    try:
        yield running.start()
    finally:
        running.close()
        shutil.rmtree(postgres_dir, ignore_errors=True)
