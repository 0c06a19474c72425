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
import subprocess
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.bench.cpu import cpu_seconds  # noqa: E402
from bot.bench.load import RestTarget, run_level  # noqa: E402
from bot.bench.mix import load_mix  # noqa: E402
from bot.bench.stack import bench_endpoints  # noqa: E402
from bot.serve.ports import free_port  # noqa: E402
from bot.serve.supervisor import ACTION_SERVER_ENV, LOGGING_CONFIG, PRIVATE_ENV, answers  # noqa: E402

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


def _wait(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"a process exited with {process.returncode} while starting")
        if answers(url):
            return
        time.sleep(0.5)
    raise TimeoutError(f"nothing answered at {url}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=48)
    parser.add_argument("--out", type=Path, default=REPO / "results" / "profile")
    parser.add_argument("--no-profile", action="store_true")
    parser.add_argument("--model", default="models/current.tar.gz",
                        help="the model to load (default models/current.tar.gz)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    actions_port, rasa_port = free_port(), free_port()
    endpoints = args.out / "endpoints.yml"
    endpoints.write_text(yaml.safe_dump(bench_endpoints(actions_port)))
    env = {**os.environ, **PRIVATE_ENV}
    py = sys.executable
    rasa_args = ["run", "--model", args.model, "--interface", "127.0.0.1",
                 "--port", str(rasa_port), "--endpoints", str(endpoints),
                 "--credentials", "credentials.yml", "--logging-config-file", LOGGING_CONFIG]
    rasa_cmd = ([py, "-m", "bot.rasa_plugins", *rasa_args] if args.no_profile
                else [py, "-c", RUNNER, str(args.out / "rasa.prof"), *rasa_args])
    processes = []
    try:
        processes.append(subprocess.Popen(
            [py, "-m", "rasa_sdk", "--actions", "actions", "--port", str(actions_port)],
            cwd=REPO, env={**env, **ACTION_SERVER_ENV}, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True))
        rasa = subprocess.Popen(rasa_cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
        processes.append(rasa)
        _wait(f"http://127.0.0.1:{actions_port}/health", processes[0])
        _wait(f"http://127.0.0.1:{rasa_port}/", rasa)
        mix = load_mix()
        target = RestTarget(f"http://127.0.0.1:{rasa_port}")
        asyncio.run(run_level(target, mix, 1, len(mix), 120))  # warm-up
        before = cpu_seconds(rasa.pid)
        result = asyncio.run(run_level(target, mix, 1, args.conversations, 600))
        used_ms = (cpu_seconds(rasa.pid) - before) * 1000
        summary = result.summary()
        print(f"load average {os.getloadavg()[0]:.2f}; {summary['messages']} messages, "
              f"{summary['errors']} errors; Rasa CPU {used_ms / summary['messages']:.2f} ms per "
              f"message{'' if args.no_profile else ' (under the profiler)'}")
        # what each conversation got, to compare two models' replies (--model)
        (args.out / "transcripts.json").write_text(json.dumps(
            {name: [[text, [m.get("text") for m in reply]] for text, reply in turns]
             for name, turns in sorted(result.transcripts.items())}, indent=1))
        rasa.send_signal(signal.SIGINT)
        rasa.wait(timeout=60)
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    if not args.no_profile:
        text = io.StringIO()
        pstats.Stats(str(args.out / "rasa.prof"), stream=text).sort_stats("cumulative").print_stats(60)
        (args.out / "top.txt").write_text(text.getvalue())
        print(text.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
