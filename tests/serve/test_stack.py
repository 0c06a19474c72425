"""bot.serve.stack: one description of each command line, used by make run, make bench, the live
tests and the blind conversation replay; and a Stack that starts, waits for and stops them."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml

from bot.bench.stack import Stack as BenchStack
from bot.serve.ports import Ports, free_port
from bot.serve.stack import (
    LOGGING_CONFIG,
    RASA_THREAD_ENV,
    Service,
    Stack,
    action_server,
    endpoints_file,
    planned_services,
    rasa,
)

REPO = Path(__file__).resolve().parents[2]
# how a command line that starts one of the stack's processes is spelt in Python
COMMAND_LINES = re.compile(
    r'"rasa_sdk"|"bot\.rasa_plugins",\s*"run"|"-m",\s*"rasa",\s*"run"'
    r'|"-m",\s*"bot\.(web|telegram)"|"run",\s*"--model"'
)


def test_only_the_stack_spells_the_command_lines():
    spelt = [
        path.relative_to(REPO).as_posix()
        for folder in ("bot", "tests", "scripts")
        for path in (REPO / folder).rglob("*.py")
        if path != Path(__file__).resolve() and COMMAND_LINES.search(path.read_text(encoding="utf-8"))
    ]
    assert spelt == ["bot/serve/stack.py"], spelt


def test_rasa_starts_with_the_patches_the_logging_config_and_no_http_api():
    command = rasa(5005, "endpoints.yml").command
    assert command[1:4] == ["-m", "bot.rasa_plugins", "run"]  # Rasa's command line, patches first
    assert command[command.index("--logging-config-file") + 1] == LOGGING_CONFIG
    assert command[command.index("--interface") + 1] == "127.0.0.1"
    assert "--enable-api" not in command
    server = action_server(5055)
    assert server.command[server.command.index("--logging-config_file") + 1] == LOGGING_CONFIG
    assert server.port == 5055 and server.ready_url == "http://127.0.0.1:5055/health"


def test_every_rasa_process_runs_one_thread_per_pool_unless_told_otherwise(monkeypatch):
    for name in RASA_THREAD_ENV:
        monkeypatch.delenv(name, raising=False)
    services = planned_services(Ports(), with_gateway=True, with_telegram=False, worker_ports=[6101])
    workers = [s for s in services if s.name.startswith("Rasa")]
    assert len(workers) == 2
    for service in workers:
        assert {k: service.env[k] for k in RASA_THREAD_ENV} == {
            "TF_INTRA_OP_PARALLELISM_THREADS": "1",
            "TF_INTER_OP_PARALLELISM_THREADS": "1",
            "OMP_NUM_THREADS": "1",
        }
    for service in services:
        if not service.name.startswith("Rasa"):
            assert not set(RASA_THREAD_ENV) & set(service.env), service.name
    # a value set by whoever starts it is kept (the service's own env would override it)
    monkeypatch.setenv("OMP_NUM_THREADS", "2")
    server = rasa(5005, "endpoints.yml")
    assert "OMP_NUM_THREADS" not in server.env
    assert server.env["TF_INTRA_OP_PARALLELISM_THREADS"] == "1"


def test_make_bench_runs_the_services_make_run_plans(tmp_path):
    bench = BenchStack(tmp_path, workers=2)
    planned = {s.name: s.command for s in planned_services(bench.ports, True, False, worker_ports=[1])}
    benched = {s.name: s.command for s in bench.plan()}
    assert benched["action server"] == planned["action server"]
    for name in ("Rasa", "Rasa 2", "web gateway"):
        assert [a for a in benched[name] if "endpoints" not in a and not a.isdigit()] == [
            a for a in planned[name] if "endpoints" not in a and not a.isdigit()
        ]
    assert benched["web gateway (worker 1 only)"] == planned["web gateway"]


def test_an_endpoints_file_points_rasa_at_another_action_server(tmp_path):
    written = endpoints_file(
        tmp_path / "endpoints.yml",
        6066,
        source=REPO / "deploy" / "endpoints.sqlite.yml",
        tracker_store={"db": "x.db"},
    )
    endpoints, original = (
        yaml.safe_load(p.read_text()) for p in (written, REPO / "deploy" / "endpoints.sqlite.yml")
    )
    assert endpoints["action_endpoint"]["url"] == "http://127.0.0.1:6066/webhook"
    assert endpoints["tracker_store"] == {**original["tracker_store"], "db": "x.db"}
    assert endpoints["nlg"] == original["nlg"]


def test_instances_can_be_given_their_own_ports():
    services = planned_services(
        Ports(gateway=9), True, False, instances=2, instance_ports=[(7001, 7002), (7011, 7012)]
    )
    assert [(s.name, s.port) for s in services] == [
        ("action server", 7001),
        ("Rasa", 7002),
        ("action server 2", 7011),
        ("Rasa 2", 7012),
        ("web gateway", 9),
    ]
    gateway = services[-1].env
    assert gateway["RASA_URLS"] == "http://127.0.0.1:7002,http://127.0.0.1:7012"
    assert gateway["ACTION_SERVER_URLS"] == "http://127.0.0.1:7001,http://127.0.0.1:7011"
    assert gateway["RASA_ROUTING"] == "round-robin"


def http_server(name: str, port: int) -> Service:
    """A stand-in service: Python's own HTTP server (answers / with the folder listing)."""
    return Service(
        name,
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        ready_url=f"http://127.0.0.1:{port}/",
        port=port,
    )


def test_a_stack_starts_everything_waits_for_each_and_stops_them_all(tmp_path):
    services = [http_server("one", free_port()), http_server("two", free_port())]
    with Stack(services, log_dir=tmp_path) as stack:
        stack.wait_ready(timeout_s=30, poll_s=0.05)
        assert set(stack.ready_after_s) == {"one", "two"} and all(s.running for s in services)
        stack["one"].stop()
        assert not stack["one"].running and stack["two"].running
    assert not any(s.running for s in services)
    assert (tmp_path / "one.log").exists()


def test_a_service_that_exits_while_starting_is_named(tmp_path):
    dies = Service(
        "broken thing",
        [sys.executable, "-c", "raise SystemExit(3)"],
        ready_url=f"http://127.0.0.1:{free_port()}/",
    )
    with (
        Stack([dies], log_dir=tmp_path) as stack,
        pytest.raises(RuntimeError, match="broken thing exited with 3"),
    ):
        stack.wait_ready(timeout_s=30, poll_s=0.05)
