"""What the Telegram tests share besides fixtures (tests/telegram/fixtures.py): the constants the
fake Bot API and the bridge agree on, and starting `python -m bot.telegram` as a subprocess."""

from __future__ import annotations

import html
import itertools
import os
import signal
import subprocess
import time
from pathlib import Path

from bot.telegram.bridge import ApiTimeouts
from bot.telegram.ids import sender_id
from bot.serve.stack import telegram_bridge
from bot.telegram.settings import Settings

REPO = Path(__file__).resolve().parents[2]
TOKEN = "123456:TEST-token_for-the-fake-bot-api"
SECRET = b"test sender id secret"
WEBHOOK_SECRET = "webhook-secret-0123456789_abcdef"
CHAT = 636363001
OTHER_CHAT = 636363002
# the fault tests' Rasa timeout and Bot API timeouts: a loaded machine answers well within
RASA_TIMEOUT_S = 0.5
FAST_API = ApiTimeouts(connect_s=1.0, read_s=1.0, write_s=1.0, pool_s=1.0)
_update_ids = itertools.count(1)


def text_update(text: str, chat: int = CHAT) -> dict:
    """The update Telegram sends for a text message in a private chat (a new update id each time);
    a leading "/word" is marked as a bot command, as Telegram marks it."""
    update_id = next(_update_ids)
    message = {
        "message_id": update_id,
        "date": 1700000000,
        "text": text,
        "chat": {"id": chat, "type": "private"},
        "from": {"id": chat, "is_bot": False, "first_name": "R"},
    }
    if text.startswith("/"):
        command = text.split()[0] if text.split() else text
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
    return {"update_id": update_id, "message": message}


def sender(chat: int = CHAT) -> str:
    return sender_id(SECRET, chat)


def plain(message: dict) -> str:
    """A sent message's text without the bridge's HTML."""
    return html.unescape(message["text"].replace("<b>", "").replace("</b>", ""))


def settings_for(
    rasa_url: str, api_url: str = "http://127.0.0.1:9", rasa_timeout_s: float = RASA_TIMEOUT_S, **extra
) -> Settings:
    return Settings(
        rasa_url=rasa_url,
        action_server_url=rasa_url,
        rasa_timeout_s=rasa_timeout_s,
        sender_id_secret=SECRET,
        sender_id_secret_is_random=False,
        telegram_bot_token=TOKEN,
        telegram_api_base_url=api_url,
        **extra,
    )


# --- `python -m bot.telegram` in a subprocess ------------------------------------------------


def bridge_env(rasa_url: str, api_url: str) -> dict:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": api_url,
        "RASA_URL": rasa_url,
        "ACTION_SERVER_URL": rasa_url,
        "SENDER_ID_SECRET": SECRET.decode(),
    }


def bridge_process_env(env_changes: dict) -> dict:
    """This process's environment without its TELEGRAM_* variables, with `env_changes`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(env_changes)
    return env


def start_bridge(tmp_path: Path, env_changes: dict) -> tuple[subprocess.Popen, Path]:
    """`python -m bot.telegram` (bot.serve.stack.telegram_bridge) with `env_changes` (and no
    TELEGRAM_* of this process); its output goes to the returned log file."""
    logs = tmp_path / "bridge.log"
    with open(logs, "w") as out:
        process = subprocess.Popen(
            telegram_bridge({}).command,
            cwd=REPO,
            env=bridge_process_env(env_changes),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return process, logs


def run_bridge(env_changes: dict, timeout: float = 60) -> subprocess.CompletedProcess:
    """`python -m bot.telegram` run to its end (one that refuses to start), output captured."""
    return subprocess.run(
        telegram_bridge({}).command,
        cwd=REPO,
        env=bridge_process_env(env_changes),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def wait_until(condition, process: subprocess.Popen, logs: Path, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert process.poll() is None, logs.read_text()
        assert time.monotonic() < deadline, logs.read_text()
        time.sleep(0.05)


def stop(process: subprocess.Popen, signum=signal.SIGTERM) -> int:
    process.send_signal(signum)
    try:
        return process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise
