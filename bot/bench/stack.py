"""The bench's own stack: action server, `workers` Rasa workers and the web gateway on free
127.0.0.1 ports.

With N workers the bench also starts a second gateway that sends everything to worker 1 alone,
so that one worker and N are measured on the same processes in alternating blocks.

The services are `make run`'s (bot.serve.stack.planned_services), started and stopped by the same
bot.serve.stack.Stack, with three changes: free ports instead of 5055/5005/8000 (so a `make run`
or a live test is not disturbed), an endpoints.yml that points Rasa at the bench's action server,
and the gateway's rate limits raised so that the simulated users are not refused. Each service
logs to results/bench/<service>.log; `Stack` is a context manager and stops every process it
started, also on an error or Ctrl-C.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot.serve import stack as services_stack
from bot.serve.ports import HOST, Ports, free_port
from bot.serve.stack import Service, endpoints_file, planned_services, web_gateway

START_TIMEOUT_S = 240
POLL_S = 0.2
# Far above what the simulated users send; the per-session and new-session limits of a real
# deployment stay as bot/web/settings.py documents them.
ONE_WORKER_GATEWAY = "web gateway (worker 1 only)"
BENCH_GATEWAY_ENV = {"RATE_LIMIT": "100000/second", "NEW_SESSION_RATE_LIMIT": "100000/second"}


@dataclass
class Stack:
    log_dir: Path
    ports: Ports = field(default_factory=lambda: Ports(free_port(), free_port(), free_port()))
    workers: int = 1  # Rasa workers, each with its own memory (the default profile's RASA_WORKERS)
    one_worker_port: int = field(default_factory=free_port)
    # extra environment per service name ("Rasa", "action server", "web gateway"), for
    # measuring a setting before proposing it (python -m bot bench --service-env)
    service_env: dict[str, dict[str, str]] = field(default_factory=dict)
    running: services_stack.Stack | None = None

    @property
    def services(self) -> list[Service]:
        return self.running.services if self.running else []

    @property
    def ready_after_s(self) -> dict[str, float]:
        """Seconds from starting the processes until each answered its ready URL."""
        return self.running.ready_after_s if self.running else {}

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
        endpoints = endpoints_file(self.log_dir / "endpoints.yml", self.ports.actions)
        services = planned_services(
            self.ports,
            with_gateway=True,
            with_telegram=False,
            endpoints=endpoints,
            worker_ports=[free_port() for _ in range(self.workers - 1)],
        )
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
            channels = {k: v for k, v in gateway.env.items() if k not in ("RASA_URLS", "HOST", "PORT")}
            services.append(web_gateway(self.one_worker_port, channels, ONE_WORKER_GATEWAY))
        return services

    def start(self) -> "Stack":
        """Start every process at once (as `make run` does) and note the time."""
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.running = services_stack.Stack(self.plan(), log_dir=self.log_dir).start()
        return self

    def wait_ready(self, timeout_s: float = START_TIMEOUT_S) -> float:
        """Seconds from start until the gateway's /healthz answers 200 (it sees Rasa and the
        action server answering, bot/web/views.py) and every Rasa worker has answered, whichever
        is later. Also notes when each service first answered."""
        try:
            return self.running.wait_ready(timeout_s, poll_s=POLL_S)
        except TimeoutError:
            raise TimeoutError(
                f"the stack was not ready after {timeout_s:.0f} s; see {self.log_dir}"
            ) from None

    def stop(self) -> None:
        if self.running:
            self.running.stop()

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
