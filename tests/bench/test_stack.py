"""bot/bench/stack.py: the services `make bench` starts, loopback only, with their own endpoints and
raised limits, and with N Rasa workers sharing one action server."""

from __future__ import annotations

import yaml

from bot import REPO_ROOT
from bot.bench.stack import BENCH_GATEWAY_ENV, ONE_WORKER_GATEWAY, Stack
from bot.serve.ports import Ports


def test_the_bench_stack_is_loopback_only_with_its_own_endpoints_and_raised_limits(tmp_path):
    stack = Stack(
        tmp_path,
        ports=Ports(41001, 41002, 41003),
        service_env={"Rasa": {"TF_INTRA_OP_PARALLELISM_THREADS": "1"}},
    )
    services = {s.name: s for s in stack.plan()}
    assert set(services) >= {"action server", "Rasa", "web gateway"}
    rasa = services["Rasa"].command
    assert rasa[rasa.index("--interface") + 1] == "127.0.0.1" and "--enable-api" not in rasa
    endpoints = rasa[rasa.index("--endpoints") + 1]
    assert endpoints == str(tmp_path / "endpoints.yml")
    written = yaml.safe_load((tmp_path / "endpoints.yml").read_text())
    assert written["action_endpoint"]["url"] == "http://127.0.0.1:41001/webhook"
    original = yaml.safe_load((REPO_ROOT / "endpoints.yml").read_text())  # the rest unchanged
    assert written == {**original, "action_endpoint": {"url": "http://127.0.0.1:41001/webhook"}}
    assert services["Rasa"].env["TF_INTRA_OP_PARALLELISM_THREADS"] == "1"
    gateway = services["web gateway"].env
    assert gateway["HOST"] == "127.0.0.1" and gateway["PORT"] == "41003"
    assert {k: gateway[k] for k in BENCH_GATEWAY_ENV} == BENCH_GATEWAY_ENV
    assert services["action server"].env["SANIC_HOST"] == "127.0.0.1"


def test_the_bench_stack_starts_n_workers_sharing_one_action_server(tmp_path):
    stack = Stack(tmp_path, ports=Ports(41001, 41002, 41003), workers=3, service_env={"Rasa": {"X": "1"}})
    services = {s.name: s for s in stack.plan()}
    assert set(services) == {"action server", "Rasa", "Rasa 2", "Rasa 3", "web gateway", ONE_WORKER_GATEWAY}
    assert all(services[name].env["X"] == "1" for name in ("Rasa", "Rasa 2", "Rasa 3"))
    urls = services["web gateway"].env["RASA_URLS"].split(",")
    assert len(set(urls)) == 3 and urls[0] == "http://127.0.0.1:41002"
    assert services["web gateway"].env["RASA_ROUTING"] == "conversation"
    # the one-worker figures come from a second gateway that knows worker 1 alone
    one = services[ONE_WORKER_GATEWAY]
    assert "RASA_URLS" not in one.env and one.env["RASA_URL"] == "http://127.0.0.1:41002"
    assert one.command == services["web gateway"].command
    assert one.env["PORT"] == str(stack.one_worker_port) != "41003"
    assert stack.one_worker_gateway_url.endswith(f":{stack.one_worker_port}")
    assert Stack(tmp_path, ports=Ports(41001, 41002, 41003)).one_worker_gateway_url == (
        "http://127.0.0.1:41003"
    )
