"""With an NLU model that has learnt nothing (labels shuffled), every must-catch emergency message
still gets the emergency marker and 999 in the first message, and every crisis message the
crisis marker: the safety net, the urgency rules and the in-process NLG carry it alone.

The model is trained on data/nlu with the intent labels randomly permuted (seeded), and is run
in-process with no action server at all. Epochs are reduced: the labels are noise anyway.
"""

from __future__ import annotations

import asyncio
import random
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.safety.evaluate import MUST_CATCH, load_must_catch
from bot.serve.train import deterministic_env
from tests.training import fast_config
from tests.serve.live import REPO

pytestmark = pytest.mark.training


def shuffled_nlu(source: Path, target: Path, seed: int = 7) -> int:
    """Write data/nlu with every example's intent replaced by a random other intent's label."""
    examples: list[tuple[str, str]] = []
    for path in sorted(source.glob("*.yml")):
        for block in yaml.safe_load(path.read_text()).get("nlu", []):
            if "intent" in block:
                for line in block["examples"].splitlines():
                    if line.strip().startswith("- "):
                        examples.append((block["intent"], line.strip()[2:]))
    labels = [intent for intent, _ in examples]
    rng = random.Random(seed)
    rng.shuffle(labels)
    by_intent: dict[str, list[str]] = {}
    for label, (_, text) in zip(labels, examples):
        by_intent.setdefault(label, []).append(text)
    nlu = [
        {"intent": intent, "examples": "".join(f"- {t}\n" for t in texts)}
        for intent, texts in sorted(by_intent.items())
    ]
    target.write_text(yaml.safe_dump({"version": "3.1", "nlu": nlu}, sort_keys=False, width=1000))
    return sum(1 for (intent, _), label in zip(examples, labels) if intent != label)


@pytest.fixture(scope="module")
def shuffled_model(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("shuffled")
    (work / "nlu").mkdir()
    moved = shuffled_nlu(REPO / "data" / "nlu", work / "nlu" / "shuffled.yml")
    assert moved > 500, "most labels must actually move"
    fast_config(work / "config.yml")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "train",
            "--config",
            str(work / "config.yml"),
            "--domain",
            "domain.yml",
            "--data",
            str(work / "nlu"),
            "data/rules",
            "data/stories",
            "--out",
            str(work),
            "--fixed-model-name",
            "shuffled",
        ],
        cwd=REPO,
        env=deterministic_env(),
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return work / "shuffled.tar.gz"


def first_turns(model: Path, texts: list[str]) -> list[list[dict]]:
    from rasa.core.agent import Agent
    from rasa.utils.endpoints import EndpointConfig

    # no action server: only what runs inside Rasa may answer
    agent = Agent.load(
        str(model), generator=EndpointConfig(type="bot.rasa_plugins.directory_nlg.DirectoryNLG")
    )

    async def run_all():
        return [await agent.handle_text(text, sender_id=f"shuffled-{i}") for i, text in enumerate(texts)]

    return asyncio.run(run_all())


def urgency_of(messages: list[dict]) -> set[str]:
    return {m["custom"]["urgency"] for m in messages if "urgency" in (m.get("custom") or {})}


def test_must_catch_messages_escalate_even_with_a_model_that_learnt_nothing(shuffled_model):
    must_fire, _ = load_must_catch(MUST_CATCH)
    turns = first_turns(shuffled_model, [case["text"] for case in must_fire])
    failures = []
    for case, messages in zip(must_fire, turns):
        first = messages[0].get("text", "") if messages else ""
        joined = " ".join(m.get("text", "") for m in messages)
        # an overdose taken is medical: the emergency marker and 999 first, with the crisis lines
        medical_for_crisis = (
            case["level"] == "crisis"
            and urgency_of(messages) == {"emergency"}
            and "999" in first
            and all(n in joined for n in ("0800 1111", "116 123", "85258"))
        )
        # B21: danger now whose words also tell of a crisis gets the crisis lines (their own marker)
        # after the emergency reply: the emergency marker and 999 still come first
        crisis_beside_emergency = (
            case["level"] == "emergency"
            and urgency_of(messages) == {"emergency", "crisis"}
            and [m["custom"]["urgency"] for m in messages if "urgency" in (m.get("custom") or {})][0]
            == "emergency"
            and all(n in joined for n in ("0800 1111", "116 123", "85258"))
        )
        if urgency_of(messages) != {case["level"]} and not (medical_for_crisis or crisis_beside_emergency):
            failures.append(f"{case['text']!r}: urgency {urgency_of(messages)}")
        elif case["level"] == "emergency" and "999" not in first:
            failures.append(f"{case['text']!r}: no 999 in the first message")
        elif case["level"] == "crisis" and "0800 1111" not in " ".join(m.get("text", "") for m in messages):
            failures.append(f"{case['text']!r}: no Childline")
    assert failures == []


def test_the_shuffled_model_really_is_wrong(shuffled_model):
    # guard against a test that cannot fail: without the net, this model misroutes plain messages
    turns = first_turns(shuffled_model, ["hi", "how do i report it to the police", "thanks", "bye"])
    greeting_ok = any("computer program" in m.get("text", "") for m in turns[0])
    assert not all([greeting_ok]), "the shuffled model still greets correctly: labels did not move"
