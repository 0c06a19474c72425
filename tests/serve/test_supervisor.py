"""`make run` plumbing: port checks, the training fingerprint, and what the supervisor starts."""

from __future__ import annotations

import socket

from bot.serve import train
from bot.serve.ports import Ports, port_is_free, taken_port_messages
from bot.serve.stack import planned_services


def test_a_taken_port_gets_a_plain_message_naming_it():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert not port_is_free(port)
        [message] = taken_port_messages({"Rasa": port})
        assert f"Port {port} (Rasa)" in message and "already in use" in message
    assert taken_port_messages({"Rasa": port}) == []


def test_fingerprint_changes_with_training_data_and_only_with_it(tmp_path):
    for name in ("config.yml", "domain.yml"):
        (tmp_path / name).write_text("x")
    (tmp_path / "data" / "nlu").mkdir(parents=True)
    (tmp_path / "data" / "nlu" / "a.yml").write_text("one")
    before = train.training_fingerprint(tmp_path)
    (tmp_path / "README.md").write_text("not a training input")
    assert train.training_fingerprint(tmp_path) == before
    (tmp_path / "data" / "nlu" / "a.yml").write_text("two")
    assert train.training_fingerprint(tmp_path) != before


def test_everything_listens_on_loopback_and_rasa_api_stays_off():
    services = planned_services(Ports(), with_gateway=True, with_telegram=False)
    rasa = next(s for s in services if s.name == "Rasa")
    assert rasa.command[rasa.command.index("--interface") + 1] == "127.0.0.1"
    assert "--enable-api" not in rasa.command
    actions = next(s for s in services if s.name == "action server")
    assert actions.env["SANIC_HOST"] == "127.0.0.1"
    gateway = next(s for s in services if s.name == "web gateway")
    assert gateway.env["HOST"] == "127.0.0.1"
    assert [s.name for s in services] == ["action server", "Rasa", "web gateway"]


def test_telegram_bridge_starts_only_with_a_token():
    names = [s.name for s in planned_services(Ports(), with_gateway=False, with_telegram=True)]
    assert "Telegram bridge" in names


def test_each_profile_names_an_endpoints_file_that_exists():
    from bot.serve.profiles import PROFILES

    for profile in PROFILES.values():
        assert profile.endpoints.exists(), profile.name


def test_the_sqlite_profile_gives_rasa_its_endpoints_file():
    services = planned_services(
        Ports(), with_gateway=False, with_telegram=False, endpoints="deploy/endpoints.sqlite.yml"
    )
    rasa = next(s for s in services if s.name == "Rasa")
    assert rasa.command[rasa.command.index("--endpoints") + 1] == "deploy/endpoints.sqlite.yml"


def test_an_unknown_profile_is_refused_with_the_choices():
    import pytest
    from bot.serve.profiles import profile_named

    with pytest.raises(SystemExit, match="default"):
        profile_named("bogus")


def _train_in(tmp_path, monkeypatch, returncode: int):
    """train.main with the model folder in tmp_path and `rasa train` replaced by a stub."""
    import subprocess

    monkeypatch.setattr(train, "MODEL_PATH", tmp_path / "current.tar.gz")
    monkeypatch.setattr(train, "FINGERPRINT_PATH", tmp_path / "current.inputs.sha256")
    monkeypatch.setattr(train, "TRAINING_RECORD_PATH", tmp_path / "current.train.json")
    calls = []
    monkeypatch.setattr(
        train.subprocess,
        "run",
        lambda command, **kwargs: calls.append(command) or subprocess.CompletedProcess(command, returncode),
    )
    code = train.main(["--force"])
    assert calls and calls[0][1:4] == ["-m", "rasa", "train"]
    return code


def test_a_successful_training_records_how_long_it_took_for_the_bench(tmp_path, monkeypatch):
    assert _train_in(tmp_path, monkeypatch, returncode=0) == 0
    record = train.read_training_record()
    assert record is not None and record["seconds"] >= 0
    assert len(record["date"]) == 10 and record["date"][4] == "-"
    assert train.read_training_record(tmp_path / "missing.json") is None


def test_a_failed_training_records_no_time(tmp_path, monkeypatch):
    assert _train_in(tmp_path, monkeypatch, returncode=1) == 1
    assert train.read_training_record() is None
    assert not (tmp_path / "current.inputs.sha256").exists()


# ---- the scaled profile (issue 7, item 3; the live test is tests/serve/test_scaled_profile.py) ---------------------


def test_the_scaled_profile_plans_two_rasa_instances_each_with_its_own_action_server():
    from bot.serve.profiles import profile_named

    scaled = profile_named("scaled")
    services = planned_services(
        Ports(),
        with_gateway=True,
        with_telegram=True,
        endpoints="deploy/endpoints.scaled.yml",
        instances=scaled.instances,
        rasa_env={"POSTGRES_PASSWORD": "pw"},
    )
    by_name = {s.name: s for s in services}
    assert set(by_name) == {
        "action server",
        "action server 2",
        "Rasa",
        "Rasa 2",
        "web gateway",
        "Telegram bridge",
    }
    for rasa, actions, port in (("Rasa", "action server", 5055), ("Rasa 2", "action server 2", 5056)):
        command = by_name[rasa].command
        assert command[command.index("--interface") + 1] == "127.0.0.1"
        assert "--enable-api" not in command
        assert command[command.index("--endpoints") + 1] == "deploy/endpoints.scaled.yml"
        assert by_name[rasa].env["ACTION_ENDPOINT_URL"] == f"http://127.0.0.1:{port}/webhook"
        assert by_name[rasa].env["POSTGRES_PASSWORD"] == "pw"
        assert "pw" not in command  # secrets travel in the environment, never on a command line
        assert by_name[actions].command[by_name[actions].command.index("--port") + 1] == str(port)
    assert by_name["Rasa"].command[by_name["Rasa"].command.index("--port") + 1] == "5005"
    assert by_name["Rasa 2"].command[by_name["Rasa 2"].command.index("--port") + 1] == "5006"
    for channel in ("web gateway", "Telegram bridge"):
        assert by_name[channel].env["RASA_URLS"] == "http://127.0.0.1:5005,http://127.0.0.1:5006"
        # the instances share their stores: each message to the next one
        assert by_name[channel].env["RASA_ROUTING"] == "round-robin"
        assert "POSTGRES_PASSWORD" not in by_name[channel].env


# ---- the default profile's workers (issue 17) ------------------------------------------------


def test_the_default_profile_plans_workers_sharing_one_action_server_routed_by_conversation():
    services = planned_services(Ports(), with_gateway=True, with_telegram=True, worker_ports=[6101, 6102])
    by_name = {s.name: s for s in services}
    assert [s.name for s in services] == [
        "action server",
        "Rasa",
        "Rasa 2",
        "Rasa 3",
        "web gateway",
        "Telegram bridge",
    ]
    for name, port in (("Rasa", 5005), ("Rasa 2", 6101), ("Rasa 3", 6102)):
        command = by_name[name].command
        assert command[command.index("--port") + 1] == str(port)
        assert command[command.index("--interface") + 1] == "127.0.0.1"
        assert command[command.index("--endpoints") + 1] == "endpoints.yml"  # memory store
        assert by_name[name].env["ACTION_ENDPOINT_URL"] == "http://127.0.0.1:5055/webhook"
        assert by_name[name].ready_url == f"http://127.0.0.1:{port}/"
    for channel in ("web gateway", "Telegram bridge"):
        assert by_name[channel].env["RASA_URLS"] == (
            "http://127.0.0.1:5005,http://127.0.0.1:6101,http://127.0.0.1:6102"
        )
        assert by_name[channel].env["RASA_ROUTING"] == "conversation"


def test_one_worker_plans_what_it_always_did():
    services = planned_services(Ports(), with_gateway=True, with_telegram=False)
    gateway = next(s for s in services if s.name == "web gateway")
    assert "RASA_URLS" not in gateway.env and gateway.env["RASA_URL"] == "http://127.0.0.1:5005"


def test_only_the_default_profile_has_workers_of_its_own():
    from bot.serve.profiles import PROFILES

    assert [p.name for p in PROFILES.values() if p.workers] == ["default"]


def test_the_scaled_endpoints_keep_the_nlg_and_the_retention_and_read_only_known_settings(domain_yaml):
    import re

    import yaml

    from bot import REPO_ROOT
    from bot.serve.backing_services import POSTGRES_SETTINGS, REDIS_SETTINGS

    text = (REPO_ROOT / "deploy" / "endpoints.scaled.yml").read_text()
    endpoints = yaml.safe_load(text)
    assert endpoints["nlg"]["type"] == "bot.rasa_plugins.directory_nlg.DirectoryNLG"
    # tickets issued in Redis transactions: Rasa's own `type: redis` store races across instances
    assert endpoints["lock_store"]["type"] == "bot.rasa_plugins.lock_store.AtomicRedisLockStore"
    store = endpoints["tracker_store"]
    assert store["type"] == "bot.rasa_plugins.sql_tracker_store.ExpiringSQLTrackerStore"
    assert store["dialect"] == "postgresql"
    expiry = domain_yaml["session_config"]["session_expiration_time"]
    assert store["max_idle_minutes"] == expiry
    settings = "\n".join(line.split("#")[0] for line in text.splitlines())
    assert set(re.findall(r"\$\{(\w+)\}", settings)) == {
        *REDIS_SETTINGS,
        *POSTGRES_SETTINGS,
        "ACTION_ENDPOINT_URL",
    }


def test_the_scaled_profile_runs_private_stores_unless_external_ones_are_named(tmp_path):
    import pytest

    from bot.serve.backing_services import BackingServiceError, BackingServices

    private = BackingServices.for_environment(tmp_path, {})
    assert private.private_ports() == {"Redis": 6379, "PostgreSQL": 5432}
    external_redis = BackingServices.for_environment(
        tmp_path,
        {"REDIS_HOST": "redis.internal", "REDIS_PORT": "6380", "REDIS_DB": "0", "REDIS_PASSWORD": ""},
    )
    assert external_redis.private_ports() == {"PostgreSQL": 5432}
    assert not external_redis.with_redis and external_redis.with_postgres
    with pytest.raises(BackingServiceError, match="POSTGRES_PASSWORD"):
        BackingServices.for_environment(
            tmp_path,
            {"POSTGRES_HOST": "db", "POSTGRES_PORT": "5432", "POSTGRES_DB": "c", "POSTGRES_USER": "u"},
        )


def test_the_action_server_keeps_idle_connections_longer_than_rasa_does():
    # Rasa (aiohttp) reuses an idle connection for up to 15 s; Sanic must not close it first
    import os
    from unittest import mock
    from sanic import Sanic

    services = planned_services(Ports(), with_gateway=False, with_telegram=False)
    actions = next(s for s in services if s.name == "action server")
    with mock.patch.dict(os.environ, actions.env):
        assert Sanic("keep_alive_probe").config.KEEP_ALIVE_TIMEOUT > 15


def test_make_shell_explains_a_refused_slash_message_and_keeps_going(monkeypatch, capsys):
    """Rasa's REST input answers 400 to intent syntax that is none of its buttons (issue 16)."""
    import http.server
    import threading

    from bot.serve import shell

    class Refuse(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(400)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Refuse)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    typed = iter(["/inform_location{} words"])

    def fake_input(prompt):
        try:
            return next(typed)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setenv("RASA_PORT", str(server.server_address[1]))
    monkeypatch.setattr("builtins.input", fake_input)
    try:
        assert shell.main([]) == 0
    finally:
        server.shutdown()
    assert "read as a button" in capsys.readouterr().out


def test_a_second_stop_signal_while_stopping_is_ignored():
    # the trial's SIGTERM to make's whole process group reached the supervisor twice, and the
    # second broke off the clean stop with a traceback
    import signal

    import pytest

    from bot.serve import supervisor

    saved = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    try:
        with pytest.raises(KeyboardInterrupt):
            supervisor._stop_on_signal(signal.SIGTERM, None)
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, saved[0])
        signal.signal(signal.SIGINT, saved[1])
