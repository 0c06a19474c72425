"""`make run`: start the action server, Rasa, the web gateway (and the Telegram bridge when a
token is set) on 127.0.0.1 in the foreground; Ctrl-C stops all of them.

What each process is and how it starts is bot.serve.stack's (the same for `make bench` and the
live tests); this module picks the profile, the ports and the model, and watches. Each service is
its own process group so that one Ctrl-C reaches everything, and a service that dies takes the
others down with a clear message instead of leaving a half-working assistant.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import sys
import time

from bot import REPO_ROOT
from bot.serve import train
from bot.serve.backing_services import BackingServiceError, BackingServices
from bot.serve.environments import MissingEnvironment
from bot.serve.ports import HOST, Ports, free_port, taken_port_messages
from bot.serve.profiles import PROFILES, profile_named
from bot.serve.stack import Service, Stack, first_dead, planned_services
from bot.serve.workers import worker_count

# the scaled profile's private Redis/PostgreSQL files and password (bot.serve.backing_services)
SCALED_STATE_DIR = REPO_ROOT / "var" / "scaled"


def rasa_count(services: list[Service]) -> int:
    return sum(1 for s in services if s.name.startswith("Rasa"))


def _stop_on_signal(signum, frame) -> None:
    # once: a second SIGTERM or Ctrl-C while stopping (a process group signalled as a whole, or
    # an impatient second press) must not break off the clean stop with a traceback
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot serve")
    parser.add_argument("--no-train", action="store_true", help="use the existing model as is")
    parser.add_argument(
        "--profile",
        default=os.environ.get("PROFILE", "default"),
        help=f"one of: {', '.join(PROFILES)} (default: default)",
    )
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
            print(
                f"The {profile.name} profile needs {' and '.join(missing)}: "
                "run `make scaled-deps` (Debian packages) first.",
                file=sys.stderr,
            )
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

    stack = Stack([])
    # Ctrl-C reaches only this process (children have their own sessions); SIGTERM stops too
    signal.signal(signal.SIGTERM, _stop_on_signal)
    try:
        rasa_env = None
        if backing:
            print("Starting Redis and PostgreSQL on 127.0.0.1...", flush=True)
            backing.start()
            rasa_env = backing.environment()
            # for `python -m bot purge --endpoints deploy/endpoints.scaled.yml` from cron
            backing.write_env_file(
                SCALED_STATE_DIR / "scaled.env",
                {"ACTION_ENDPOINT_URL": f"http://{HOST}:{ports.actions}/webhook"},
            )
        services = planned_services(
            ports,
            with_gateway,
            with_telegram,
            endpoints=str(profile.endpoints.relative_to(REPO_ROOT)),
            instances=profile.instances,
            rasa_env=rasa_env,
            worker_ports=[free_port() for _ in range(workers - 1)],
            model=train.MODEL_PATH,
        )
        stack = Stack(services).start()  # output to this terminal
        print(
            f"Starting the action server and {rasa_count(services)} Rasa process(es) in "
            "parallel (loading the model takes ~20 s)...",
            flush=True,
        )
        try:
            stack.wait_ready()
        except RuntimeError:
            dead = first_dead(services)
            print(f"The {dead.name} stopped while starting; see its messages above.", file=sys.stderr)
            return 1
        print(
            f"\nReady ({profile.name} profile: {profile.summary}"
            f"{f'; {workers} Rasa workers' if workers > 1 else ''})."
        )
        for service in services:
            if service.name.startswith("Rasa"):
                print(f"{service.name} REST channel: {service.ready_url}webhooks/rest/webhook")
        if with_gateway:
            print(f"Chat in your browser: http://{HOST}:{ports.gateway}")
        print("Talk in the terminal: make shell (in another terminal). Ctrl-C stops everything.", flush=True)
        watched = list(services)
        while True:
            dead = first_dead(watched)
            if dead and profile.workers and dead.name.startswith("Rasa") and rasa_count(watched) > 1:
                # the channels skip a worker that does not answer, so the assistant keeps serving
                print(
                    f"{dead.name} stopped unexpectedly; the other Rasa workers keep serving "
                    "(its conversations start afresh on them).",
                    file=sys.stderr,
                )
                watched.remove(dead)
            elif dead:
                print(f"The {dead.name} stopped unexpectedly; stopping the rest.", file=sys.stderr)
                return 1
            time.sleep(1)
    except KeyboardInterrupt:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # Ctrl-C comes here without the handler
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("\nStopping...", flush=True)
        return 0
    except (TimeoutError, MissingEnvironment) as error:
        print(f"Could not start: {error}.", file=sys.stderr)
        return 1
    except BackingServiceError as error:
        print(f"Could not start Redis/PostgreSQL: {error}", file=sys.stderr)
        return 1
    finally:
        stack.stop()
        if backing:
            backing.stop()
