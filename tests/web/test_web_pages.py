"""Pages, headers on every kind of response, the entry point, settings, and pure helpers."""

from __future__ import annotations

import os
import re
import subprocess
import time
import tokenize
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.channels.errors import RasaUnavailable
from bot.channels.rate_limits import RateLimit
from bot.channels.reply import parse_rest_output
from bot.channels.typed_text import clean_typed_text
from bot.serve.ports import free_port
from bot.serve.stack import web_gateway
from bot.telegram.settings import Settings as TelegramSettings
from bot.web.sessions import SessionStore
from bot.web.settings import Settings
from tests.channels.fakes import closed_port_url

REPO = Path(__file__).resolve().parents[2]


class Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.style_elements = 0
        self.style_attributes = 0
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            if "src" in attrs:
                self.urls.append(attrs["src"])
            else:
                self.inline_scripts += 1
        if tag == "style":
            self.style_elements += 1
        if "style" in attrs:
            self.style_attributes += 1
        if any(a.startswith("on") for a in attrs):
            self.inline_scripts += 1
        if tag == "link" and "href" in attrs:
            self.urls.append(attrs["href"])


@pytest.mark.parametrize("path", ["/", "/privacy", "/quick-exit", "/services", "/admin/directory"])
async def test_pages_have_no_inline_code_and_only_local_assets(client, path):
    response = await client.get(path)
    assert response.status == 200
    page = await response.text()
    assets = Assets()
    assets.feed(page)
    assert (assets.inline_scripts, assets.style_elements, assets.style_attributes) == (0, 0, 0)
    assert assets.urls and all(url.startswith("/static/") for url in assets.urls)
    assert 'id="exit-button"' in page and "Exit this page" in page
    assert page.index('id="exit-button"') < page.index("<main")  # the first thing to Tab to
    assert "{{" not in page


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", "/"),
        ("GET", "/privacy"),
        ("GET", "/directory"),
        ("GET", "/static/chat.js"),
        ("GET", "/quick-exit"),
        ("GET", "/services"),
        ("GET", "/admin/directory"),
        ("POST", "/chat"),
        ("POST", "/services"),
        ("POST", "/api/transcript"),
        ("GET", "/chat"),
        ("GET", "/chat/v/unknown"),
        ("GET", "/static/style.css"),
        ("GET", "/healthz"),
        ("GET", "/no-such-page"),
        ("POST", "/api/chat"),
        ("POST", "/api/forget"),
        ("GET", "/api/chat"),
    ],
)
async def test_every_response_carries_the_security_headers(client, method, path):
    response = await client.request(method, path, json={"message": "hi"} if method == "POST" else None)
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["Cache-Control"] == "no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in headers and "ETag" not in headers


async def test_chat_page_shows_notice_and_directory_numbers(client):
    page = await (await client.get("/")).text()
    assert "computer program, not a person" in page
    assert 'role="log"' in page and 'aria-live="polite"' in page
    assert '<label for="message">' in page
    words = re.sub(r"<[^>]+>", "", page)  # the numbers are links now, drawn by the server
    assert "call 999" in words and "0800 1111" in words and "116 123" in words and "85258" in words
    assert '<a href="tel:999">999</a>' in page


async def test_privacy_page_says_what_is_kept_and_for_how_long(client):
    page = await (await client.get("/privacy")).text()
    for words in [
        "computer program",
        "1 hour after your last message",
        "IP",
        "cookies",
        "Delete this chat",
        "Exit this page",
        "/forget",
        "private or incognito",
    ]:
        assert words in page


async def test_directory_page_shows_the_export_inside_our_layout(client):
    page = await (await client.get("/admin/directory")).text()
    assert "Childline" in page and "0800 1111" in page
    assert page.count("<main") == 1


def test_no_phone_number_is_written_in_the_channel_code():
    """Numbers live in data/services only (ARCHITECTURE.md); the channels take them from there.
    Checked: Python string literals (comments may talk about "999"), and all HTML/JS/CSS, except
    links.py, whose pattern describes the formats it recognises (it was phone.js's before)."""
    number = re.compile(r"(?<![\w.-])(?:999|0\d{3} ?\d{3,4} ?\d{3,4}|116 ?\d{3}|85258)(?![\w-])")
    offenders = []
    for folder in ("bot/web", "bot/telegram"):
        for file in sorted((REPO / folder).rglob("*")):
            if file.name == "links.py":
                continue
            if file.suffix == ".py":
                with open(file, "rb") as source:
                    texts = [
                        t.string for t in tokenize.tokenize(source.readline) if t.type == tokenize.STRING
                    ]
            elif file.suffix in {".html", ".js", ".css"}:
                texts = file.read_text(encoding="utf-8").splitlines()
            else:
                continue
            offenders += [f"{file.relative_to(REPO)}: {t.strip()}" for t in texts if number.search(t)]
    assert offenders == []


# --- the entry point ---------------------------------------------------------------------------


def test_python_m_bot_web_serves_prints_the_url_and_logs_no_address_or_text(tmp_path):
    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "RASA_URL": closed_port_url(),
        "ACTION_SERVER_URL": closed_port_url(),
        "RASA_TIMEOUT_S": "0.5",
    }
    out, err = tmp_path / "out", tmp_path / "err"
    with open(out, "w") as stdout, open(err, "w") as stderr:
        process = subprocess.Popen(
            web_gateway(port, {}).command, cwd=REPO, env=env, stdout=stdout, stderr=stderr
        )
        try:
            deadline = time.monotonic() + 60
            while f"Chat: http://127.0.0.1:{port}" not in out.read_text():
                assert process.poll() is None, err.read_text()
                assert time.monotonic() < deadline, "the gateway did not start in 60 s"
                time.sleep(0.1)
            base = f"http://127.0.0.1:{port}"
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            assert opener.open(base + "/", timeout=10).status == 200
            request = urllib.request.Request(
                base + "/api/chat",
                data=b'{"message": "unique secret words"}',
                headers={"Content-Type": "application/json"},
            )
            body = opener.open(request, timeout=10).read().decode()
            assert "something went wrong" in body  # Rasa is not running: the safety message
        finally:
            process.terminate()
            process.wait(timeout=20)
    logs = out.read_text() + err.read_text()
    assert "unique secret words" not in logs
    assert "127.0.0.1 [" not in logs and '"GET / HTTP' not in logs  # no access log lines


def test_the_stacks_gateway_leaves_the_chat_address_to_make_run(tmp_path):
    # make run prints the address after "Ready"; the gateway's own line came while Rasa was
    # still loading the model, and whoever opened it then got the safety reply
    port = free_port()
    gateway = web_gateway(port, {"RASA_URL": closed_port_url(), "ACTION_SERVER_URL": closed_port_url()})
    log = tmp_path / "gateway.log"
    gateway.start(log)
    try:
        deadline = time.monotonic() + 60
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        while True:
            assert gateway.running, log.read_text()
            assert time.monotonic() < deadline, "the gateway did not start in 60 s"
            try:
                if opener.open(f"http://127.0.0.1:{port}/", timeout=5).status == 200:
                    break
            except OSError:
                time.sleep(0.1)
    finally:
        gateway.stop()
    assert "Chat:" not in log.read_text()


# --- settings ------------------------------------------------------------------------------------


def test_settings_defaults_match_the_documented_contract():
    settings = Settings.from_env({})
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)
    assert settings.rasa_url == "http://127.0.0.1:5005"
    assert settings.action_server_url == "http://127.0.0.1:5055"
    assert settings.rasa_timeout_s == 3 and settings.max_message_chars == 2000
    assert settings.max_body_bytes == 16384 and settings.rate_limit == RateLimit(20, 60)
    telegram = TelegramSettings.from_env({})
    assert telegram.rate_limit == RateLimit(20, 60) and telegram.max_message_chars == 2000
    assert telegram.telegram_mode == "polling" and telegram.telegram_bot_token is None
    assert telegram.sender_id_secret_is_random and len(telegram.sender_id_secret) == 32
    assert "secret" not in repr(telegram).lower().replace("sender_id_secret_is_random", "")


def test_settings_from_environment():
    settings = Settings.from_env(
        {"PORT": "9001", "RATE_LIMIT": "5/second", "RASA_URL": "http://127.0.0.1:1/"}
    )
    assert settings.port == 9001 and settings.rate_limit == RateLimit(5, 1.0)
    assert settings.rasa_url == "http://127.0.0.1:1"
    telegram = TelegramSettings.from_env(
        {"RATE_LIMIT": "5/second", "SENDER_ID_SECRET": "s3cret", "TELEGRAM_MODE": "WEBHOOK"}
    )
    assert telegram.rate_limit == RateLimit(5, 1.0)
    assert telegram.sender_id_secret == b"s3cret" and not telegram.sender_id_secret_is_random
    assert telegram.telegram_mode == "webhook"
    for bad in [{"PORT": "x"}, {"RATE_LIMIT": "lots"}, {"RASA_ROUTING": "random"}]:
        with pytest.raises(ValueError):
            Settings.from_env(bad)
    for bad in [{"RATE_LIMIT": "lots"}, {"TELEGRAM_MODE": "carrier-pigeon"}]:
        with pytest.raises(ValueError):
            TelegramSettings.from_env(bad)


# --- pure helpers ----------------------------------------------------------------------------------


def test_parse_rest_output_keeps_text_buttons_and_urgency_only():
    reply = parse_rest_output(
        [
            {
                "recipient_id": "s",
                "text": "Call 999 now.",
                "buttons": [{"title": "I'm safe", "payload": "/confirm_safe"}],
            },
            {"recipient_id": "s", "custom": {"urgency": "emergency"}},
            {"recipient_id": "s", "custom": {"urgency": "crisis", "text": "Samaritans"}},
            {"recipient_id": "s", "image": "http://x"},
            "junk",
        ]
    )
    assert reply.urgency == ("emergency", "crisis")
    assert [m.text for m in reply.messages] == ["Call 999 now.", "Samaritans"]
    assert reply.messages[0].buttons[0].payload == "/confirm_safe"
    assert "recipient_id" not in str(reply.to_json())
    assert parse_rest_output([{"custom": {"urgency": "made-up"}, "text": "hi"}]).urgency == ()
    with pytest.raises(RasaUnavailable):
        parse_rest_output({"not": "a list"})


def test_typed_text_never_starts_with_a_slash():
    assert clean_typed_text("  /restart ") == "restart"
    assert clean_typed_text('//greet{"x":1}') == 'greet{"x":1}'
    assert clean_typed_text("a/b") == "a/b"


def test_sessions_idle_out_and_are_evicted_least_recent_first():
    now = [0.0]
    store = SessionStore(
        max_sessions=2,
        idle_s=10,
        rate_limit=RateLimit(5, 60),
        new_session_limit=RateLimit(100, 60),
        clock=lambda: now[0],
    )
    a, b = store.create(), store.create()
    now[0] = 5
    assert store.get(a.token) is a  # a is now the most recent
    c = store.create()  # evicts b
    assert store.get(b.token) is None and len(store) == 2
    assert store.take_ended() == [b.sender_id]
    now[0] = 9
    assert store.get(c.token) is c
    assert store.take_ended() == []
    now[0] = 16
    assert store.take_ended() == [a.sender_id] and store.get(c.token) is c
    assert store.get(a.token) is None


def test_the_gateway_runs_on_uvloop_when_it_is_installed():
    import asyncio
    import uvloop
    from bot.web.__main__ import use_uvloop

    before = asyncio.get_event_loop_policy()
    try:
        assert use_uvloop() is True
        assert isinstance(asyncio.get_event_loop_policy(), uvloop.EventLoopPolicy)
    finally:
        asyncio.set_event_loop_policy(before)
