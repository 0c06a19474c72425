"""The whole-stack canary scan (hazard H07): what a young person types, who they are and where
they are never end up anywhere but the tracker store, and not even there after forget and purge.

One run of the real stack, started with `make run`'s own commands (bot.serve.stack
.planned_services and Stack, so deploy/logging.yml is what is tested): the action server, Rasa with the
SQLite tracker store (ExpiringSQLTrackerStore on a temporary file), the web gateway and the
Telegram bridge talking to a fake Bot API. Every process writes stdout and stderr to a log file
and its temporary files (TMPDIR) into the same temporary folder, at the default log level.

A disclosure holding a unique canary string and a full postcode is sent through the gateway (with
a known X-Forwarded-For client address) and through Telegram (with a known chat id, username and
first name). Then every file in the folder is scanned: the identities, the address, the full
postcode (spaced and unspaced) and the bot token appear nowhere, the canaries only in the SQLite
file. After "Delete this chat", Telegram /forget and `python -m bot purge`, with every process
stopped so the SQLite file is closed, the canaries appear nowhere either.
"""

from __future__ import annotations

import json
import os
import secrets
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.serve.ports import Ports, free_port
from bot.serve.stack import Stack, endpoints_file, planned_services
from tests.channels.fakes import ServedApps
from tests.channels.raw_http import send_raw
from tests.serve.live import REPO, require_model
from tests.telegram.fake_bot_api import FakeBotAPI

pytestmark = [pytest.mark.needs_rasa, pytest.mark.live, pytest.mark.privacy]

REPLY_TIMEOUT_S = 60
CLIENT_IP = "203.0.113.77"  # TEST-NET-3: documentation addresses, never a real person
FULL_POSTCODE = "E8 1DY"  # bot.directory.location: a full postcode (outward + inward)
# Variables from the developer's shell that would change what is logged: the test is about
# the default level.
NOT_INHERITED = (
    "LOG_LEVEL",
    "LOG_LEVEL_LIBRARIES",
    "FORCE_JSON_LOGGING",
    "TELEGRAM_BOT_TOKEN",
    "TELEGRAM_MODE",
    "SENDER_ID_SECRET",
)


class FakeBotAPIThread:
    """The fake Bot API served from a thread of this process, on 127.0.0.1."""

    def __init__(self, token: str) -> None:
        self.api = FakeBotAPI(token)
        self._served = ServedApps()

    def start(self) -> str:
        self._served.__enter__()
        return self._served.start(self.api.app)

    def push_message(self, chat_id: int, username: str, first_name: str, text: str) -> None:
        """A private message from a person with this chat id, username and first name."""
        person = {"id": chat_id, "is_bot": False, "first_name": first_name, "username": username}
        message = {
            "message_id": 1000 + len(self.api.calls),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": first_name, "username": username},
            "from": person,
            "text": text,
        }
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        self._served.loop.call_soon_threadsafe(lambda: self.api.push(message=message))

    def sent_to(self, chat_id: int) -> list[dict]:
        return list(self.api.sent(chat_id))

    def wait_for_replies(self, chat_id: int, at_least: int) -> list[dict]:
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while time.monotonic() < deadline:
            sent = self.sent_to(chat_id)
            if len(sent) >= at_least:
                return sent
            time.sleep(0.2)
        raise TimeoutError(f"the bridge sent {len(self.sent_to(chat_id))} of {at_least} replies")

    def close(self) -> None:
        self._served.__exit__(None, None, None)


@dataclass
class Needles:
    web_canary: str = field(default_factory=lambda: f"canary-{secrets.token_hex(8)}")
    tg_canary: str = field(default_factory=lambda: f"canary-{secrets.token_hex(8)}")
    chat_id: int = field(default_factory=lambda: 900_000_000 + secrets.randbelow(99_999_999))
    username: str = field(default_factory=lambda: f"canary_user_{secrets.token_hex(5)}")
    first_name: str = field(default_factory=lambda: f"Canaryname{secrets.token_hex(4)}")
    bot_token: str = field(
        default_factory=lambda: f"7{secrets.randbelow(10**9):09d}:{secrets.token_urlsafe(27)}"
    )
    # sent around the channels (issue 16): in intent syntax straight to Rasa's REST port, and in
    # a malformed chunked request to the gateway; both must be refused without a trace
    smuggled: str = field(default_factory=lambda: f"smuggled{secrets.token_hex(6)}")
    malformed: str = field(default_factory=lambda: f"malformed{secrets.token_hex(6)}")

    def identities(self) -> dict[str, str]:
        """What must appear in no file at all, ever (compared case-insensitively)."""
        spaced = FULL_POSTCODE
        return {
            "Telegram chat id": str(self.chat_id),
            "Telegram username": self.username,
            "Telegram first name": self.first_name,
            "client IP": CLIENT_IP,
            "full postcode": spaced,
            "full postcode unspaced": spaced.replace(" ", ""),
            "bot token": self.bot_token,
            "smuggled intent text": self.smuggled,
            "malformed request body": self.malformed,
        }

    def canaries(self) -> dict[str, str]:
        return {"web canary": self.web_canary, "Telegram canary": self.tg_canary}


def files_holding(root: Path, needles: dict[str, str]) -> dict[str, list[str]]:
    """needle name -> the files under root whose bytes contain it (case-insensitive)."""
    found: dict[str, list[str]] = {name: [] for name in needles}
    wanted = {name: value.lower().encode("utf-8") for name, value in needles.items()}
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        try:
            content = path.read_bytes().lower()
        except OSError:  # a temporary file removed while we walk
            continue
        for name, value in wanted.items():
            if value in content:
                found[name].append(str(path.relative_to(root)))
    return {name: files for name, files in found.items() if files}


def event_rows(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT COUNT(*) FROM events").fetchone()[0]


def post_json(url: str, body: dict) -> dict:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            "X-Forwarded-For": CLIENT_IP,
            "X-Real-IP": CLIENT_IP,
            "Forwarded": f"for={CLIENT_IP}",
        },
    )
    with urllib.request.urlopen(request, timeout=REPLY_TIMEOUT_S) as response:
        return json.loads(response.read())


def post_status(url: str, body: dict) -> int:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=REPLY_TIMEOUT_S) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@dataclass
class Scenario:
    root: Path
    db: Path
    needles: Needles
    web_replies: list[dict] = field(default_factory=list)
    tg_replies: list[dict] = field(default_factory=list)
    rows_before_forget: int = 0
    smuggled_status: int = 0
    malformed_answer: bytes = b""
    while_running: dict[str, list[str]] = field(default_factory=dict)
    canaries_after_forget: dict[str, list[str]] = field(default_factory=dict)
    web_forget: dict = field(default_factory=dict)
    rows_after_purge: int = -1
    purge_output: str = ""
    after_stop: dict[str, list[str]] = field(default_factory=dict)


def run_scenario(root: Path) -> Scenario:
    needles = Needles()
    logs, tmp, db = root / "logs", root / "tmp", root / "db" / "conversations.db"
    logs.mkdir()
    tmp.mkdir()
    scenario = Scenario(root, db, needles)

    ports = Ports(actions=free_port(), rasa=free_port(), gateway=free_port())
    endpoints = endpoints_file(
        root / "endpoints.yml",
        ports.actions,
        source=REPO / "deploy" / "endpoints.sqlite.yml",
        tracker_store={"db": str(db)},
    )

    fake_api = FakeBotAPIThread(needles.bot_token)
    api_url = fake_api.start()
    base_env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    base_env.update({"TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"})
    telegram_env = {
        "TELEGRAM_BOT_TOKEN": needles.bot_token,
        "TELEGRAM_API_BASE_URL": api_url,
        "SENDER_ID_SECRET": secrets.token_urlsafe(32),
    }

    services = planned_services(ports, with_gateway=True, with_telegram=True, endpoints=endpoints)
    stack = Stack(services, log_dir=logs, base_env=base_env)
    stack["Telegram bridge"].env.update(telegram_env)
    try:
        stack.start().wait_ready()
        gateway = f"http://127.0.0.1:{ports.gateway}"

        # --- the web: a disclosure of danger now with the canary, then a full postcode -----
        # (danger now, so the forget comes in the middle of the emergency route: the danger
        # question policy once answered the forget's "/restart" and the text stayed stored)
        first = post_json(
            f"{gateway}/api/chat",
            {"message": f"my uncle is hurting me right now and i am scared {needles.web_canary}"},
        )
        session = first["session"]
        second = post_json(
            f"{gateway}/api/chat", {"session": session, "message": f"i live at {FULL_POSTCODE}"}
        )
        third = post_json(
            f"{gateway}/api/chat",
            {"session": session, "message": f"{FULL_POSTCODE.replace(' ', '')} {needles.web_canary}"},
        )
        scenario.web_replies = [first, second, third]

        # --- around the channels: intent syntax straight to Rasa, malformed HTTP to the gateway
        scenario.smuggled_status = post_status(
            f"http://127.0.0.1:{ports.rasa}/webhooks/rest/webhook",
            {
                "sender": "smuggler",
                "message": f'/inform_location{{"borough": "hackney"}} he hurt me {needles.smuggled}',
            },
        )
        scenario.malformed_answer = send_raw(
            ports.gateway,
            (
                "POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                f'5\r\n{{"message": "he hurt me {needles.malformed}"}}\r\n0\r\n\r\n'
            ).encode(),
            wait_s=5,
        )

        # --- Telegram: the same, from a known chat id, username and first name --------------
        for n, text in enumerate(
            [f"someone at home hurts me {needles.tg_canary}", f"my postcode is {FULL_POSTCODE}"], start=1
        ):
            fake_api.push_message(needles.chat_id, needles.username, needles.first_name, text)
            fake_api.wait_for_replies(needles.chat_id, at_least=n)
        scenario.tg_replies = fake_api.sent_to(needles.chat_id)

        scenario.rows_before_forget = event_rows(db)
        scenario.while_running = files_holding(root, {**needles.identities(), **needles.canaries()})

        # --- forget on both channels, then purge ---------------------------------------------
        replies_before = len(fake_api.sent_to(needles.chat_id))
        scenario.web_forget = post_json(f"{gateway}/api/forget", {"session": session})
        fake_api.push_message(needles.chat_id, needles.username, needles.first_name, "/forget")
        fake_api.wait_for_replies(needles.chat_id, at_least=replies_before + 1)
        scenario.canaries_after_forget = files_holding(root, needles.canaries())

        purge = subprocess.run(
            [sys.executable, "-m", "bot", "purge", "--older-than", "0.001s", "--endpoints", str(endpoints)],
            cwd=REPO,
            env=base_env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        scenario.purge_output = purge.stdout + purge.stderr
        scenario.rows_after_purge = event_rows(db)
    finally:
        stack.stop()
        fake_api.close()
    scenario.after_stop = files_holding(root, {**needles.identities(), **needles.canaries()})
    return scenario


@pytest.fixture(scope="module")
def scenario(tmp_path_factory) -> Scenario:
    require_model()
    return run_scenario(tmp_path_factory.mktemp("canary"))


def test_both_channels_answered_the_disclosures(scenario):
    assert all(reply.get("messages") for reply in scenario.web_replies), scenario.web_replies
    assert not any(reply.get("fallback") for reply in scenario.web_replies), (
        "the gateway answered with the safety fallback: Rasa did not reply"
    )
    assert len(scenario.tg_replies) >= 2
    assert scenario.rows_before_forget > 0


def test_requests_around_the_channels_were_refused(scenario):
    assert scenario.smuggled_status == 400
    assert scenario.malformed_answer.startswith(b"HTTP/1.") and b" 400 " in scenario.malformed_answer[:20]


def test_no_identity_address_postcode_or_token_in_any_file_while_running(scenario):
    leaked = {
        name: files for name, files in scenario.while_running.items() if name in scenario.needles.identities()
    }
    assert leaked == {}


def test_message_text_is_only_in_the_tracker_store(scenario):
    db = str(scenario.db.relative_to(scenario.root))
    for name in scenario.needles.canaries():
        assert scenario.while_running.get(name) == [db], name


def test_forget_deletes_the_text_from_the_tracker_store(scenario):
    assert scenario.web_forget == {"forgotten": True}  # Rasa confirmed the restart
    assert scenario.canaries_after_forget == {}


def test_purge_deletes_every_conversation(scenario):
    assert "Deleted 2 conversation(s)" in scenario.purge_output, scenario.purge_output
    assert scenario.rows_after_purge == 0


def test_nothing_private_in_any_file_after_forget_and_purge(scenario):
    log_files = sorted(p.name for p in (scenario.root / "logs").iterdir())
    assert len(log_files) == 4, log_files  # the scan did read every process's log
    assert scenario.after_stop == {}


def test_the_scan_finds_what_it_looks_for(tmp_path):
    (tmp_path / "a.log").write_text("x 203.0.113.77 y CANARY-ab E81dy")
    found = files_holding(
        tmp_path, {"ip": CLIENT_IP, "canary": "canary-AB", "pc": "E81DY", "absent": "canary-cd"}
    )
    assert found == {"ip": ["a.log"], "canary": ["a.log"], "pc": ["a.log"]}
