"""bot/web/__main__.py: `python -m bot.web` serves, prints the address and logs no address or typed
text; it runs on uvloop when uvloop is installed."""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

from bot.serve.ports import free_port
from bot.serve.stack import web_gateway
from tests.channels.fakes import closed_port_url

REPO = Path(__file__).resolve().parents[2]


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
