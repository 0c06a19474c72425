"""bot/bench/run.py (and `python -m bot bench`, bot/bench/__init__.py): the command line, how many
conversations a level runs, one worker and N workers alternating within a level, and the figures
written without the stack."""

from __future__ import annotations

import json
import os

import pytest

from bot.bench import main
from bot.bench.mix import load_mix
from bot.bench.report import TARGETS
from bot.bench.run import _level as bench_level
from bot.bench.run import conversations_for, parse_service_env
from tests.bench.fakes import InstantTarget


def test_service_env_option():
    assert parse_service_env(["Rasa:A=1", "Rasa:B=x=y", "action server:C="]) == {
        "Rasa": {"A": "1", "B": "x=y"},
        "action server": {"C": ""},
    }
    for wrong in ("Rasa", "Rasa:=1", "rasa:A=1", "Rasa:A"):
        with pytest.raises(ValueError):
            parse_service_env([wrong])


def test_levels_run_enough_conversations_for_every_user():
    assert conversations_for(1, per_user=4, minimum=24) == 24
    assert conversations_for(50, per_user=4, minimum=24) == 200
    assert conversations_for(5, per_user=5, minimum=1) == 26  # even: two blocks per target


def test_bench_without_the_stack_writes_the_in_process_figures(tmp_path):
    out = tmp_path / "bench.json"
    assert (
        main(
            [
                "--no-stack",
                "--messages",
                "50",
                "--lookups",
                "20",
                "--tracker-conversations",
                "40",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    figures = json.loads(out.read_text())
    for key in ("safety_net_per_message_ms", "directory_lookup_ms"):
        assert 0 < figures[key]["p50_ms"] <= figures[key]["p95_ms"]
    store = figures["memory"]["tracker_store"]
    assert store["conversations"] == 40 and store["per_1000_mb"] > 0
    assert set(figures["memory"]["tracker_store_cost"]["held"]) == {"1", "10000"}
    assert figures["memory"]["gateway_sessions_per_1000_mb"] > 0
    assert "levels" not in figures and len(figures["targets"]) == len(TARGETS)
    assert figures["machine"]["cpus"] == os.cpu_count()


def _runs(log: list[str]) -> list[str]:
    return [name for i, name in enumerate(log) if i == 0 or log[i - 1] != name]


@pytest.mark.parametrize("concurrency", [1, 4])
def test_one_worker_and_n_workers_alternate_within_every_level(concurrency):
    class OneProcess:
        def pids(self) -> dict[str, int]:
            return {"Rasa": os.getpid()}

    log: list[str] = []
    targets = {name: InstantTarget(name, started=log) for name in ("gateway", "rest", "workers")}
    merged, cpu = bench_level(OneProcess(), targets, load_mix(), concurrency, 8, 30.0, 120.0)
    assert {name: result.conversations_done for name, result in merged.items()} == {
        "gateway": 8,
        "rest": 8,
        "workers": 8,
    }
    assert set(cpu) == set(targets) and all("Rasa" in used for used in cpu.values())
    if concurrency == 1:  # N workers before and after the one-worker pairs
        runs = _runs(log)
        assert runs[0] == runs[-1] == "workers" and set(runs[1:-1]) == {"gateway", "rest"}
        assert log[4:20].count("gateway") == log[4:20].count("rest") == 8  # paired, in turn
    else:  # blocks gateway, workers, REST, REST, workers, gateway
        assert _runs(log) == ["gateway", "workers", "rest", "workers", "gateway"]
