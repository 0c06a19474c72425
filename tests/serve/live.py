"""Start the trained assistant (action server + Rasa) on free 127.0.0.1 ports for a test module.

The ports are chosen per run and written into a temporary endpoints.yml, so the tests never
collide with a `make run` on the default ports.
"""
from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from bot.serve.environments import rasa_python
from bot.serve.ports import free_port
from bot.serve.supervisor import answers

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "models" / "current.tar.gz"
START_TIMEOUT_S = 180
PRIVATE_ENV = {"RASA_TELEMETRY_ENABLED": "false"}
LOGGING_CONFIG = str(REPO / "deploy" / "logging.yml")  # as `make run` (bot/serve/supervisor.py)



def wait_for(url: str, process: subprocess.Popen, what: str) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        if answers(url):
            return
        time.sleep(0.5)
    raise TimeoutError(f"{what} did not answer at {url}")


def stop(process: subprocess.Popen | None) -> None:
    if process and process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def require_model() -> None:
    if not MODEL.exists():
        if os.environ.get("CI"):
            pytest.fail("models/current.tar.gz is missing: `make test` trains before pytest")
        pytest.skip("no trained model yet: run `make train`")


@dataclass
class LiveAssistant:
    workdir: Path
    log_dir: Path
    rasa_port: int = 0
    actions_port: int = 0
    rasa: subprocess.Popen | None = None
    actions: subprocess.Popen | None = None

    def start_actions(self) -> None:
        env = {**os.environ, **PRIVATE_ENV, "SANIC_HOST": "127.0.0.1"}
        log = open(self.log_dir / "actions.log", "ab")
        self.actions = subprocess.Popen(
            [rasa_python(), "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.actions_port),
             "--logging-config_file", LOGGING_CONFIG],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        wait_for(f"http://127.0.0.1:{self.actions_port}/health", self.actions, "action server")

    def stop_actions(self) -> None:
        stop(self.actions)
        self.actions = None

    def start(self) -> "LiveAssistant":
        self.rasa_port, self.actions_port = free_port(), free_port()
        endpoints = yaml.safe_load((REPO / "endpoints.yml").read_text())
        endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{self.actions_port}/webhook"
        (self.workdir / "endpoints.yml").write_text(yaml.safe_dump(endpoints))
        self.start_actions()
        log = open(self.log_dir / "rasa.log", "ab")
        self.rasa = subprocess.Popen(
            [rasa_python(), "-m", "bot.rasa_plugins", "run", "--model", str(MODEL), "--interface", "127.0.0.1",
             "--port", str(self.rasa_port), "--endpoints", str(self.workdir / "endpoints.yml"),
             "--credentials", str(REPO / "credentials.yml"), "--logging-config-file", LOGGING_CONFIG],
            cwd=REPO, env={**os.environ, **PRIVATE_ENV}, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True)
        wait_for(f"http://127.0.0.1:{self.rasa_port}/", self.rasa, "Rasa")
        return self

    def close(self) -> None:
        stop(self.rasa)
        stop(self.actions)

    def say(self, sender: str, text: str) -> list[dict]:
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook", data=body,
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())


def new_sender() -> str:
    return secrets.token_hex(16)


def texts(messages: list[dict]) -> list[str]:
    return [m["text"] for m in messages if m.get("text")]


def urgency(messages: list[dict]) -> set[str]:
    return {m["custom"]["urgency"] for m in messages if "urgency" in (m.get("custom") or {})}


@contextmanager
def started_assistant(tmp_path_factory, name: str = "live"):
    """A LiveAssistant on free loopback ports for a module-scoped fixture (needs a trained model:
    fails under CI, skips elsewhere); stopped when the block ends."""
    require_model()
    assistant = LiveAssistant(tmp_path_factory.mktemp(name), tmp_path_factory.mktemp(f"{name}-logs"))
    try:
        yield assistant.start()
    finally:
        assistant.close()
