"""`python -m bot <command> [args]`: the project's command line.

Each command lives in its own module and exposes `main(argv: list[str]) -> int`; this file only
dispatches, importing the module lazily so a command's heavy imports (rasa, tensorflow) are paid
only by the command that needs them.
"""

from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "validate-directory": ("bot.directory.cli", "validate_main", "check data/services/ for mistakes"),
    "export-directory": ("bot.directory.cli", "export_main", "write the directory as HTML or Markdown"),
    "directory": ("bot.directory.admin", "main", "review what needs confirming; confirm ID [--source URL]"),
    "eval": ("bot.safety.evaluate", "main", "run the safety gold set through model + safety net"),
    "train": ("bot.serve.train", "main", "train the model when data/config/domain changed"),
    "serve": ("bot.serve.supervisor", "main", "start action server, Rasa, gateway (and Telegram)"),
    "shell": ("bot.serve.shell", "main", "talk to the running assistant in the terminal"),
    "purge": ("bot.privacy.purge", "main", "delete conversations idle for longer than --older-than"),
    "bench": (
        "bot.bench",
        "main",
        "load test at 1/20/50 conversations, memory, start-up (results/bench.json)",
    ),
}


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print("usage: python -m bot <command> [args]\n\ncommands:")
        for name, (_, _, summary) in COMMANDS.items():
            print(f"  {name:<20} {summary}")
        return 0
    name, rest = argv[0], argv[1:]
    if name not in COMMANDS:
        print(f"unknown command {name!r}; try: python -m bot --help", file=sys.stderr)
        return 2
    module_name, function_name, _ = COMMANDS[name]
    command = getattr(importlib.import_module(module_name), function_name)
    return int(command(rest) or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
