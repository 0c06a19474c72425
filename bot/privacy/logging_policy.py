"""What may reach a log line: no message text, no raw ids, no IP addresses, no tokens (hazard H07).

One policy for every process (web gateway, Telegram bridge, action server, Rasa):

- `PrivateDataFilter` sits on every root handler and rewrites each record before it is written:
  values of Rasa's message-bearing fields (`text`, `user_text`, `parse_data_text`, ...) in
  structured (JSON) lines become "[redacted]"; Telegram bot tokens, IP addresses (other than
  loopback and 0.0.0.0), full postcodes and long opaque ids (web sender ids, HMAC Telegram ids)
  are replaced wherever they appear, also in tracebacks. Ids become "id#" + 8 hex digits of their
  SHA-256, so one conversation's lines can still be told apart without the id itself.
- `LEVEL_PINS`: libraries that print private data below WARNING stay at WARNING whatever
  LOG_LEVEL says (httpx logs request URLs, which hold the bot token; python-telegram-bot logs
  whole updates at DEBUG).
- Access logs (aiohttp's, Sanic's and tornado's, which hold client IPs and paths) are dropped by a
  filter on the logger itself, which a later `dictConfig` or `setLevel` cannot undo.
- `QUOTING_LOGGERS`: HTTP servers quote what a client sent when they cannot parse it (aiohttp's
  "Error handling request" carries the malformed body or header in its exception). Their records
  keep their own words and the exception's kind and frames; arguments and the exception's text
  are withheld.
- Python warnings are captured into logging (`logging.captureWarnings`), and a warning line keeps
  only its category and where it was raised: a UserWarning's text can quote a message (Rasa warns
  with the whole text of a message it cannot parse as `/intent{...}`).
- In Rasa, `redact_event_dict` is the first structlog processor, so a field is redacted before
  any renderer (JSON or console) sees it, also at DEBUG (bot/rasa_patches/structlog_redaction.py;
  the logging config stops a Rasa started without it).

Message text in free-form lines cannot be recognised in general, which is why LOG_LEVEL=DEBUG
(`rasa run --debug`) stays unsafe in production: Rasa's own DEBUG lines describe conversations in
detail. The redaction here is the second line of defence, not a licence to log more.

Rasa and the action server get this policy from deploy/logging.yml (`--logging-config-file`);
the gateway and the bridge call `configure()`; `actions/__init__.py` calls `install()`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import sys
from typing import Any, Iterable, Mapping, MutableMapping

REDACTED = "[redacted]"

# Rasa's own list of message-bearing structlog fields (rasa.utils.log_utils._anonymizer), plus
# the ids and names a channel could hold.
SENSITIVE_KEYS = frozenset(
    {
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
        "events",
        "tracker",
        "slots",
        "metadata",
        "input_channel",
        "sender_id",
        "conversation_id",
        "chat_id",
        "user_id",
        "username",
        "first_name",
        "last_name",
        "from",
        "chat",
        "update",
        "headers",
        "host",
        "remote",
        "ip",
        "url",
    }
)

# Loggers that print private data below WARNING (URLs with the bot token, whole updates).
LEVEL_PINS: dict[str, int] = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "telegram": logging.WARNING,
    "telegram.ext": logging.WARNING,
    "apscheduler": logging.WARNING,
    "hpack": logging.WARNING,
    "urllib3": logging.WARNING,
    "sqlalchemy": logging.WARNING,
    "aiohttp.client": logging.WARNING,
}
# Access logs: one line per request with the client's IP address and the path. Never written.
ACCESS_LOGGERS = ("aiohttp.access", "sanic.access", "tornado.access")
# Servers' error loggers, whose arguments and exceptions can quote the bytes a client sent.
QUOTING_LOGGERS = (
    "aiohttp.server",
    "aiohttp.web",
    "aiohttp.web_protocol",
    "aiohttp.internal",
    "tornado.general",
    "tornado.application",
    "sanic.error",
    "sanic.server",
    # python-telegram-bot's webhook server logs a whole update it cannot read at
    # CRITICAL; the bridge serves its own webhook, but a deployment might not
    "telegram.ext.Updater",
)
WARNINGS_LOGGER = "py.warnings"
WITHHELD = "[withheld]"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_WARNING_HEAD = re.compile(r"(?:^|\s)(\S+?):(\d+): ([A-Za-z_][\w.]*): ")

_BOT_TOKEN = re.compile(r"(?<!\d)\d{5,}:[A-Za-z0-9_-]{30,}")
_IPV4 = re.compile(r"(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?![\d.])")
_IPV6 = re.compile(
    r"(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{1,4}:){2,7}[0-9A-Fa-f]{1,4}(?![0-9A-Za-z:])"
    r"|(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{1,4}:)+:(?:[0-9A-Fa-f]{1,4}:?)*[0-9A-Fa-f]{0,4}"
    r"(?![0-9A-Za-z:])"
)
_FULL_POSTCODE = re.compile(r"\b([A-Za-z]{1,2}\d[A-Za-z\d]?)\s*(\d[A-Za-z]{2})\b")
# Web sender ids and session tokens are token_urlsafe(32) (43 characters); Telegram sender ids
# are 64 hex digits. Nothing else we log is a run of 32 or more such characters with a digit.
_LONG_ID = re.compile(r"(?<![A-Za-z0-9_-])(?=[A-Za-z_-]*\d)[A-Za-z0-9_-]{32,}(?![A-Za-z0-9_-])")
_LOCAL_ADDRESSES = frozenset({"127.0.0.1", "0.0.0.0"})


def short_id(value: str) -> str:
    """A stable, non-reversible stand-in for an id: 'id#' + 8 hex digits of its SHA-256."""
    return "id#" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:8]


def _ipv4(match: re.Match) -> str:
    address = match.group(0)
    if address in _LOCAL_ADDRESSES or match.group(1) == "127":
        return address  # where a server listens is not about anyone
    if any(int(part) > 255 for part in match.groups()):
        return address  # not an address (a version or a number)
    return "[ip]"


def _ipv6(match: re.Match) -> str:
    address = match.group(0)
    return address if address in {"::1", "::"} else "[ip]"


def scrub(text: str) -> str:
    """Remove tokens, IP addresses, full postcodes and long ids from free text."""
    if not text:
        return text
    text = _BOT_TOKEN.sub("[token]", text)
    text = _IPV4.sub(_ipv4, text)
    if ":" in text:
        text = _IPV6.sub(_ipv6, text)
    text = _FULL_POSTCODE.sub(lambda m: m.group(1) + " [postcode]", text)
    return _LONG_ID.sub(lambda m: short_id(m.group(0)), text)


def _redact_value(key: str, value: Any) -> Any:
    if key in SENSITIVE_KEYS and value not in (None, "", [], {}):
        return REDACTED
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, Mapping):
        return {k: _redact_value(str(k), v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_redact_value("", v) for v in value]
    return value


def redact_mapping(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a structured log entry with message-bearing fields replaced by "[redacted]"."""
    return {str(k): _redact_value(str(k), v) for k, v in fields.items()}


def redact_event_dict(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    """structlog processor: run first, so no renderer ever sees a message-bearing field."""
    for key, value in list(event_dict.items()):
        if key == "event":
            event_dict[key] = scrub(value) if isinstance(value, str) else value
        elif key not in ("exc_info", "stack_info"):
            event_dict[key] = _redact_value(key, value)
    return event_dict


def redact_message(message: str) -> str:
    """One rendered log message: structured (JSON) lines field by field, anything else scrubbed."""
    stripped = message.strip()
    if stripped.startswith("{") and stripped.endswith("}"):
        try:
            fields = json.loads(stripped)
        except ValueError:
            fields = None
        if isinstance(fields, dict):
            return json.dumps(redact_mapping(fields), ensure_ascii=False, default=str)
    return scrub(message)


def _is_under(name: str, parents: Iterable[str]) -> bool:
    return any(name == parent or name.startswith(parent + ".") for parent in parents)


def warning_summary(text: str) -> str:
    """A captured warning's line ('file:12: UserWarning: text...') -> 'UserWarning at file:12'.
    The text is never kept; a line in another shape becomes a fixed sentence."""
    match = _WARNING_HEAD.search(_ANSI.sub("", text))
    if not match:
        return f"a Python warning (text {WITHHELD})"
    filename, lineno, category = match.groups()
    return f"{category} at {scrub(filename)}:{lineno} (text {WITHHELD})"


def exception_summary(exc_info: Any) -> str:
    """The frames of an exception and its kind, never its text (which may quote a request)."""
    import traceback

    kind, _, tb = exc_info
    frames = "".join(traceback.format_list(traceback.extract_tb(tb))) if tb else ""
    return f"Traceback (most recent call last):\n{frames}{getattr(kind, '__name__', 'Exception')} (text {WITHHELD})"


def _without_arguments(record: logging.LogRecord) -> str:
    template = str(record.msg)
    if not record.args:
        return template
    count = len(record.args) if isinstance(record.args, tuple) else 1
    try:
        return template % ((WITHHELD,) * count)
    except (TypeError, ValueError, KeyError):
        return template


class PrivateDataFilter(logging.Filter):
    """Rewrites every record that passes a handler; never drops one (except access logs)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if _is_under(record.name, ACCESS_LOGGERS):
            return False
        if getattr(record, "_private_data_checked", False):
            return True
        if record.name == WARNINGS_LOGGER:
            record.msg, record.args = warning_summary(_message(record)), ()
            record.exc_info, record.exc_text, record.stack_info = None, None, None
            record._private_data_checked = True
            return True
        if _is_under(record.name, QUOTING_LOGGERS):
            record.msg, record.args = scrub(_without_arguments(record)), ()
            if record.exc_info:
                record.exc_text = scrub(exception_summary(record.exc_info))
                record.exc_info = None
            elif record.exc_text:
                record.exc_text = WITHHELD
            record._private_data_checked = True
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: keep the template only
            message = str(record.msg)
        record.msg, record.args = redact_message(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        record._private_data_checked = True
        return True


class DropAll(logging.Filter):
    """On an access logger: no line is ever written, whatever its level or handlers."""

    def filter(self, record: logging.LogRecord) -> bool:
        return False


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:
        return str(record.msg)


def _has(filters: Iterable[Any], kind: type) -> bool:
    return any(isinstance(f, kind) for f in filters)


def capture_warnings() -> None:
    """Route Python warnings into logging (logger "py.warnings"), also when something restored
    warnings.showwarning after an earlier capture (logging.captureWarnings(True) alone would then
    do nothing)."""
    import warnings

    if getattr(warnings.showwarning, "__module__", None) != "logging":
        logging.captureWarnings(False)
        logging.captureWarnings(True)


def pin_levels() -> None:
    """Library level pins, access logs dropped, and warnings captured into logging (so the
    filter sees them); idempotent."""
    capture_warnings()
    for name, level in LEVEL_PINS.items():
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level < level:
            logger.setLevel(level)
    for name in ACCESS_LOGGERS:
        logger = logging.getLogger(name)
        if not _has(logger.filters, DropAll):
            logger.addFilter(DropAll())


def install() -> None:
    """Put the policy on the logging already set up in this process (idempotent)."""
    root = logging.getLogger()
    for handler in root.handlers:
        if not _has(handler.filters, PrivateDataFilter):
            handler.addFilter(PrivateDataFilter())
    pin_levels()


def level_from_env(env: Mapping[str, str] | None = None) -> int:
    """LOG_LEVEL (as Rasa reads it); INFO when unset or not a level name."""
    name = ((os.environ if env is None else env).get("LOG_LEVEL") or "INFO").strip().upper()
    level = logging.getLevelName(name)
    return level if isinstance(level, int) else logging.INFO


def configure(level: int | None = None) -> None:
    """The gateway's and the bridge's logging: one line per record on stderr, policy installed."""
    logging.basicConfig(
        level=level_from_env() if level is None else level,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    install()


def rasa_command_line_is_running() -> bool:
    """Whether this process is Rasa's own command line: `python -m rasa ...`, the `rasa` script,
    or `python -m bot.rasa_plugins ...` (which calls it). Importing rasa.__main__ does not count."""
    spec = getattr(sys.modules.get("__main__"), "__spec__", None)
    return (
        getattr(spec, "name", None) in ("rasa.__main__", "bot.rasa_plugins.__main__")
        or os.path.basename(sys.argv[0] if sys.argv else "") == "rasa"
    )


def check_rasa_redacts_structlog() -> None:
    """In Rasa's command line, stop unless bot.rasa_patches put `redact_event_dict` in Rasa's
    structlog processors: without it Rasa's structured lines would keep message text. SystemExit,
    not an exception: Rasa swallows (and logs at DEBUG only) any exception from a logging config."""
    if not rasa_command_line_is_running():
        return
    log_utils = sys.modules.get("rasa.utils.log_utils")
    if log_utils is not None and getattr(log_utils, "_anonymizer", None) is not redact_event_dict:
        print(
            "Rasa was started without this project's patches (bot.rasa_patches), so its "
            "structured log lines would not be redacted: start it as `python -m bot.rasa_plugins "
            "run ...` (bot/serve/stack.py), not `rasa run`.",
            file=sys.stderr,
            flush=True,
        )
        raise SystemExit(2)


def logging_config_filter() -> PrivateDataFilter:
    """The `()` factory deploy/logging.yml names: the filter (with the library level pins). In
    Rasa it also checks that the structlog processor is in place; it installs nothing in Rasa."""
    check_rasa_redacts_structlog()
    pin_levels()
    return PrivateDataFilter()
