"""bot/telegram/__main__.py: `python -m bot.telegram` as the supervisor starts it, in both modes,
against the fake Bot API and the fake Rasa (served from a background thread on 127.0.0.1); stopped
with SIGTERM/SIGINT; refusing to start, with a clear message, without a token or, in webhook mode,
without a good secret; and, with Telegram failing at start-up (marked faults), polling waits for
Telegram instead of exiting (an exiting bridge makes `make run` stop the whole assistant) and only
a refused token stops it at once, with a plain message."""

from __future__ import annotations

import json
import signal
import urllib.request

import pytest

from bot.serve.ports import free_port
from bot.telegram.ids import sender_id
from bot.telegram.webhook import SECRET_HEADER
from tests.telegram.fake_bot_api import Fault
from tests.telegram.helpers import (
    CHAT,
    SECRET,
    TOKEN,
    WEBHOOK_SECRET,
    bridge_env,
    plain,
    run_bridge,
    sender,
    start_bridge,
    stop,
    text_update,
    wait_until,
)


def test_polling_mode_answers_and_stops_on_sigint(served_fakes, tmp_path):
    rasa, api, rasa_url, api_url = served_fakes
    process, logs = start_bridge(tmp_path, bridge_env(rasa_url, api_url))
    try:
        wait_until(lambda: bool(api.called("getUpdates")), process, logs, 60)
        api.push_text(CHAT, "hello from polling")
        wait_until(lambda: bool(api.sent(CHAT)), process, logs, 20)
    finally:
        stop(process, signal.SIGINT)
    assert rasa.received == [(sender_id(SECRET, CHAT), "hello from polling")]
    output = logs.read_text()
    assert "polling" in output
    assert TOKEN not in output and "hello from polling" not in output and str(CHAT) not in output


def test_webhook_mode_registers_checks_the_secret_and_answers(served_fakes, tmp_path):
    rasa, api, rasa_url, api_url = served_fakes
    port = free_port()
    env = {
        **bridge_env(rasa_url, api_url),
        "TELEGRAM_MODE": "webhook",
        "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "TELEGRAM_WEBHOOK_URL": "https://example.invalid/hook",
        "TELEGRAM_WEBHOOK_PORT": str(port),
    }
    process, logs = start_bridge(tmp_path, env)
    url = f"http://127.0.0.1:{port}/telegram/webhook"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def post(secret: str) -> int:
        update = text_update("hello hook")
        request = urllib.request.Request(
            url,
            data=json.dumps(update).encode(),
            headers={"Content-Type": "application/json", SECRET_HEADER: secret},
        )
        try:
            return opener.open(request, timeout=10).status
        except urllib.error.HTTPError as error:
            return error.code

    try:
        wait_until(lambda: "webhook listening" in logs.read_text(), process, logs, 60)
        [registered] = api.called("setWebhook")
        assert registered["url"] == "https://example.invalid/hook"
        assert registered["secret_token"] == WEBHOOK_SECRET
        assert post("wrong") == 403
        assert rasa.received == []
        assert post(WEBHOOK_SECRET) == 200
        wait_until(lambda: bool(api.sent(CHAT)), process, logs, 20)
    finally:
        assert stop(process) == 0
    assert rasa.received == [(sender_id(SECRET, CHAT), "hello hook")]
    assert "127.0.0.1 [" not in logs.read_text()  # no access log


def test_entry_point_without_a_token_exits_with_a_clear_message():
    result = run_bridge({})
    assert result.returncode == 1
    assert "TELEGRAM_BOT_TOKEN is not set" in result.stderr


def test_webhook_mode_refuses_to_start_without_a_good_secret():
    result = run_bridge(
        {
            "TELEGRAM_BOT_TOKEN": "1:x",
            "TELEGRAM_MODE": "webhook",
            "TELEGRAM_WEBHOOK_URL": "https://example.invalid/hook",
            "TELEGRAM_WEBHOOK_SECRET": "short",
        }
    )
    assert result.returncode == 1 and "TELEGRAM_WEBHOOK_SECRET" in result.stderr


@pytest.mark.faults
def test_polling_bridge_waits_for_telegram_at_start_up_and_handles_the_update_once(served_fakes, tmp_path):
    fake_rasa, api, rasa_url, api_url = served_fakes
    api.fail("getMe", Fault.error(500, "Internal Server Error"))
    api.fail("deleteWebhook", Fault.reset())
    api.fail("getUpdates", Fault.error(502, "Bad Gateway"))
    api.push_text(CHAT, "hello while telegram was down")
    process, logs = start_bridge(tmp_path, bridge_env(rasa_url, api_url))
    try:
        wait_until(lambda: len(api.sent(CHAT)) == 1, process, logs)
        api.push_text(CHAT, "marker")
        wait_until(lambda: len(api.sent(CHAT)) == 2, process, logs)
    finally:
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=30)
    assert code == 0
    assert [plain(m) for m in api.sent(CHAT)] == ["I read: hello while telegram was down", "I read: marker"]
    assert fake_rasa.received == [(sender(), "hello while telegram was down"), (sender(), "marker")]
    assert {name for name, _, _ in api.failed} == {"getMe", "deleteWebhook", "getUpdates"}
    output = logs.read_text()
    assert "telegram: fetching updates failed (NetworkError); retrying" in output
    for leak in [TOKEN, "hello while telegram was down", str(CHAT), sender(), "Bad Gateway"]:
        assert leak not in output


@pytest.mark.faults
def test_a_refused_token_stops_the_bridge_at_once_with_a_plain_message(served_fakes, tmp_path):
    fake_rasa, api, rasa_url, api_url = served_fakes
    api.fail("getMe", Fault.error(401, "Unauthorized"), times=None)
    process, logs = start_bridge(tmp_path, bridge_env(rasa_url, api_url))
    try:
        code = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = logs.read_text()
    assert code == 1, output
    assert "Telegram refused (InvalidToken)" in output and "TELEGRAM_BOT_TOKEN" in output
    assert len(api.failures("getMe")) == 1 and TOKEN not in output
