"""The logging policy in whichever environment runs it (tests/environments.py: both): Python
warnings and servers' error lines keep no text a client or a user sent (issue 16)."""

from __future__ import annotations

import io
import logging
import warnings

import pytest

from bot.privacy import logging_policy

CANARY = "quokkacanary"


@pytest.fixture
def captured():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(logging_policy.PrivateDataFilter())
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    logging_policy.pin_levels()
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        logging.captureWarnings(False)


def test_a_warning_keeps_its_category_and_place_never_its_text(captured):
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        logging_policy.pin_levels()  # inside: catch_warnings restores showwarning on exit
        warnings.warn(
            f'could not parse \'/inform_location{{"borough": "x"}} {CANARY}\'', UserWarning, stacklevel=1
        )
    written = captured.getvalue()
    assert "UserWarning at" in written and "test_logging_policy_shared.py" in written
    assert CANARY not in written and "inform_location" not in written


def test_a_warning_in_another_shape_is_withheld_whole():
    assert (
        logging_policy.warning_summary(f"something odd {CANARY}")
        == f"a Python warning (text {logging_policy.WITHHELD})"
    )
    coloured = f"\x1b[33m/x/rasa/io.py:99: UserWarning: {CANARY}\x1b[0m"
    assert logging_policy.warning_summary(coloured).startswith("UserWarning at /x/rasa/io.py:99")


@pytest.mark.parametrize("name", ["aiohttp.server", "tornado.general", "sanic.error", "aiohttp.web_protocol"])
def test_a_servers_error_line_keeps_its_words_and_the_exception_kind_only(captured, name):
    try:
        raise ValueError(f"Invalid character in chunk size: b'{CANARY}'")
    except ValueError:
        logging.getLogger(name).exception("Malformed HTTP message from %s: %s", "203.0.113.9", CANARY)
    written = captured.getvalue()
    assert "Malformed HTTP message from" in written and "ValueError" in written
    assert "Traceback" in written and "test_logging_policy_shared.py" in written
    assert CANARY not in written and "203.0.113.9" not in written


def test_other_loggers_keep_their_arguments(captured):
    logging.getLogger("bot.web.views").warning("chat: sending the safety message (%s)", "TimeoutError")
    assert "TimeoutError" in captured.getvalue()
