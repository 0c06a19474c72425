"""Malformed HTTP at the two listeners that face the internet (hazard H07): the web gateway
(`python -m bot.web`) and the Telegram webhook listener (`python -m bot.telegram`, webhook mode).

Each request carries a marker word where a message would be: in a broken chunk, a bad
Content-Length, a header with a bare CR, a huge header, the request line. The processes run as
`make run` starts them, at LOG_LEVEL=DEBUG (the most they ever print), and afterwards every line
they wrote (stdout and stderr) is scanned: the marker must appear nowhere. Every request must
also be answered with a 4xx or a closed connection, never a 2xx, and the process must still serve
a good request afterwards."""

from __future__ import annotations

import pytest

import socket
import subprocess
import urllib.request
from pathlib import Path


from bot.serve.ports import free_port
from bot.serve.stack import telegram_bridge, web_gateway
from tests.channels.raw_http import send_raw, status_of
from tests.telegram.helpers import SECRET, TOKEN, WEBHOOK_SECRET, bridge_process_env, stop, wait_until

pytestmark = pytest.mark.fuzz

REPO = Path(__file__).resolve().parents[2]
MARKER = "quokkamarker"  # letters only: the logging policy leaves plain words as they are


def malformed_requests(path: str, marker: str = MARKER) -> dict[str, bytes]:
    """Name -> raw request bytes; each is malformed and carries the marker."""
    host = "Host: 127.0.0.1\r\n"
    json_body = '{"message": "%s"}' % marker
    cases = {
        "bad chunk size": f"POST {path} HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\n\r\n"
        f"zz{marker}\r\n{json_body}\r\n0\r\n\r\n",
        "chunk longer than its size": f"POST {path} HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\n"
        f"Content-Type: application/json\r\n\r\n5\r\n{json_body}\r\n0\r\n\r\n",
        "chunk without CRLF": f"POST {path} HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\n\r\n"
        f"{len(json_body):x}\r\n{json_body}XX0\r\n\r\n",
        "chunked and content-length": f"POST {path} HTTP/1.1\r\n{host}Transfer-Encoding: chunked\r\n"
        f"Content-Length: 4\r\n\r\n{len(json_body):x}\r\n{json_body}\r\n0\r\n\r\n",
        "content-length not a number": f"POST {path} HTTP/1.1\r\n{host}Content-Length: {marker}\r\n\r\n{json_body}",
        "negative content-length": f"POST {path} HTTP/1.1\r\n{host}Content-Length: -{len(json_body)}\r\n\r\n{json_body}",
        "two different content-lengths": f"POST {path} HTTP/1.1\r\n{host}Content-Length: 3\r\n"
        f"Content-Length: {len(json_body)}\r\n\r\n{json_body}",
        "bare CR in a header": f"POST {path} HTTP/1.1\r\n{host}X-Note: a\r{marker}\r\n"
        f"Content-Length: {len(json_body)}\r\n\r\n{json_body}",
        "bare LF in a header": f"POST {path} HTTP/1.1\r\n{host}X-Note: a\n{marker}: b\r\n"
        f"Content-Length: {len(json_body)}\r\n\r\n{json_body}",
        "huge header": f"POST {path} HTTP/1.1\r\n{host}X-Big: {marker * 8000}\r\n"
        f"Content-Length: {len(json_body)}\r\n\r\n{json_body}",
        "many headers": f"POST {path} HTTP/1.1\r\n{host}"
        + "".join(f"X-{marker}-{i}: {marker}\r\n" for i in range(400))
        + f"Content-Length: {len(json_body)}\r\n\r\n{json_body}",
        "control character in the path": f"POST {path}/{marker}\x01 HTTP/1.1\r\n{host}\r\n",
        "bad method": f"P{marker}( {path} HTTP/1.1\r\n{host}\r\n",
        "bad version": f"POST {path} HTTP/9.{marker}\r\n{host}\r\n",
        "body cut short": f"POST {path} HTTP/1.1\r\n{host}Content-Length: 4000\r\n\r\n{json_body}",
        "not UTF-8 JSON": f"POST {path} HTTP/1.1\r\n{host}Content-Type: application/json\r\n"
        f"Content-Length: {len(json_body) + 2}\r\n\r\n{json_body}\xff\xfe",
    }
    return {name: text.encode("latin-1") for name, text in cases.items()}


def start(module: str, env_changes: dict, log: Path) -> subprocess.Popen:
    env = bridge_process_env({**env_changes, "LOG_LEVEL": "DEBUG", "PYTHONWARNINGS": "default"})
    with open(log, "w") as out:
        command = {"bot.web": web_gateway(0, {}).command, "bot.telegram": telegram_bridge({}).command}[module]
        return subprocess.Popen(command, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def fire_every_case(port: int, path: str) -> dict[str, int | None]:
    statuses = {
        name: status_of(send_raw(port, request)) for name, request in malformed_requests(path).items()
    }
    for name, status in statuses.items():
        assert status is None or 400 <= status < 500, f"{name}: answered {status}"
    return statuses


def test_the_gateway_logs_nothing_of_a_malformed_request(served_fakes, tmp_path):
    rasa, _, rasa_url, _ = served_fakes
    port, log = free_port(), tmp_path / "gateway.log"
    process = start("bot.web", {"PORT": str(port), "RASA_URL": rasa_url, "ACTION_SERVER_URL": rasa_url}, log)
    try:
        wait_until(lambda: listening(port), process, log)
        statuses = fire_every_case(port, "/api/chat")
        fire_every_case(port, "/api/forget")
        assert any(status == 400 for status in statuses.values())  # the parser did refuse
        good = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/chat",
            data=b'{"message": "hello"}',
            headers={"Content-Type": "application/json"},
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        assert opener.open(good, timeout=10).status == 200
    finally:
        stop(process)
    written = log.read_text(errors="replace")
    assert "Error handling request" in written  # the lines exist, without what was sent
    assert MARKER not in written.lower()
    assert all(MARKER not in text for _, text in rasa.received)


def test_the_telegram_webhook_logs_nothing_of_a_malformed_request(served_fakes, tmp_path):
    rasa, api, rasa_url, api_url = served_fakes
    port, log = free_port(), tmp_path / "bridge.log"
    process = start(
        "bot.telegram",
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api_url,
            "RASA_URL": rasa_url,
            "ACTION_SERVER_URL": rasa_url,
            "SENDER_ID_SECRET": SECRET.decode(),
            "TELEGRAM_MODE": "webhook",
            "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
            "TELEGRAM_WEBHOOK_URL": "https://example.invalid/hook",
            "TELEGRAM_WEBHOOK_PORT": str(port),
        },
        log,
    )
    try:
        wait_until(lambda: listening(port), process, log)
        fire_every_case(port, "/telegram/webhook")
    finally:
        stop(process)
    written = log.read_text(errors="replace")
    assert "webhook listening" in written
    assert MARKER not in written.lower()
    assert rasa.received == []
