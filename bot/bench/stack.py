"""The bench's own stack: action server, `workers` Rasa workers and the web gateway on free
127.0.0.1 ports.

With N workers the bench also starts a second gateway that sends everything to worker 1 alone,
so that one worker and N are measured on the same processes in alternating blocks.

The same commands `make run` uses (bot.serve.supervisor.planned_services), with three changes:
free ports instead of 5055/5005/8000 (so a `make run` or a live test is not disturbed), an
endpoints.yml that points Rasa at the bench's action server, and the gateway's rate limits
raised so that the simulated users are not refused. Each service logs to
results/bench/<service>.log; `Stack` is a context manager and stops every process it started,
also on an error or Ctrl-C.
"""
from __future__ import annotations

import os
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import yaml

from bot import REPO_ROOT
from bot.serve.ports import HOST, Ports, free_port
from bot.serve.supervisor import PRIVATE_ENV, Service, planned_services, stop_all

START_TIMEOUT_S = 240
POLL_S = 0.2
# Far above what the simulated users send; the per-session and new-session limits of a real
# deployment stay as bot/web/settings.py documents them.
ONE_WORKER_GATEWAY = "web gateway (worker 1 only)"
BENCH_GATEWAY_ENV = {"RATE_LIMIT": "100000/second", "NEW_SESSION_RATE_LIMIT": "100000/second"}


def http_status(url: str, timeout_s: float = 2) -> Optional[int]:
    """The HTTP status `url` answers with, or None when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except Exception:
        return None


def bench_endpoints(actions_port: int, source: Path = REPO_ROOT / "endpoints.yml") -> dict:
    """endpoints.yml with the action server on the bench's port; everything else unchanged."""
    endpoints = yaml.safe_load(source.read_text(encoding="utf-8"))
    endpoints["action_endpoint"]["url"] = f"http://{HOST}:{actions_port}/webhook"
    return endpoints


@dataclass
class Stack:
    log_dir: Path
    ports: Ports = field(default_factory=lambda: Ports(free_port(), free_port(), free_port()))
    workers: int = 1  # Rasa workers, each with its own memory (the default profile's RASA_WORKERS)
    one_worker_port: int = field(default_factory=free_port)
    # extra environment per service name ("Rasa", "action server", "web gateway"), for
    # measuring a setting before proposing it (python -m bot bench --service-env)
    service_env: dict[str, dict[str, str]] = field(default_factory=dict)
    services: list[Service] = field(default_factory=list)
    started_at: float = 0.0
    # seconds from starting the processes until each answered its ready URL
    ready_after_s: dict[str, float] = field(default_factory=dict)

    @property
    def gateway_url(self) -> str:
        return f"http://{HOST}:{self.ports.gateway}"

    @property
    def rasa_url(self) -> str:
        """The first worker's REST channel."""
        return f"http://{HOST}:{self.ports.rasa}"

    @property
    def one_worker_gateway_url(self) -> str:
        """A gateway that sends everything to the first worker alone (the one-worker figures);
        with one worker, the gateway itself."""
        return self.gateway_url if self.workers == 1 else f"http://{HOST}:{self.one_worker_port}"

    def pids(self) -> dict[str, int]:
        return {s.name: s.process.pid for s in self.services if s.process}

    def plan(self) -> list[Service]:
        endpoints_path = self.log_dir / "endpoints.yml"
        endpoints_path.write_text(yaml.safe_dump(bench_endpoints(self.ports.actions)))
        services = planned_services(self.ports, with_gateway=True, with_telegram=False,
                                    endpoints=str(endpoints_path),
                                    worker_ports=[free_port() for _ in range(self.workers - 1)])
        for service in services:
            if service.name == "web gateway":
                service.env.update(BENCH_GATEWAY_ENV)
            # --service-env Rasa:... reaches every worker
            kind = "Rasa" if service.name.startswith("Rasa") else service.name
            service.env.update(self.service_env.get(kind, {}))
        if self.workers > 1:
            # one worker and N measured side by side on the same processes, block by block, so
            # a shared machine's drift falls on both: a second gateway that knows worker 1 only
            gateway = next(s for s in services if s.name == "web gateway")
            env = {k: v for k, v in gateway.env.items() if k != "RASA_URLS"}
            env["PORT"] = str(self.one_worker_port)
            services.append(Service(ONE_WORKER_GATEWAY, gateway.command,
                                    ready_url=f"{self.one_worker_gateway_url}/healthz", env=env))
        return services

    def start(self) -> "Stack":
        """Start every process at once (as `make run` does) and note the time."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.services = self.plan()
        self.started_at = time.perf_counter()
        for service in self.services:
            log = open(self.log_dir / f"{service.name.replace(' ', '-')}.log", "wb")
            service.process = subprocess.Popen(
                service.command, cwd=REPO_ROOT, env={**os.environ, **PRIVATE_ENV, **service.env},
                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            log.close()  # the child holds its own copy
        return self

    def wait_ready(self, timeout_s: float = START_TIMEOUT_S) -> float:
        """Seconds from start until the gateway's /healthz answers 200 (it sees Rasa and the
        action server answering, bot/web/views.py) and every Rasa worker has answered, whichever
        is later. Also notes when each service first answered."""
        deadline = self.started_at + timeout_s
        while time.perf_counter() < deadline:
            dead = next((s for s in self.services if s.process.poll() is not None), None)
            if dead:
                raise RuntimeError(f"the {dead.name} exited with {dead.process.returncode} while "
                                   f"starting; see {self.log_dir}")
            for service in self.services:
                if service.name not in self.ready_after_s and service.ready_url:
                    status = http_status(service.ready_url)
                    if status == 200:
                        self.ready_after_s[service.name] = time.perf_counter() - self.started_at
            if all(s.name in self.ready_after_s for s in self.services if s.ready_url):
                return max(self.ready_after_s.values())
            time.sleep(POLL_S)
        raise TimeoutError(f"the stack was not ready after {timeout_s:.0f} s; see {self.log_dir}")

    def stop(self) -> None:
        stop_all(self.services)

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
