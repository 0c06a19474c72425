"""Where Rasa's CPU goes per message: Rasa under cProfile (CPU clock, all threads) during the
measured window only, driven by the bench mix (bench/conversations.yml) over its REST channel.

    .venv/bin/python scripts/profile_rasa.py [--conversations 48] [--concurrency 1]
        [--out results/profile] [--model models/current.tar.gz] [--no-profile | --stages]
        [--timer cpu|wall] [--sort tottime|cumulative] [--env NAME=VALUE ...]

Starts its own action server and Rasa (as every stack starts it: bot.serve.stack) on free
127.0.0.1 ports (never the ones `make run` uses), replays the mix once to warm up, then switches
the profiler on (SIGUSR1), replays the measured conversations and switches it off (SIGUSR2,
which writes the profile): model loading and TensorFlow's first tracing stay out of it. Prints
Rasa's CPU milliseconds per message from /proc (user and system time, and per thread, so
TensorFlow's pool threads show; profiler included, so higher than `make bench`), the action
server's, and the 60 functions with the most time.

  --no-profile  the CPU per message without any profiler
  --stages      instead of cProfile, the main thread's CPU clock read around each stage of a
                message (Rasa's processor, each graph node, the tracker store, each custom
                action, the garbage collector): one clock read per stage, so close to the real
                figures, where cProfile's clock read per call inflates Python-heavy stages
  --env         extra environment for Rasa (repeatable), to measure a setting, e.g.
                --env TF_INTRA_OP_PARALLELISM_THREADS=0 (TensorFlow's default pool size)

Writes <out>/rasa.prof (for snakeviz or pstats) or <out>/stages.json, <out>/top.txt, <out>/cpu.txt
and <out>/transcripts.json (each conversation's replies, to compare two models or settings).
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
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.bench.cpu import TICKS_PER_SECOND, cpu_seconds  # noqa: E402
from bot.bench.load import RestTarget, run_level  # noqa: E402
from bot.bench.mix import load_mix  # noqa: E402
from bot.serve.ports import free_port  # noqa: E402
from bot.serve.stack import Stack, action_server, endpoints_file, rasa, rasa_arguments  # noqa: E402

START_TIMEOUT_S = 240
# cProfile around Rasa's command line (with the project's patches), on between SIGUSR1 and
# SIGUSR2 (which writes the profile), timed by the process's CPU clock (all threads: TensorFlow's
# work counts; a system call per event, so calls look dearer than they are) or by the wall clock
# (cheap to read; the time Rasa waits shows under the event loop's select, not under a handler)
RUNNER = """
import cProfile, signal, sys, time
from bot.rasa_plugins.__main__ import main  # Rasa's command line with the patches installed
out, timer = sys.argv.pop(1), sys.argv.pop(1)
profile = cProfile.Profile(time.process_time if timer == "cpu" else time.perf_counter)
def on(signum, frame):
    profile.enable()
def off(signum, frame):
    profile.disable()
    profile.dump_stats(out)
signal.signal(signal.SIGUSR1, on)
signal.signal(signal.SIGUSR2, off)
main()
"""
# --stages: the main thread's CPU clock around each stage, on between SIGUSR1 and SIGUSR2 (which
# writes the stages as JSON). Stages nest: a message's total holds the others. Coroutine stages
# count what the thread did while they were awaited, so run them with --concurrency 1.
STAGES_RUNNER = """
import collections, functools, gc, inspect, json, signal, sys, time
out = sys.argv.pop(1)
from bot.rasa_plugins.__main__ import main  # installs the patches: the stages wrap them
from rasa.core.actions.action import RemoteAction
from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.core.policies.policy import Policy
from rasa.core.policies.rule_policy import RulePolicy
from rasa.core.processor import MessageProcessor
from rasa.core.tracker_store import InMemoryTrackerStore, TrackerStore
from rasa.engine.graph import GraphNode
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.shared.core.domain import Domain
from rasa.utils.tensorflow.models import RasaModel
clock = time.thread_time
stages = collections.defaultdict(lambda: [0, 0.0])
state = {"on": False}
def add(name, began):
    if state["on"]:
        entry = stages[name]
        entry[0] += 1
        entry[1] += clock() - began
def timed(fn, name_of):
    if inspect.iscoroutinefunction(fn):
        @functools.wraps(fn)  # keeps a patch's own marks
        async def run(*args, **kwargs):
            began = clock()
            try:
                return await fn(*args, **kwargs)
            finally:
                add(name_of(args, kwargs), began)
    else:
        @functools.wraps(fn)
        def run(*args, **kwargs):
            began = clock()
            try:
                return fn(*args, **kwargs)
            finally:
                add(name_of(args, kwargs), began)
    return run
def wrap(owner, attr, name_of=None):
    name_of = name_of or (lambda args, kwargs: f"{owner.__name__}.{attr}")
    fn = getattr(owner, attr)
    static = isinstance(inspect.getattr_static(owner, attr), staticmethod)
    setattr(owner, attr, staticmethod(timed(fn, name_of)) if static else timed(fn, name_of))
for owner, attr in [(MessageProcessor, "handle_message"), (MessageProcessor, "parse_message"),
                    (MessageProcessor, "fetch_tracker_and_update_session"),
                    (MessageProcessor, "_run_prediction_loop"),
                    (MessageProcessor, "_predict_next_with_tracker"),
                    (MessageProcessor, "_run_action"), (MessageProcessor, "save_tracker"),
                    (InMemoryTrackerStore, "serialise_tracker"), (TrackerStore, "deserialise_tracker"),
                    (TemplatedNaturalLanguageGenerator, "generate"),
                    (Policy, "_prediction_states"), (Domain, "states_for_tracker_history"),
                    (RulePolicy, "_find_action_from_rules"),
                    (DIETClassifier, "_create_model_data"), (RasaModel, "run_inference"),
                    (RasaModel, "_rasa_predict")]:
    wrap(owner, attr)
wrap(DaskGraphRunner, "run", lambda args, kwargs: "graph run " + ",".join(
    kwargs.get("targets") or (args[2] if len(args) > 2 else None) or ["all"]))
wrap(GraphNode, "__call__", lambda args, kwargs: "node " + args[0]._node_name)
wrap(RemoteAction, "run", lambda args, kwargs: "RemoteAction.run " + args[0].name())
collecting = {}
def on_gc(phase, info):  # the collector's pauses, by generation (wall time: it stops the thread)
    if phase == "start":
        collecting["began"] = time.perf_counter()
    elif "began" in collecting and state["on"]:
        entry = stages[f"garbage collection, generation {info['generation']}"]
        entry[0] += 1
        entry[1] += time.perf_counter() - collecting.pop("began")
gc.callbacks.append(on_gc)
def on(signum, frame):
    stages.clear()
    state["on"] = True
def off(signum, frame):
    state["on"] = False
    with open(out, "w") as f:
        json.dump(stages, f)
signal.signal(signal.SIGUSR1, on)
signal.signal(signal.SIGUSR2, off)
main()
"""


def thread_cpu(pid: int) -> dict[str, tuple[float, float]]:
    """(user, system) CPU seconds per thread, keyed "name/tid"."""
    totals: dict[str, tuple[float, float]] = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        totals[f"{stat[stat.index('(') + 1 : stat.rindex(')')]}/{task.name}"] = (
            int(fields[11]) / TICKS_PER_SECOND,
            int(fields[12]) / TICKS_PER_SECOND,
        )
    return totals


def thread_counts(pid: int) -> Counter:
    return Counter((task / "comm").read_text().strip() for task in Path(f"/proc/{pid}/task").iterdir())


def _wait_for(path: Path, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(1)  # the write finishing


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=48)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--out", type=Path, default=REPO / "results" / "profile")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--no-profile", action="store_true")
    mode.add_argument(
        "--stages", action="store_true", help="CPU per stage of a message instead of cProfile (close to real)"
    )
    parser.add_argument(
        "--timer", default="cpu", choices=("cpu", "wall"), help="cProfile's clock (default cpu)"
    )
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumulative"))
    parser.add_argument(
        "--model", default="models/current.tar.gz", help="the model to load (default models/current.tar.gz)"
    )
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="extra environment for Rasa (repeatable)",
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    extra = dict(item.split("=", 1) for item in args.env)
    actions_port, rasa_port = free_port(), free_port()
    endpoints = endpoints_file(args.out / "endpoints.yml", actions_port)
    server = rasa(rasa_port, endpoints, model=args.model)  # make run's command line...
    server.env.update(extra)
    output = args.out / ("stages.json" if args.stages else "rasa.prof")
    arguments = rasa_arguments(rasa_port, endpoints, args.model)
    if args.stages:  # ...or the same arguments with the stages timed
        server.command = [sys.executable, "-c", STAGES_RUNNER, str(output), *arguments]
    elif not args.no_profile:  # ...or under cProfile
        server.command = [sys.executable, "-c", RUNNER, str(output), args.timer, *arguments]
    actions = action_server(actions_port)
    stack = Stack([actions, server], log_dir=args.out / "logs")
    profiling = not args.no_profile
    try:
        stack.start().wait_ready(START_TIMEOUT_S)
        pid = server.process.pid
        mix = load_mix()
        target = RestTarget(f"http://127.0.0.1:{rasa_port}")
        asyncio.run(run_level(target, mix, args.concurrency, len(mix), 120))  # warm-up
        if output.exists():
            output.unlink()
        if profiling:
            server.process.send_signal(signal.SIGUSR1)
            time.sleep(0.2)
        before, actions_before = thread_cpu(pid), cpu_seconds(actions.process.pid)
        load_before = os.getloadavg()[0]
        result = asyncio.run(run_level(target, mix, args.concurrency, args.conversations, 600))
        after, actions_after = thread_cpu(pid), cpu_seconds(actions.process.pid)
        if profiling:
            server.process.send_signal(signal.SIGUSR2)
            _wait_for(output)
        counts = thread_counts(pid)
    finally:
        stack.stop()
    summary = result.summary()
    n = summary["messages"] or 1
    user = sum(after[k][0] - before.get(k, (0, 0))[0] for k in after) * 1000 / n
    system = sum(after[k][1] - before.get(k, (0, 0))[1] for k in after) * 1000 / n
    per_thread = sorted(
        ((k, (sum(after[k]) - sum(before.get(k, (0, 0)))) * 1000 / n) for k in after), key=lambda kv: -kv[1]
    )
    lines = [
        f"load average {load_before:.2f} -> {os.getloadavg()[0]:.2f}; concurrency "
        f"{args.concurrency}; {summary['messages']} messages, {summary['errors']} errors, "
        f"{summary['throughput_msg_s']} msg/s; env {extra or '-'}",
        f"Rasa CPU {user + system:.2f} ms per message (user {user:.2f}, system {system:.2f})"
        f"{' (under the profiler)' if profiling else ''}; action server "
        f"{(actions_after - actions_before) * 1000 / n:.2f} ms",
        "Rasa threads (name: count): " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())),
        "Rasa CPU per thread (name/tid), ms per message: "
        + ", ".join(f"{k} {v:.2f}" for k, v in per_thread if v >= 0.05),
    ]
    print("\n".join(lines), flush=True)
    (args.out / "cpu.txt").write_text("\n".join(lines) + "\n")
    # what each conversation got, to compare two models' replies (--model) or two settings
    (args.out / "transcripts.json").write_text(
        json.dumps(
            {
                name: [[text, [m.get("text") for m in reply]] for text, reply in turns]
                for name, turns in sorted(result.transcripts.items())
            },
            indent=1,
        )
    )
    text = io.StringIO()
    if args.stages:
        print("main thread CPU ms per message by stage (inclusive; calls per message):", file=text)
        for name, (calls, seconds) in sorted(
            json.loads(output.read_text()).items(), key=lambda kv: -kv[1][1]
        ):
            print(f"{seconds * 1000 / n:8.2f} ms {calls / n:6.2f}  {name}", file=text)
    elif profiling:
        pstats.Stats(str(output), stream=text).sort_stats(args.sort).print_stats(60)
    if text.getvalue():
        (args.out / "top.txt").write_text(text.getvalue())
        print(text.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
