"""bot.privacy.logging_policy: what may reach a log line (hazard H07). The whole-stack check is
tests/serve/test_canary_scan.py; these pin each rule on its own, also at DEBUG."""

from __future__ import annotations

import io
import json
import logging
import logging.config
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.privacy import logging_policy
from bot.privacy.logging_policy import (
    PrivateDataFilter,
    REDACTED,
    redact_event_dict,
    redact_message,
    scrub,
    short_id,
)
from bot.serve.ports import Ports
from bot.serve.stack import LOGGING_CONFIG, planned_services

REPO = Path(__file__).resolve().parents[2]
CANARY = "canary-5e1f my stepdad hits me"
WEB_SENDER = "Qm9vLXRoaXMtaXMtYS1yYW5kb20tc2Vzc2lvbi1pZA1"  # token_urlsafe(32) shape
TG_SENDER = "3f" * 32  # HMAC-SHA256 hex shape
TOKEN = "7123456789:AAH-very_secret_bot_token_0123456789abc"


@pytest.fixture
def captured():
    """A logger whose one handler carries the policy's filter, as every process's root handler does."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
    handler.addFilter(PrivateDataFilter())
    logger = logging.getLogger("test.logging_policy")
    logger.handlers, logger.propagate, logger.level = [handler], False, logging.DEBUG
    yield logger, stream
    logger.handlers = []


# --- free text --------------------------------------------------------------------------------
def test_ip_addresses_become_ip_but_where_a_server_listens_stays():
    assert scrub("from 203.0.113.77 via 2001:db8::1") == "from [ip] via [ip]"
    assert (
        scrub("listening on http://127.0.0.1:5005 and 0.0.0.0")
        == "listening on http://127.0.0.1:5005 and 0.0.0.0"
    )
    assert scrub("rasa 3.6.21 took 1.5 s") == "rasa 3.6.21 took 1.5 s"


def test_bot_tokens_are_removed_even_inside_urls():
    line = f'HTTP Request: POST https://api.telegram.org/bot{TOKEN}/getUpdates "HTTP/1.1 200 OK"'
    assert TOKEN not in scrub(line)
    assert "[token]" in scrub(line)


def test_full_postcodes_keep_only_their_first_half():
    assert scrub("near E8 1DY or e81dy") == "near E8 [postcode] or e8 [postcode]"
    assert scrub("district E8 only") == "district E8 only"


def test_long_ids_become_a_short_hash_never_a_prefix_of_the_id():
    line = scrub(f"conversation {WEB_SENDER} and {TG_SENDER}")
    assert WEB_SENDER not in line and TG_SENDER not in line
    assert TG_SENDER[:8] not in line
    assert line == f"conversation {short_id(WEB_SENDER)} and {short_id(TG_SENDER)}"
    assert short_id(WEB_SENDER) == short_id(WEB_SENDER) != short_id(TG_SENDER)


def test_ordinary_words_and_paths_are_left_alone():
    line = "Loading model models/current.tar.gz from /work/main/deploy/endpoints.sqlite.yml"
    assert scrub(line) == line


# --- structured lines (Rasa's structlog) -------------------------------------------------------
def test_structured_lines_lose_every_message_bearing_field():
    line = json.dumps(
        {
            "event": "processor.message.parse",
            "parse_data_text": CANARY,
            "parse_data_entities": [{"value": "E8"}],
            "sender_id": TG_SENDER,
            "parse_data_intent": {"name": "disclosure_abuse"},
            "level": "debug",
        }
    )
    fields = json.loads(redact_message(line))
    assert CANARY not in json.dumps(fields) and TG_SENDER not in json.dumps(fields)
    assert fields["parse_data_text"] == REDACTED == fields["sender_id"]
    assert fields["parse_data_intent"] == {"name": "disclosure_abuse"}  # the intent name stays
    assert fields["event"] == "processor.message.parse"


def test_the_structlog_processor_redacts_before_any_renderer():
    event = redact_event_dict(
        None,
        "warning",
        {"event": "message.parsing.failed", "user_text": "/" + CANARY, "url": "http://x/203.0.113.77"},
    )
    assert event == {"event": "message.parsing.failed", "user_text": REDACTED, "url": REDACTED}


# --- the filter on a handler -------------------------------------------------------------------
def test_the_filter_rewrites_arguments_and_tracebacks(captured):
    logger, stream = captured
    try:
        raise ValueError(f"bad request from 203.0.113.77 for {TG_SENDER}")
    except ValueError:
        logger.exception("chat failed for %s at %s", WEB_SENDER, "E8 1DY")
    output = stream.getvalue()
    for secret in ("203.0.113.77", TG_SENDER, WEB_SENDER, "1DY"):
        assert secret not in output
    assert "Traceback" in output and "ValueError" in output  # the kind of error is still there


def test_the_filter_also_redacts_debug_lines(captured):
    logger, stream = captured
    logger.debug(json.dumps({"event": "x", "text": CANARY}))
    assert CANARY not in stream.getvalue() and REDACTED in stream.getvalue()


# --- levels and access logs in a process set up by configure() ---------------------------------
def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
        env={"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", "RASA_TELEMETRY_ENABLED": "false"},
    )


CONFIGURED_PROCESS = f"""
import logging, logging.config
from bot.privacy import logging_policy
logging_policy.configure(logging.DEBUG)
logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot{TOKEN}/getUpdates")
logging.getLogger("telegram.ext.Updater").debug("update {{'text': '{CANARY}'}}")
logging.getLogger("aiohttp.access").critical("203.0.113.77 GET /api/chat")
# a later dictConfig (Sanic's) re-enables loggers and resets levels: access logs stay silent
logging.config.dictConfig({{"version": 1, "disable_existing_loggers": False,
                           "loggers": {{"sanic.access": {{"level": "INFO"}}}}}})
logging.getLogger("sanic.access").setLevel(logging.DEBUG)
logging.getLogger("sanic.access").critical("203.0.113.77 POST /webhooks/rest/webhook")
logging.getLogger("bot.web").info("still written")
"""


def test_library_pins_and_access_logs_hold_even_at_debug():
    result = _run(CONFIGURED_PROCESS)
    assert result.returncode == 0, result.stderr
    assert "still written" in result.stderr  # the process does log
    for secret in (TOKEN, CANARY, "203.0.113.77", "GET /api/chat", "/webhooks/rest"):
        assert secret not in result.stdout + result.stderr


def test_log_level_comes_from_log_level_like_rasa():
    assert logging_policy.level_from_env({}) == logging.INFO
    assert logging_policy.level_from_env({"LOG_LEVEL": "debug"}) == logging.DEBUG
    assert logging_policy.level_from_env({"LOG_LEVEL": "nonsense"}) == logging.INFO


# --- Rasa with deploy/logging.yml, as `make run` starts it -------------------------------------
RASA_PROCESS = f"""
import logging, sys
import rasa.utils.log_utils as log_utils          # rasa.__main__ imports this first
import bot.rasa_plugins  # python -m bot.rasa_plugins (how every stack starts Rasa) imports it first
from rasa.utils.common import configure_logging_and_warnings
from bot.privacy.logging_policy import PrivateDataFilter, redact_event_dict
import rasa.utils.io
# rasa.__main__.main's order for `rasa run --debug --logging-config-file FILE`
configure_logging_and_warnings(logging.DEBUG, sys.argv[1])
rasa.utils.io.configure_colored_logging(logging.DEBUG)   # replaces the root handler (keeps filters)
log_utils.configure_structlog(logging.DEBUG)
assert log_utils._anonymizer is redact_event_dict, "structlog processor not installed"
handlers = logging.getLogger().handlers
assert handlers and all(any(isinstance(f, PrivateDataFilter) for f in h.filters)
                        for h in handlers), "a root handler without the filter"
import structlog
log = structlog.get_logger("rasa.core.processor")
log.debug("processor.message.parse", parse_data_text="{CANARY}", sender_id="{TG_SENDER}")
log.warning("message.parsing.failed", user_text="/{CANARY}")
logging.getLogger("rasa.core.lock_store").debug("Issuing ticket for conversation '{WEB_SENDER}'")
logging.getLogger("sanic.access").critical("203.0.113.77 POST /webhooks/rest/webhook")
# Rasa warns with the whole text of a message it cannot read as /intent{{...}} (issue 16)
import rasa.shared.utils.io
rasa.shared.utils.io.raise_warning("Invalid entity in '/inform_location{{\\"x\\": 1}} {CANARY}'")
print("done", flush=True)
"""


def test_rasa_with_the_logging_config_redacts_structlog_fields_at_debug():
    result = _run(RASA_PROCESS, str(REPO / LOGGING_CONFIG))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "processor.message.parse" in output and "message.parsing.failed" in output
    assert "UserWarning at" in output  # the warning is there, without its text
    for secret in (CANARY, TG_SENDER, WEB_SENDER, "203.0.113.77", "inform_location"):
        assert secret not in output


def test_the_logging_config_is_valid_for_dictconfig():
    # Rasa and rasa_sdk swallow a config dictConfig rejects (logged at DEBUG only): check it here.
    config = yaml.safe_load((REPO / LOGGING_CONFIG).read_text())
    assert config["root"]["level"] == "INFO"
    assert "private_data" in config["handlers"]["console"]["filters"]
    logging.config.dictConfig({**config, "root": {"level": "WARNING", "handlers": []}})


def test_make_run_starts_rasa_and_the_action_server_with_the_logging_config():
    services = {s.name: s.command for s in planned_services(Ports(), True, False)}
    assert services["Rasa"][services["Rasa"].index("--logging-config-file") + 1] == LOGGING_CONFIG
    actions = services["action server"]
    assert actions[actions.index("--logging-config_file") + 1] == LOGGING_CONFIG  # rasa_sdk's spelling
    assert (REPO / LOGGING_CONFIG).is_file()
    assert not any("--debug" in c or "-vv" in c or "--verbose" in c for c in services.values())


def test_the_action_package_installs_the_policy_however_it_is_started():
    result = _run(
        "import logging; logging.basicConfig(); import actions\n"
        "from bot.privacy.logging_policy import PrivateDataFilter as F\n"
        "print(all(any(isinstance(f, F) for f in h.filters) for h in logging.getLogger().handlers))"
    )
    assert result.stdout.strip() == "True", result.stderr


def test_the_gateway_entry_point_logs_through_the_policy(monkeypatch):
    import bot.web.__main__ as gateway_main

    seen = {}

    def fake_run_app(app, **kwargs):
        seen["access_log"] = kwargs.get("access_log", "missing")
        seen["filtered"] = all(
            any(isinstance(f, PrivateDataFilter) for f in h.filters) for h in logging.getLogger().handlers
        )
        seen["handlers"] = len(logging.getLogger().handlers)

    monkeypatch.setattr(gateway_main.web, "run_app", fake_run_app)
    assert gateway_main.main() == 0
    assert seen["access_log"] is None and seen["handlers"] >= 1 and seen["filtered"]
