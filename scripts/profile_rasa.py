"""Where Rasa's CPU goes per message: Rasa under cProfile (CPU clock, all threads), driven by the
bench mix (bench/conversations.yml) over its REST channel, one conversation at a time.

    .venv/bin/python scripts/profile_rasa.py [--conversations 48] [--out results/profile]
                                             [--model models/current.tar.gz] [--no-profile]

Starts its own action server and Rasa on free 127.0.0.1 ports (never the ones `make run` uses),
replays the mix, stops Rasa with SIGINT so the profile is written, then prints Rasa's CPU
milliseconds per message (from /proc, profiler included, so higher than `make bench`) and the 60
functions with the most cumulative CPU time. `--no-profile` gives the CPU per message without the
profiler's overhead. Writes <out>/rasa.prof (for snakeviz or pstats), <out>/top.txt and <out>/transcripts.json
(each conversation's replies, to compare two models).
Bounded: a start-up timeout and a per-request timeout; every process it starts is stopped.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import pstats
import signal
import sys
from pathlib import Path


REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.bench.cpu import cpu_seconds  # noqa: E402
from bot.bench.load import RestTarget, run_level  # noqa: E402
from bot.bench.mix import load_mix  # noqa: E402
from bot.serve.ports import free_port  # noqa: E402
from bot.serve.stack import Stack, action_server, endpoints_file, rasa, rasa_arguments  # noqa: E402

START_TIMEOUT_S = 240
# cProfile with the process's CPU clock (all threads: TensorFlow's work counts), around Rasa's
# own command line
RUNNER = """
import cProfile, sys, time
from bot.rasa_plugins.__main__ import main  # Rasa's command line with the patches installed
out = sys.argv.pop(1)
profile = cProfile.Profile(time.process_time)
try:
    profile.runcall(main)
finally:
    profile.dump_stats(out)
"""


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=48)
    parser.add_argument("--out", type=Path, default=REPO / "results" / "profile")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument(
        "--model", default="models/current.tar.gz", help="the model to load (default models/current.tar.gz)"
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    actions_port, rasa_port = free_port(), free_port()
    endpoints = endpoints_file(args.out / "endpoints.yml", actions_port)
    server = rasa(rasa_port, endpoints, model=args.model)  # make run's command line...
    if not args.no_profile:  # ...or the same arguments under cProfile
        server.command = [
            sys.executable,
            "-c",
            RUNNER,
            str(args.out / "rasa.prof"),
            *rasa_arguments(rasa_port, endpoints, args.model),
        ]
    stack = Stack([action_server(actions_port), server], log_dir=args.out / "logs")
    try:
        stack.start().wait_ready(START_TIMEOUT_S)
        rasa_process = server.process
        mix = load_mix()
        target = RestTarget(f"http://127.0.0.1:{rasa_port}")
        asyncio.run(run_level(target, mix, 1, len(mix), 120))  # warm-up
        before = cpu_seconds(rasa_process.pid)
        result = asyncio.run(run_level(target, mix, 1, args.conversations, 600))
        used_ms = (cpu_seconds(rasa_process.pid) - before) * 1000
        summary = result.summary()
        print(
            f"load average {os.getloadavg()[0]:.2f}; {summary['messages']} messages, "
            f"{summary['errors']} errors; Rasa CPU {used_ms / summary['messages']:.2f} ms per "
            f"message{'' if args.no_profile else ' (under the profiler)'}"
        )
        # what each conversation got, to compare two models' replies (--model)
        (args.out / "transcripts.json").write_text(
            json.dumps(
                {
                    name: [[text, [m.get("text") for m in reply]] for text, reply in turns]
                    for name, turns in sorted(result.transcripts.items())
                },
                indent=1,
            )
        )
        rasa_process.send_signal(signal.SIGINT)  # Rasa stops by itself: the profile is written
        rasa_process.wait(timeout=60)
    finally:
        stack.stop()
    if not args.no_profile:
        text = io.StringIO()
        pstats.Stats(str(args.out / "rasa.prof"), stream=text).sort_stats("cumulative").print_stats(60)
        (args.out / "top.txt").write_text(text.getvalue())
        print(text.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
