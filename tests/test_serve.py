"""`make run` plumbing: port checks, the training fingerprint, and what the supervisor starts."""
from __future__ import annotations

import socket

from bot.serve import train
from bot.serve.ports import Ports, port_is_free, taken_port_messages
from bot.serve.supervisor import planned_services


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
    services = planned_services(Ports(), with_gateway=False, with_telegram=False,
                                endpoints="deploy/endpoints.sqlite.yml")
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
    monkeypatch.setattr(train.subprocess, "run", lambda command, **kwargs: calls.append(command)
                        or subprocess.CompletedProcess(command, returncode))
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
