"""Start the trained assistant (action server + Rasa) on free 127.0.0.1 ports for a test module,
as `make run` starts it: the services and their command lines are bot.serve.stack's.

The ports are chosen per run and written into a temporary endpoints.yml, so the tests never
collide with a `make run` on the default ports.
"""

from __future__ import annotations

import json
import os
import secrets
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.serve.ports import Ports, free_port
from bot.serve.stack import Service, Stack, endpoints_file, planned_services
from bot.serve.train import MODEL_PATH as MODEL

REPO = Path(__file__).resolve().parents[2]
START_TIMEOUT_S = 180


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
    stack: Stack = field(default_factory=lambda: Stack([]))

    @property
    def rasa(self) -> Service:
        return self.stack["Rasa"]

    @property
    def actions(self) -> Service:
        return self.stack["action server"]

    def start_actions(self) -> None:
        self.stack.start_service(self.actions)
        self.stack.ready_after_s.pop(self.actions.name, None)
        self.stack.wait_ready(START_TIMEOUT_S, services=[self.actions])

    def stop_actions(self) -> None:
        self.actions.stop()

    def start(self) -> "LiveAssistant":
        self.rasa_port, self.actions_port = free_port(), free_port()
        endpoints = endpoints_file(self.workdir / "endpoints.yml", self.actions_port)
        services = planned_services(
            Ports(actions=self.actions_port, rasa=self.rasa_port, gateway=0),
            with_gateway=False,
            with_telegram=False,
            endpoints=endpoints,
        )
        self.stack = Stack(services, log_dir=self.log_dir).start()
        self.stack.wait_ready(START_TIMEOUT_S)
        return self

    def close(self) -> None:
        self.stack.stop()

    def say(self, sender: str, text: str) -> list[dict]:
        return say_to_rasa(self.rasa_port, sender, text, timeout_s=30)


def say_to_rasa(port: int, sender: str, text: str, timeout_s: float) -> list[dict]:
    """One message to Rasa's REST channel on 127.0.0.1:port: its reply list (Rasa's JSON).
    urllib.error.URLError / HTTPError / socket.timeout as urllib raises them."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=body,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=timeout_s) as response:
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
