"""The library warnings Rasa and the action server do not log: deprecations inside Rasa 3.6's pinned
dependencies, which tell someone running the assistant nothing they can act on.

deploy/logging.yml puts `KnownLibraryWarnings` on the "py.warnings" logger (Python warnings are
captured into logging by bot.privacy.logging_policy). A warning is dropped only when both its
category is a DeprecationWarning (by name: DeprecationWarning, PendingDeprecationWarning or a
library's own *DeprecationWarning) and the module it is raised in is listed in KNOWN; every
other warning is logged as before, and errors never pass through here.

Python's own warning filters (PYTHONWARNINGS, -W) cannot do this: importing Sanic puts
`filterwarnings("once", category=DeprecationWarning)` in front of them. The action server prints
one of these (sanic_cors) before its logging is configured, so that one still shows.
Re-check the list after changing the pins: run `make run` and read what comes before "Ready".
"""

from __future__ import annotations

import logging
import re

# module -> what it deprecates (seen in `make run` with the pins of 2026-11-30)
KNOWN = {
    "pkg_resources": "declare_namespace, from namespace packages Rasa's dependencies declare",
    "rasa.shared.utils.validation": "`import pkg_resources` (pkg_resources is deprecated as an API)",
    "sanic_cors.extension": "distutils' LooseVersion",
    "tensorflow.lite.python.util": "jax.xla_computation",
    "matplotlib.fontconfig_pattern": "pyparsing's camelCase names",
}
_HEAD = re.compile(r"^(?P<file>\S+?\.py):\d+: (?P<category>[A-Za-z_][\w.]*): ")
_PACKAGES = re.compile(r".*/(?:site|dist)-packages/")


def module_of(path: str) -> str:
    """'/…/site-packages/sanic_cors/extension.py' -> 'sanic_cors.extension' ('' elsewhere)."""
    match = _PACKAGES.match(path)
    if not match:
        return ""
    relative = path[match.end() :].removesuffix(".py").removesuffix("/__init__")
    return relative.replace("/", ".")


def is_known_library_deprecation(text: str) -> bool:
    """Is this captured warning ('file:line: Category: message…') one of KNOWN's deprecations?"""
    match = _HEAD.match(text)
    if not match or not match["category"].rsplit(".", 1)[-1].endswith("DeprecationWarning"):
        return False
    return module_of(match["file"]) in KNOWN


class KnownLibraryWarnings(logging.Filter):
    """For the "py.warnings" logger: drops the warnings is_known_library_deprecation names."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            text = record.getMessage()
        except Exception:  # a record that cannot be formatted is not ours to judge
            return True
        return not is_known_library_deprecation(text)
