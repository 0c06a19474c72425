"""`make eval-nlu` runs Rasa's cross-validation with its fold split seeded (bot/serve/nlu_cv.py)."""

from __future__ import annotations

import sys

import numpy as np
import rasa.__main__
from rasa.nlu.test import generate_folds
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.serve import nlu_cv


def small_training_data() -> TrainingData:
    return TrainingData(
        training_examples=[
            Message(data={"text": f"{intent} example {n}", "intent": intent})
            for intent in ("greet", "ask_help", "say_goodbye")
            for n in range(9)
        ]
    )


def fold_texts(seeded: bool) -> list[list[str]]:
    if seeded:
        nlu_cv.seed_fold_split()
    return [
        [m.get("text") for m in test.intent_examples] for _, test in generate_folds(3, small_training_data())
    ]


def test_seeded_fold_splits_repeat():
    first, second = fold_texts(seeded=True), fold_texts(seeded=True)
    assert first == second
    assert sorted(t for fold in first for t in fold) == sorted(
        m.get("text") for m in small_training_data().intent_examples
    )


def test_unseeded_splits_are_what_the_seed_is_for():
    # Rasa's own split differs between runs without the seed (27 examples: a repeat of all
    # three folds by chance is vanishingly unlikely over five tries)
    np.random.seed(None)
    splits = {str(fold_texts(seeded=False)) for _ in range(5)}
    assert len(splits) > 1


def test_main_seeds_then_runs_rasa_test_nlu_with_the_given_arguments(monkeypatch):
    seen = {}

    def fake_rasa_main():
        seen["argv"] = list(sys.argv)
        seen["draw"] = np.random.randint(0, 1 << 30)

    monkeypatch.setattr(rasa.__main__, "main", fake_rasa_main)
    monkeypatch.setattr(sys, "argv", ["x"])
    nlu_cv.main(["--nlu", "data/nlu", "--cross-validation", "--folds", "3"])
    first_draw = seen["draw"]
    nlu_cv.main(["--nlu", "data/nlu", "--cross-validation", "--folds", "3"])
    assert seen["argv"] == ["rasa", "test", "nlu", "--nlu", "data/nlu", "--cross-validation", "--folds", "3"]
    assert seen["draw"] == first_draw  # the generator was seeded before Rasa ran
