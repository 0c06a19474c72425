"""What the training tests share (tests/serve/test_reproducible_training.py,
tests/safety/test_shuffled_labels.py).

    fast_config(target)   writes config.yml with DIET (and TED, if listed) at FAST_EPOCHS: the
                          same pipeline, seeds and kernels in a fraction of the training time.
                          What these tests check (that seeded training repeats; that a model
                          trained on shuffled labels fails the evaluation) does not depend on
                          how long the model trains.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.serve.live import REPO

FAST_EPOCHS = 10


def fast_config(target: Path) -> None:
    config = yaml.safe_load((REPO / "config.yml").read_text())
    for part in config["pipeline"] + config["policies"]:
        if part["name"] in {"DIETClassifier", "TEDPolicy"}:
            part["epochs"] = FAST_EPOCHS
    target.write_text(yaml.safe_dump(config, sort_keys=False))
