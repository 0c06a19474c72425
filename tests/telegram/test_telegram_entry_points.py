"""`python -m bot.telegram` as the supervisor starts it, in both modes, against the fake Bot API
and the fake Rasa (served from a background thread on 127.0.0.1); stopped with SIGTERM/SIGINT."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from bot.serve.ports import free_port
from bot.telegram.ids import sender_id
from bot.telegram.webhook import SECRET_HEADER
from fake_bot_api import FakeBotAPI
from tg_helpers import SECRET, TOKEN, WEBHOOK_SECRET, web_fakes

REPO = Path(__file__).resolve().parents[2]
CHAT = 5550001



def wait_until(condition, timeout_s: float, process: subprocess.Popen, logs: Path) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert process.poll() is None, logs.read_text()
        assert time.monotonic() < deadline, logs.read_text()
        time.sleep(0.05)


@pytest.fixture
def fakes():
    rasa = web_fakes.FakeRasa()
    api = FakeBotAPI(TOKEN)
    with web_fakes.ServedApps() as served:
        rasa_url = served.start(rasa.app)
        api_url = served.start(api.app)
        yield rasa, api, rasa_url, api_url


def start(tmp_path: Path, env_changes: dict) -> tuple[subprocess.Popen, Path]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(env_changes)
    logs = tmp_path / "bridge.log"
    with open(logs, "w") as out:
        process = subprocess.Popen([sys.executable, "-m", "bot.telegram"], cwd=REPO, env=env,
                                   stdout=out, stderr=subprocess.STDOUT)
    return process, logs


def stop(process: subprocess.Popen, signum=signal.SIGTERM) -> int:
    process.send_signal(signum)
    try:
        return process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise


def base_env(rasa_url: str, api_url: str) -> dict:
    return {"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_BASE_URL": api_url, "RASA_URL": rasa_url,
            "ACTION_SERVER_URL": rasa_url, "SENDER_ID_SECRET": SECRET.decode()}


def test_polling_mode_answers_and_stops_on_sigint(fakes, tmp_path):
    rasa, api, rasa_url, api_url = fakes
    process, logs = start(tmp_path, base_env(rasa_url, api_url))
    try:
        wait_until(lambda: bool(api.called("getUpdates")), 60, process, logs)
        api.push_text(CHAT, "hello from polling")
        wait_until(lambda: bool(api.sent(CHAT)), 20, process, logs)
    finally:
        stop(process, signal.SIGINT)
    assert rasa.received == [(sender_id(SECRET, CHAT), "hello from polling")]
    output = logs.read_text()
    assert "polling" in output
    assert TOKEN not in output and "hello from polling" not in output and str(CHAT) not in output


def test_webhook_mode_registers_checks_the_secret_and_answers(fakes, tmp_path):
    rasa, api, rasa_url, api_url = fakes
    port = free_port()
    env = {**base_env(rasa_url, api_url), "TELEGRAM_MODE": "webhook",
           "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET, "TELEGRAM_WEBHOOK_URL": "https://example.invalid/hook",
           "TELEGRAM_WEBHOOK_PORT": str(port)}
    process, logs = start(tmp_path, env)
    url = f"http://127.0.0.1:{port}/telegram/webhook"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))

    def post(secret: str) -> int:
        update = {"update_id": 7, "message": {"message_id": 1, "date": 1700000000, "text": "hello hook",
                                              "chat": {"id": CHAT, "type": "private"},
                                              "from": {"id": CHAT, "is_bot": False, "first_name": "R"}}}
        request = urllib.request.Request(url, data=json.dumps(update).encode(),
                                         headers={"Content-Type": "application/json", SECRET_HEADER: secret})
        try:
            return opener.open(request, timeout=10).status
        except urllib.error.HTTPError as error:
            return error.code

    try:
        wait_until(lambda: "webhook listening" in logs.read_text(), 60, process, logs)
        [registered] = api.called("setWebhook")
        assert registered["url"] == "https://example.invalid/hook"
        assert registered["secret_token"] == WEBHOOK_SECRET
        assert post("wrong") == 403
        assert rasa.received == []
        assert post(WEBHOOK_SECRET) == 200
        wait_until(lambda: bool(api.sent(CHAT)), 20, process, logs)
    finally:
        assert stop(process) == 0
    assert rasa.received == [(sender_id(SECRET, CHAT), "hello hook")]
    assert "127.0.0.1 [" not in logs.read_text()  # no access log
