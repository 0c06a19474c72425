"""Training is reproducible: the same data, config and seed give the same intent ranking.

Trains the NLU twice from scratch (deterministic TF kernels, fixed seeds; config.yml with DIET at
tests.training.FAST_EPOCHS, since repeating does not depend on how long it trains) and parses a
set of messages with both models. About a minute; part of `make test`.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from bot.serve.train import deterministic_env
from tests.serve.live import REPO
from tests.training import fast_config

pytestmark = pytest.mark.training

MESSAGES = [
    "hi",
    "i was raped",
    "boys keep rating us",
    "hes outside my house",
    "can i report without my name",
    "im in hackney",
    "asdf qwerty",
    "my friend told me something",
]


def train_nlu(out_dir) -> str:
    out_dir.mkdir(parents=True, exist_ok=True)
    fast_config(out_dir / "config.yml")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "train",
            "nlu",
            "--config",
            str(out_dir / "config.yml"),
            "--nlu",
            "data/nlu",
            "--domain",
            "domain.yml",
            "--out",
            str(out_dir),
            "--fixed-model-name",
            "nlu",
        ],
        cwd=REPO,
        env=deterministic_env(),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return str(out_dir / "nlu.tar.gz")


def rankings(model_path: str) -> list[list[tuple[str, float]]]:
    from rasa.core.agent import Agent

    agent = Agent.load(model_path)

    async def parse_all():
        return [await agent.parse_message(text) for text in MESSAGES]

    results = asyncio.run(parse_all())
    return [[(r["name"], round(r["confidence"], 4)) for r in result["intent_ranking"]] for result in results]


def test_two_trainings_give_the_same_intent_ranking(tmp_path):
    first = rankings(train_nlu(tmp_path / "a"))
    second = rankings(train_nlu(tmp_path / "b"))
    assert [[name for name, _ in r] for r in first] == [[name for name, _ in r] for r in second]
    assert first == second
