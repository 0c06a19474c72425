"""Fixtures of the directory tests (the `directory` itself is in tests/conftest.py)."""

import shutil
from pathlib import Path

import pytest


REAL_ROOT = Path(__file__).resolve().parents[2] / "data" / "services"


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the real data/services/ for corrupting in a test."""
    target = tmp_path / "services"
    shutil.copytree(REAL_ROOT, target)
    return target
