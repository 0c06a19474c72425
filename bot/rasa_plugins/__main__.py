"""`python -m bot.rasa_plugins ARGS`: Rasa's own command line (`rasa ARGS`), with this project's
patches of Rasa installed first (importing bot.rasa_plugins installs them; bot.rasa_patches).
Every Rasa process a stack starts is started this way (make run, make bench, the live tests)."""

from __future__ import annotations

import sys

import bot.rasa_plugins  # noqa: F401  (installs the patches: bot.rasa_patches.install_all)


def main() -> None:
    from rasa.__main__ import main as rasa_main

    sys.argv[0] = "rasa"  # Rasa's own usage and help lines name `rasa`
    rasa_main()


if __name__ == "__main__":
    main()
