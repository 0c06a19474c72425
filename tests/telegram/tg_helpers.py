"""Constants and shared fakes for the Telegram tests (imported by conftest.py and the tests)."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def _load_web_fakes():
    """tests/web/fakes.py (the fake Rasa), shared without making tests/ a package."""
    path = Path(__file__).resolve().parents[1] / "web" / "fakes.py"
    spec = importlib.util.spec_from_file_location("web_test_fakes", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


web_fakes = _load_web_fakes()
TOKEN = "123456:TEST-token_for-the-fake-bot-api"
SECRET = b"test sender id secret"
WEBHOOK_SECRET = "webhook-secret-0123456789_abcdef"
