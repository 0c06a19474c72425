"""The scaled profile for real: private PostgreSQL and Redis (Debian's binaries) on 127.0.0.1, and
the profile's services as `make run PROFILE=scaled` plans them (bot.serve.stack.planned_services:
two Rasa instances running deploy/endpoints.scaled.yml, each with its own action server), all on
free ports.

Skipped (with the reason) when the Debian binaries are missing; with CI set it fails instead,
because CI installs them first (`make scaled-deps`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from bot.serve.backing_services import BackingServices, missing_binaries
from bot.serve.ports import Ports, free_port
from bot.serve.stack import PRIVATE_ENV, Service, Stack, planned_services
from tests.serve.live import REPO, START_TIMEOUT_S, say_to_rasa

ENDPOINTS = REPO / "deploy" / "endpoints.scaled.yml"


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
    service: Service

    @property
    def port(self) -> int:
        return self.service.port

    def say(self, sender: str, text: str) -> list[dict]:
        return say_to_rasa(self.port, sender, text, timeout_s=60)


@dataclass
class ScaledStack:
    backing: BackingServices
    log_dir: Path
    stack: Stack = field(default_factory=lambda: Stack([]))
    instances: list[RasaInstance] = field(default_factory=list)

    @property
    def actions_port(self) -> int:
        return self.stack["action server"].port

    def environment(self) -> dict[str, str]:
        """What the endpoints file reads (and what `python -m bot purge` needs)."""
        return {
            **os.environ,
            **PRIVATE_ENV,
            **self.backing.environment(),
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{self.actions_port}/webhook",
        }

    def start(self, instances: int = 2) -> "ScaledStack":
        self.backing.start()
        services = planned_services(
            Ports(gateway=0),
            with_gateway=False,
            with_telegram=False,
            endpoints=ENDPOINTS,
            instances=instances,
            instance_ports=[(free_port(), free_port()) for _ in range(instances)],
            rasa_env=self.backing.environment(),
        )
        self.stack = Stack(services, log_dir=self.log_dir).start()  # Rasa instances load at once
        self.instances = [
            RasaInstance("AB"[i] if i < 2 else str(i), service)
            for i, service in enumerate(s for s in services if s.name.startswith("Rasa"))
        ]
        self.stack.wait_ready(START_TIMEOUT_S)
        return self

    def close(self) -> None:
        self.stack.stop()
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
        rows = self.query(
            "SELECT id, type_name, timestamp, data FROM events WHERE sender_id = %s ORDER BY id", (sender,)
        )
        return [{"id": r[0], "type": r[1], "timestamp": r[2], **json.loads(r[3])} for r in rows]
