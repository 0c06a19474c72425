"""Code both environments import (tests/environments.py runs this file in both): the logging
policy, the directory reading behind /directory and the safety replies, and the settings."""

from __future__ import annotations

import importlib

import pytest

SHARED_MODULES = [
    "bot.privacy.logging_policy",
    "bot.directory",
    "bot.directory.export",
    "bot.directory.location",
    "bot.channels.settings",
    "bot.web.settings",
    "bot.telegram.settings",
    "bot.channels.safety_text",
]


@pytest.mark.parametrize("name", SHARED_MODULES)
def test_shared_module_imports_here(name):
    importlib.import_module(name)


def test_the_directory_export_renders_here(directory):
    from bot.directory.export import render_html

    html = render_html(directory)
    assert "Childline" in html and "0800 1111" in html
