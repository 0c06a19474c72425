"""The one description of every process the assistant runs, and one way to start and stop them.

`make run` (bot.serve.supervisor), `make bench` (bot.bench.stack), the live tests
(tests/serve/live.py, tests/serve/scaled.py) and the blind conversation replay
(bot.conversation.blind_run) all start their processes from here, on chosen ports (5055, 5005,
8000 for `make run`) or free ones:

    action_server(port)                 python -m rasa_sdk --actions actions ...    (.venv)
    rasa(port, endpoints)               python -m bot.rasa_plugins run ...         (.venv)
                                        Rasa's own command line with the project's patches
                                        (bot.rasa_patches); REST channel only, HTTP API off
    web_gateway(port, channel_env)      python -m bot.web                          (.venv-gateway)
    telegram_bridge(channel_env)        python -m bot.telegram                     (.venv-gateway)
    planned_services(ports, ...)        the whole stack of a profile: action server(s), N Rasa
                                        workers or instances, the gateway, the bridge
    endpoints_file(...)                 endpoints.yml pointing Rasa at an action server on
                                        another port (a stack on free ports)
    Stack(services, log_dir)            start them all at once, wait until each answers, stop
                                        them all (a context manager)

Everything listens on 127.0.0.1; Rasa and the action server log through deploy/logging.yml (no
message text, ids, IP addresses or tokens: hazard H07).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional, Sequence

import yaml

from bot import REPO_ROOT
from bot.serve.environments import gateway_python, rasa_python
from bot.serve.ports import HOST, Ports
from bot.serve.train import MODEL_PATH

# no message text, ids, IP addresses or tokens in Rasa's or the action server's logs (H07)
LOGGING_CONFIG = "deploy/logging.yml"
# nothing leaves this machine: Rasa's usage telemetry is off whoever starts a stack
PRIVATE_ENV = {"RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
# Rasa's client keeps idle connections to the action server for 15 s; Sanic closes them after 5 s
# by default, so under load Rasa could write to a connection the server was closing ("Cannot
# write to closing transport", seen once by make bench). The server keeps them longer instead.
ACTION_SERVER_ENV = {"SANIC_HOST": HOST, "SANIC_KEEP_ALIVE_TIMEOUT": "30"}
READY_TIMEOUT_S = 180
STOP_GRACE_S = 10


def answers(url: str, timeout_s: float = 2) -> bool:
    """Whether `url` answers at all (any status below 500)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            return response.status < 500
    except Exception:
        return False


@dataclass
class Service:
    """One process: its command line, the URL that answers once it is ready, its environment."""

    name: str
    command: list[str]
    ready_url: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None
    port: int | None = None  # where it listens, if it does

    def start(self, log: Optional[Path] = None, base_env: Optional[Mapping[str, str]] = None) -> None:
        """Start it in its own session (one signal stops it and its children), from the
        repository root; output to `log` (appended) or, without one, to this terminal."""
        env = {**(os.environ if base_env is None else base_env), **PRIVATE_ENV, **self.env}
        out = open(log, "ab") if log else None
        try:
            self.process = subprocess.Popen(
                self.command,
                cwd=REPO_ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT if out else None,
                start_new_session=True,
            )
        finally:
            if out:
                out.close()  # the child holds its own copy

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self, grace_s: float = STOP_GRACE_S) -> None:
        stop_all([self], grace_s)


def action_server(port: int, name: str = "action server") -> Service:
    return Service(
        name,
        [
            rasa_python(),
            "-m",
            "rasa_sdk",
            "--actions",
            "actions",
            "--port",
            str(port),
            "--logging-config_file",
            LOGGING_CONFIG,
        ],  # rasa_sdk's spelling
        ready_url=f"http://{HOST}:{port}/health",
        env=dict(ACTION_SERVER_ENV),
        port=port,
    )


def rasa_arguments(port: int, endpoints: str | Path, model: str | Path = MODEL_PATH) -> list[str]:
    """Rasa's command-line arguments (after `rasa`). No --enable-api: Rasa's HTTP API stays off;
    only the REST channel of credentials.yml is served."""
    return [
        "run",
        "--model",
        str(model),
        "--interface",
        HOST,
        "--port",
        str(port),
        "--endpoints",
        str(endpoints),
        "--credentials",
        "credentials.yml",
        "--logging-config-file",
        LOGGING_CONFIG,
    ]


# One thread for TensorFlow's operator pools (read by Rasa at start) and for OpenMP/OpenBLAS in
# every Rasa process (issue 17). By default each process starts pools as large as the machine,
# and their idle threads spin: ~2.3 ms of Rasa's ~16 ms of CPU per message went to them, and
# with one worker per core the workers' pools fight over the same cores. DIET's inference on one
# message is too small to gain from more threads (docs/bench/profile-2026-11-30.md has the
# figures). A value already set in the environment is kept.
RASA_THREAD_ENV = {
    "TF_INTRA_OP_PARALLELISM_THREADS": "1",
    "TF_INTER_OP_PARALLELISM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
}


def rasa_thread_env(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """RASA_THREAD_ENV without the names `environ` sets itself."""
    return {name: value for name, value in RASA_THREAD_ENV.items() if name not in environ}


def rasa(
    port: int,
    endpoints: str | Path,
    name: str = "Rasa",
    env: Optional[dict[str, str]] = None,
    model: str | Path = MODEL_PATH,
) -> Service:
    return Service(
        name,
        [rasa_python(), "-m", "bot.rasa_plugins", *rasa_arguments(port, endpoints, model)],
        ready_url=f"http://{HOST}:{port}/",
        env={**rasa_thread_env(), **(env or {})},
        port=port,
    )


def channel_env(
    rasa_urls: Sequence[str], actions_urls: Sequence[str], routing: str = "conversation"
) -> dict[str, str]:
    """What both channels read to find Rasa and the action server (bot.channels.settings)."""
    env = {"RASA_URL": rasa_urls[0], "ACTION_SERVER_URL": actions_urls[0], "RASA_ROUTING": routing}
    if len(rasa_urls) > 1:
        env["RASA_URLS"] = ",".join(rasa_urls)
    if len(actions_urls) > 1:
        env["ACTION_SERVER_URLS"] = ",".join(actions_urls)
    return env


def web_gateway(port: int, channels: dict[str, str], name: str = "web gateway") -> Service:
    # the stack prints the chat address once everything is ready: the gateway's own line came
    # ~50 s earlier, while Rasa was still loading, and a user who opened it got the safety reply
    return Service(
        name,
        [gateway_python(), "-m", "bot.web"],
        ready_url=f"http://{HOST}:{port}/healthz",
        env={**channels, "HOST": HOST, "PORT": str(port), "GATEWAY_ANNOUNCE": "off"},
        port=port,
    )


def telegram_bridge(channels: dict[str, str], name: str = "Telegram bridge") -> Service:
    return Service(name, [gateway_python(), "-m", "bot.telegram"], env=dict(channels))


def planned_services(
    ports: Ports,
    with_gateway: bool,
    with_telegram: bool,
    endpoints: str | Path = "endpoints.yml",
    instances: int = 1,
    rasa_env: dict[str, str] | None = None,
    worker_ports: Sequence[int] = (),
    instance_ports: Sequence[tuple[int, int]] = (),
    model: str | Path = MODEL_PATH,
) -> list[Service]:
    """What to start, all at once (they start in parallel; Stack.wait_ready waits for each).

    `instances` > 1 (the scaled profile): action servers on ports.actions, ports.actions + 1, ...,
    Rasa instances on ports.rasa, ports.rasa + 1, ... (or the (action server, Rasa) pairs of
    `instance_ports`), instance i talking to action server i (ACTION_ENDPOINT_URL, read by the
    endpoints file); they share their stores, so the gateway and the Telegram bridge send each
    message to the next one (RASA_ROUTING=round-robin).
    `worker_ports` (the default profile with RASA_WORKERS > 1): more Rasa workers on these ports
    beside the one on ports.rasa, named "Rasa 2", "Rasa 3", ..., each with its own memory store
    and all sharing the one action server; the channels send every message of a conversation to
    the same worker (RASA_ROUTING=conversation). `rasa_env` reaches every Rasa (the scaled
    profile's Redis/PostgreSQL settings). Rasa and the action server run on the Python 3.10
    environment, the gateway and the bridge on their own (bot.serve.environments)."""
    if instances > 1 and worker_ports:
        raise ValueError("instances (shared stores) and worker_ports (own stores) do not mix")
    pairs = list(instance_ports) or [(ports.actions + i, ports.rasa + i) for i in range(instances)]
    services: list[Service] = []
    rasa_urls, actions_urls = [], []
    for i, (actions_port, rasa_port) in enumerate(pairs):
        suffix = f" {i + 1}" if i else ""
        actions_url = f"http://{HOST}:{actions_port}"
        actions_urls.append(actions_url)
        services.append(action_server(actions_port, "action server" + suffix))
        rasa_urls.append(f"http://{HOST}:{rasa_port}")
        services.append(
            rasa(
                rasa_port,
                endpoints,
                "Rasa" + suffix,
                model=model,
                env={**(rasa_env or {}), "ACTION_ENDPOINT_URL": f"{actions_url}/webhook"},
            )
        )
    for n, port in enumerate(worker_ports, start=2):
        rasa_urls.append(f"http://{HOST}:{port}")
        services.append(
            rasa(
                port,
                endpoints,
                f"Rasa {n}",
                model=model,
                env={**(rasa_env or {}), "ACTION_ENDPOINT_URL": f"{actions_urls[0]}/webhook"},
            )
        )
    channels = channel_env(rasa_urls, actions_urls, "round-robin" if len(pairs) > 1 else "conversation")
    if with_gateway:
        services.append(web_gateway(ports.gateway, channels))
    if with_telegram:
        services.append(telegram_bridge(channels))
    return services


def endpoints_file(
    destination: Path,
    actions_port: int,
    source: Path = REPO_ROOT / "endpoints.yml",
    tracker_store: Optional[Mapping[str, object]] = None,
) -> Path:
    """`source` written to `destination` with the action server on `actions_port` (and the
    tracker store's settings updated with `tracker_store`); everything else unchanged."""
    endpoints = yaml.safe_load(Path(source).read_text(encoding="utf-8"))
    endpoints["action_endpoint"]["url"] = f"http://{HOST}:{actions_port}/webhook"
    if tracker_store:
        endpoints["tracker_store"].update(tracker_store)
    destination.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    return destination


def stop_all(services: Sequence[Service], grace_s: float = STOP_GRACE_S) -> None:
    """SIGTERM to each running service's process group, SIGKILL to those still there after
    `grace_s` seconds."""
    running = [s for s in services if s.running]
    for service in running:
        os.killpg(service.process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for service in running:
        try:
            service.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(service.process.pid, signal.SIGKILL)
            service.process.wait()


def first_dead(services: Sequence[Service]) -> Service | None:
    return next((s for s in services if s.process and s.process.poll() is not None), None)


@dataclass
class Stack:
    """Services started together. With `log_dir`, each writes to <log_dir>/<name>.log; without,
    to this terminal (`make run`). `base_env` replaces this process's environment as the one the
    services inherit (the canary test keeps secrets of its own out)."""

    services: list[Service]
    log_dir: Optional[Path] = None
    base_env: Optional[Mapping[str, str]] = None
    started_at: float = 0.0
    # seconds from the start until each service first answered its ready URL
    ready_after_s: dict[str, float] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Service:
        return next(s for s in self.services if s.name == name)

    def log_of(self, service: Service) -> Optional[Path]:
        return self.log_dir / f"{service.name.replace(' ', '-')}.log" if self.log_dir else None

    def start(self) -> "Stack":
        """Every service at once (Rasa loads its model meanwhile); notes the time."""
        if self.log_dir:
            self.log_dir.mkdir(parents=True, exist_ok=True)
        self.started_at = time.perf_counter()
        for service in self.services:
            self.start_service(service)
        return self

    def start_service(self, service: Service) -> None:
        service.start(self.log_of(service), self.base_env)

    def wait_ready(
        self,
        timeout_s: float = READY_TIMEOUT_S,
        poll_s: float = 0.5,
        services: Optional[Sequence[Service]] = None,
    ) -> float:
        """Block until every service (or each of `services`) with a ready URL answers; returns
        the seconds since start() when the last one did. Raises RuntimeError naming a service
        that exited meanwhile, TimeoutError naming those that did not answer in time."""
        waiting = [s for s in (self.services if services is None else services) if s.ready_url]
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            dead = first_dead(self.services)
            if dead:
                where = f"; see {self.log_of(dead)}" if self.log_dir else ""
                raise RuntimeError(
                    f"the {dead.name} exited with {dead.process.returncode} while starting{where}"
                )
            for service in waiting:
                if service.name not in self.ready_after_s and answers(service.ready_url):
                    self.ready_after_s[service.name] = time.perf_counter() - self.started_at
            pending = [s.name for s in waiting if s.name not in self.ready_after_s]
            if not pending:
                return max((self.ready_after_s[s.name] for s in waiting), default=0.0)
            time.sleep(poll_s)
        raise TimeoutError(
            ", ".join(s.name for s in waiting if s.name not in self.ready_after_s) + " did not start in time"
        )

    def stop(self) -> None:
        stop_all(self.services)

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()
