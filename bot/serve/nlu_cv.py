"""`python -m bot.serve.nlu_cv ARGS`: `rasa test nlu ARGS`, with the cross-validation folds seeded.

Rasa 3.6 splits the folds with sklearn's StratifiedKFold(shuffle=True) and no random_state, so
the split comes from numpy's global generator, unseeded: the same data gave weighted F1 0.777 in
one run and 0.774 in the next. The split is drawn once, when the first fold is made, so seeding
that generator first makes every fold repeat; the models trained in each fold are already seeded
by `random_seed` in config.yml.
"""

from __future__ import annotations

import sys

import numpy as np

# the same seed as config.yml's components; any fixed number would do
FOLD_SEED = 42


def seed_fold_split(seed: int = FOLD_SEED) -> None:
    np.random.seed(seed)


def main(argv: list[str]) -> None:
    seed_fold_split()
    from rasa.__main__ import main as rasa_main

    sys.argv = ["rasa", "test", "nlu", *argv]
    rasa_main()


if __name__ == "__main__":
    main(sys.argv[1:])
