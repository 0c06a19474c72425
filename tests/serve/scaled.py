"""The scaled profile for real: private PostgreSQL and Redis (Debian's binaries) on 127.0.0.1, one
action server and two Rasa instances running deploy/endpoints.scaled.yml, all on free ports.

Skipped (with the reason) when the Debian binaries are missing; with CI set it fails instead,
because CI installs them first (`make scaled-deps`).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.serve.backing_services import BackingServices, missing_binaries
from tests.serve.live import (MODEL, PRIVATE_ENV, REPO, free_port, stop,
                                    wait_for)

ENDPOINTS = REPO / "deploy" / "endpoints.scaled.yml"
LOGGING_CONFIG = REPO / "deploy" / "logging.yml"  # as `make run` passes it, when present


def require_backing_binaries() -> None:
    missing = missing_binaries()
    if missing:
        reason = f"{' and '.join(missing)} not installed: run `make scaled-deps`"
        if os.environ.get("CI"):
            pytest.fail(reason + " (CI runs it before `make test-scaled`)")
        pytest.skip(reason)


@dataclass
class RasaInstance:
    name: str
    port: int
    process: subprocess.Popen | None = None

    def say(self, sender: str, text: str) -> list[dict]:
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/webhooks/rest/webhook", data=body,
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())


@dataclass
class ScaledStack:
    backing: BackingServices
    log_dir: Path
    actions_port: int = 0
    actions: subprocess.Popen | None = None
    instances: list[RasaInstance] = field(default_factory=list)

    def environment(self) -> dict[str, str]:
        """What the endpoints file reads (and what `python -m bot purge` needs)."""
        return {**os.environ, **PRIVATE_ENV, **self.backing.environment(),
                "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.actions_port}/webhook"}

    def _logged(self, name: str):
        return open(self.log_dir / f"{name}.log", "ab")

    def start(self, instances: int = 2) -> "ScaledStack":
        self.backing.start()
        self.actions_port = free_port()
        logging_flag = ["--logging-config_file", str(LOGGING_CONFIG)] if LOGGING_CONFIG.exists() else []
        self.actions = subprocess.Popen(
            [sys.executable, "-m", "rasa_sdk", "--actions", "actions",
             "--port", str(self.actions_port), *logging_flag],
            cwd=REPO, env={**self.environment(), "SANIC_HOST": "127.0.0.1"},
            stdout=self._logged("actions"), stderr=subprocess.STDOUT, start_new_session=True)
        rasa_logging = ["--logging-config-file", str(LOGGING_CONFIG)] if LOGGING_CONFIG.exists() else []
        for i in range(instances):
            instance = RasaInstance("AB"[i] if i < 2 else str(i), free_port())
            instance.process = subprocess.Popen(
                [sys.executable, "-m", "bot.rasa_plugins", "run", "--model", str(MODEL),
                 "--interface", "127.0.0.1", "--port", str(instance.port),
                 "--endpoints", str(ENDPOINTS), "--credentials", str(REPO / "credentials.yml"),
                 *rasa_logging],
                cwd=REPO, env=self.environment(), stdout=self._logged(f"rasa-{instance.name}"),
                stderr=subprocess.STDOUT, start_new_session=True)
            self.instances.append(instance)
        wait_for(f"http://127.0.0.1:{self.actions_port}/health", self.actions, "action server")
        for instance in self.instances:  # they load the model at the same time
            wait_for(f"http://127.0.0.1:{instance.port}/", instance.process, f"Rasa {instance.name}")
        return self

    def close(self) -> None:
        for instance in self.instances:
            stop(instance.process)
        stop(self.actions)
        self.backing.stop()

    # --- PostgreSQL, read directly -----------------------------------------------------------
    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        connection = self.backing.postgres.connect()
        try:
            with connection, connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall() if cursor.description else []
        finally:
            connection.close()

    def events(self, sender: str) -> list[dict]:
        """The sender's rows in insertion order (id), each row's data as Rasa wrote it."""
        rows = self.query("SELECT id, type_name, timestamp, data FROM events "
                          "WHERE sender_id = %s ORDER BY id", (sender,))
        return [{"id": r[0], "type": r[1], "timestamp": r[2], **json.loads(r[3])} for r in rows]
