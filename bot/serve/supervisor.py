"""`make run`: start the action server, Rasa, the web gateway (and the Telegram bridge when a
token is set) on 127.0.0.1 in the foreground; Ctrl-C stops all of them.

Each service is its own process group so that one Ctrl-C reaches everything, and a service that
dies takes the others down with a clear message instead of leaving a half-working assistant.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from typing import Sequence

from bot import REPO_ROOT
from bot.serve import train
from bot.serve.backing_services import BackingServiceError, BackingServices
from bot.serve.environments import MissingEnvironment, gateway_python, rasa_python
from bot.serve.ports import HOST, Ports, free_port, taken_port_messages
from bot.serve.profiles import PROFILES, profile_named
from bot.serve.workers import worker_count

READY_TIMEOUT_S = 180
# the scaled profile's private Redis/PostgreSQL files and password (bot.serve.backing_services)
SCALED_STATE_DIR = REPO_ROOT / "var" / "scaled"
# no message text, ids, IP addresses or tokens in Rasa's or the action server's logs (H07)
LOGGING_CONFIG = "deploy/logging.yml"


@dataclass
class Service:
    name: str
    command: list[str]
    ready_url: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None


# Rasa's client keeps idle connections to the action server for 15 s; Sanic closes them after 5 s
# by default, so under load Rasa could write to a connection the server was closing ("Cannot
# write to closing transport", seen once by make bench). The server keeps them longer instead.
ACTION_SERVER_ENV = {"SANIC_HOST": HOST, "SANIC_KEEP_ALIVE_TIMEOUT": "30"}


def _rasa(name: str, port: int, endpoints: str, env: dict[str, str]) -> Service:
    # no --enable-api: Rasa's HTTP API stays off; only the REST channel is served
    return Service(name, [rasa_python(), "-m", "bot.rasa_plugins", "run", "--model", str(train.MODEL_PATH),
                          "--interface", HOST, "--port", str(port), "--endpoints", endpoints,
                          "--credentials", "credentials.yml",
                          "--logging-config-file", LOGGING_CONFIG],
                   ready_url=f"http://{HOST}:{port}/", env=env)


def planned_services(ports: Ports, with_gateway: bool, with_telegram: bool,
                     endpoints: str = "endpoints.yml", instances: int = 1,
                     rasa_env: dict[str, str] | None = None,
                     worker_ports: Sequence[int] = ()) -> list[Service]:
    """What to start, all at once (they start in parallel; wait_until_ready waits for each).

    `instances` > 1 (the scaled profile): action servers on ports.actions, ports.actions + 1, ...,
    Rasa instances on ports.rasa, ports.rasa + 1, ..., instance i talking to action server i
    (ACTION_ENDPOINT_URL, read by the endpoints file); they share their stores, so the gateway and
    the Telegram bridge send each message to the next one (RASA_ROUTING=round-robin).
    `worker_ports` (the default profile with RASA_WORKERS > 1): more Rasa workers on these ports
    beside the one on ports.rasa, named "Rasa 2", "Rasa 3", ..., each with its own memory store
    and all sharing the one action server; the channels send every message of a conversation to
    the same worker (RASA_ROUTING=conversation). `rasa_env` reaches every Rasa (the scaled
    profile's Redis/PostgreSQL settings). Rasa and the action server run on the Python 3.10
    environment, the gateway and the bridge on their own (bot.serve.environments)."""
    if instances > 1 and worker_ports:
        raise ValueError("instances (shared stores) and worker_ports (own stores) do not mix")
    py = rasa_python()
    services: list[Service] = []
    rasa_urls, actions_urls = [], []
    for i in range(instances):
        suffix = f" {i + 1}" if i else ""
        actions_url = f"http://{HOST}:{ports.actions + i}"
        actions_urls.append(actions_url)
        services.append(
            Service("action server" + suffix, [py, "-m", "rasa_sdk", "--actions", "actions",
                                               "--port", str(ports.actions + i),
                                               "--logging-config_file", LOGGING_CONFIG],
                    ready_url=f"{actions_url}/health", env=ACTION_SERVER_ENV))
        rasa_urls.append(f"http://{HOST}:{ports.rasa + i}")
        services.append(_rasa("Rasa" + suffix, ports.rasa + i, endpoints,
                              {**(rasa_env or {}), "ACTION_ENDPOINT_URL": f"{actions_url}/webhook"}))
    for n, port in enumerate(worker_ports, start=2):
        rasa_urls.append(f"http://{HOST}:{port}")
        services.append(_rasa(f"Rasa {n}", port, endpoints,
                              {**(rasa_env or {}), "ACTION_ENDPOINT_URL": f"{actions_urls[0]}/webhook"}))
    shared_env = {"RASA_URL": rasa_urls[0], "ACTION_SERVER_URL": actions_urls[0],
                  "RASA_ROUTING": "round-robin" if instances > 1 else "conversation"}
    if len(rasa_urls) > 1:
        shared_env["RASA_URLS"] = ",".join(rasa_urls)
    if instances > 1:
        shared_env["ACTION_SERVER_URLS"] = ",".join(actions_urls)
    if with_gateway:
        services.append(Service("web gateway", [gateway_python(), "-m", "bot.web"],
                                ready_url=f"http://{HOST}:{ports.gateway}/healthz",
                                env={**shared_env, "HOST": HOST, "PORT": str(ports.gateway)}))
    if with_telegram:
        services.append(Service("Telegram bridge", [gateway_python(), "-m", "bot.telegram"], env=shared_env))
    return services


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 500
    except Exception:
        return False


# nothing leaves this machine: Rasa's usage telemetry is off whoever starts the supervisor
PRIVATE_ENV = {"RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def start(service: Service) -> None:
    service.process = subprocess.Popen(service.command, cwd=REPO_ROOT,
                                       env={**os.environ, **PRIVATE_ENV, **service.env},
                                       start_new_session=True)


def stop_all(services: list[Service], grace_s: float = 10) -> None:
    running = [s for s in services if s.process and s.process.poll() is None]
    for service in running:
        os.killpg(service.process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace_s
    for service in running:
        try:
            service.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(service.process.pid, signal.SIGKILL)


def rasa_count(services: list[Service]) -> int:
    return sum(1 for s in services if s.name.startswith("Rasa"))


def first_dead(services: list[Service]) -> Service | None:
    return next((s for s in services if s.process and s.process.poll() is not None), None)


def wait_until_ready(services: list[Service]) -> Service | None:
    """Block until every service answers; return a service that died first, if any."""
    deadline = time.monotonic() + READY_TIMEOUT_S
    pending = [s for s in services if s.ready_url]
    while pending and time.monotonic() < deadline:
        dead = first_dead(services)
        if dead:
            return dead
        pending = [s for s in pending if not answers(s.ready_url)]
        time.sleep(0.5)
    if pending:
        raise TimeoutError(", ".join(s.name for s in pending) + " did not start in time")
    return None


def _stop_on_signal(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot serve")
    parser.add_argument("--no-train", action="store_true", help="use the existing model as is")
    parser.add_argument("--profile", default=os.environ.get("PROFILE", "default"),
                        help=f"one of: {', '.join(PROFILES)} (default: default)")
    args = parser.parse_args(argv)
    profile = profile_named(args.profile)

    ports = Ports.from_env()
    with_gateway = importlib.util.find_spec("bot.web.__main__") is not None
    with_telegram = bool(os.environ.get("TELEGRAM_BOT_TOKEN"))
    backing = None
    if profile.backing_services:
        try:
            backing = BackingServices.for_environment(SCALED_STATE_DIR, dict(os.environ))
        except BackingServiceError as error:
            print(str(error), file=sys.stderr)
            return 1
        missing = backing.missing_binaries()
        if missing:
            print(f"The {profile.name} profile needs {' and '.join(missing)}: "
                  "run `make scaled-deps` (Debian packages) first.", file=sys.stderr)
            return 1
    try:
        workers = worker_count() if profile.workers else 1
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    wanted = {}
    for i in range(profile.instances):
        suffix = f" {i + 1}" if i else ""
        wanted["action server" + suffix] = ports.actions + i
        wanted["Rasa" + suffix] = ports.rasa + i
    if with_gateway:
        wanted["web gateway"] = ports.gateway
    if backing:
        wanted.update(backing.private_ports())
    problems = taken_port_messages(wanted)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if not args.no_train and train.main([]) != 0:
        return 1
    if not train.MODEL_PATH.exists():
        print("No trained model: run `make run` without --no-train.", file=sys.stderr)
        return 1

    services: list[Service] = []
    # Ctrl-C reaches only this process (children have their own sessions); SIGTERM stops too
    signal.signal(signal.SIGTERM, _stop_on_signal)
    try:
        rasa_env = None
        if backing:
            print("Starting Redis and PostgreSQL on 127.0.0.1...", flush=True)
            backing.start()
            rasa_env = backing.environment()
            # for `python -m bot purge --endpoints deploy/endpoints.scaled.yml` from cron
            backing.write_env_file(SCALED_STATE_DIR / "scaled.env", {
                "ACTION_ENDPOINT_URL": f"http://{HOST}:{ports.actions}/webhook"})
        services = planned_services(ports, with_gateway, with_telegram,
                                    endpoints=str(profile.endpoints.relative_to(REPO_ROOT)),
                                    instances=profile.instances, rasa_env=rasa_env,
                                    worker_ports=[free_port() for _ in range(workers - 1)])
        for service in services:
            start(service)
        print(f"Starting the action server and {rasa_count(services)} Rasa process(es) in "
              "parallel (loading the model takes ~20 s)...", flush=True)
        dead = wait_until_ready(services)
        if dead:
            print(f"The {dead.name} stopped while starting; see its messages above.", file=sys.stderr)
            return 1
        print(f"\nReady ({profile.name} profile: {profile.summary}"
              f"{f'; {workers} Rasa workers' if workers > 1 else ''}).")
        for service in services:
            if service.name.startswith("Rasa"):
                print(f"{service.name} REST channel: {service.ready_url}webhooks/rest/webhook")
        if with_gateway:
            print(f"Chat in your browser: http://{HOST}:{ports.gateway}")
        print("Talk in the terminal: make shell (in another terminal). Ctrl-C stops everything.",
              flush=True)
        watched = list(services)
        while True:
            dead = first_dead(watched)
            if dead and profile.workers and dead.name.startswith("Rasa") \
                    and rasa_count(watched) > 1:
                # the channels skip a worker that does not answer, so the assistant keeps serving
                print(f"{dead.name} stopped unexpectedly; the other Rasa workers keep serving "
                      "(its conversations start afresh on them).", file=sys.stderr)
                watched.remove(dead)
            elif dead:
                print(f"The {dead.name} stopped unexpectedly; stopping the rest.", file=sys.stderr)
                return 1
            time.sleep(1)
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    except (TimeoutError, MissingEnvironment) as error:
        print(f"Could not start: {error}.", file=sys.stderr)
        return 1
    except BackingServiceError as error:
        print(f"Could not start Redis/PostgreSQL: {error}", file=sys.stderr)
        return 1
    finally:
        stop_all(services)
        if backing:
            backing.stop()
