"""`python -m bot bench`: start the stack, drive simulated conversations through it, print every
figure and write results/bench.json and the latency chart.

Order (so that no phase disturbs another's measurement): in-process costs (safety net, directory
lookups, gateway sessions); the one-worker stack's cold start; a warm-up; the load levels, through
the gateway and straight to Rasa alike (so slow drift on a shared machine hits both): one
conversation at a time as pairs (each conversation through one and then the other), more at once
as gateway, REST, REST, gateway blocks; the processes' memory; stop the stack; then the same for a
stack of N Rasa workers (--workers, default as `make run`), through the gateway only, and the
throughput ratio N vs 1 at 20 conversations; the tracker store's memory per 1,000 idle conversations
(in-process, from transcripts of this run). Bounded: fixed conversations per level, a time cap
per block, an overall load budget, and timeouts for start-up and every request. Loopback only.
It never trains, unless --train is given.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import signal
import time
from datetime import date
from pathlib import Path
from typing import Optional

from bot import REPO_ROOT
from bot.bench.chart import draw_latency_chart
from bot.bench.cpu import cpu_snapshot, cpu_used_ms
from bot.bench.load import GatewayTarget, LevelResult, RestTarget, Target, run_level, run_paired
from bot.bench.memory import (
    gateway_sessions_per_1000_mb,
    pids_memory,
    process_memory_mb,
    tracker_store_cost_ms,
    tracker_store_growth,
)
from bot.bench.mix import MIX_PATH, Conversation, Turn, load_mix
from bot.bench.report import (
    format_text,
    markdown_table,
    target_checks,
    workers_ratio,
    workers_table,
    write_json,
)
from bot.bench.stack import Stack
from bot.bench.stats import overhead
from bot.directory.bench import measure_lookups
from bot.safety.bench import measure_net
from bot.serve import train
from bot.serve.workers import worker_count

RESULTS = REPO_ROOT / "results"
README_CHART = REPO_ROOT / "docs" / "img" / "bench-latency.png"
SERVICES = ("action server", "Rasa", "web gateway")


def conversations_for(concurrency: int, per_user: int, minimum: int) -> int:
    """How many conversations a level runs: enough for every simulated user to hold several
    (so the level is mostly at full concurrency), and an even number (two blocks per target)."""
    count = max(minimum, per_user * concurrency)
    return count + count % 2


def _load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


async def _first_reply_ms(stack: Stack) -> float:
    """One conversation's opening turn through the gateway, just after the stack is ready."""
    target = GatewayTarget(stack.gateway_url)
    try:
        start = time.perf_counter()
        outcome = await target.send({"session": None}, Turn("/greet", is_payload=True))
    finally:
        target.close()
    if outcome.error:
        raise RuntimeError(f"the first message through the gateway failed: {outcome.error}")
    return (time.perf_counter() - start) * 1000


def _rasa_total(cpu_ms: dict) -> Optional[float]:
    """Every Rasa worker's CPU per message together ("Rasa", "Rasa 2", ...)."""
    values = [v for name, v in cpu_ms.items() if name.startswith("Rasa") and v is not None]
    return round(sum(values), 2) if values else None


def _cpu_ratio(cpu_ms: dict) -> Optional[float]:
    """The gateway's CPU per message against Rasa's (either gateway process: the idle one adds
    ~0)."""
    gateway = sum(v or 0.0 for name, v in cpu_ms.items() if name.startswith("web gateway"))
    rasa = cpu_ms.get("Rasa")
    return round(gateway / rasa, 3) if rasa else None


# the load driver itself (this process) shares the cores with the stack: its CPU per message is
# reported beside the services' so that a ratio below 2 can be told apart from Rasa's own cost
CLIENT = "bench client"


def _measured_pids(stack: Stack) -> dict[str, int]:
    return {**stack.pids(), CLIENT: os.getpid()}


def _blocks(
    stack: Stack,
    targets: dict[str, Target],
    mix: list[Conversation],
    order: list[tuple[str, int]],
    concurrency: int,
    half: int,
    cap: float,
    merged: dict,
    cpu: dict,
) -> None:
    """Run one block of `half` conversations per (target, start in the mix) in `order`, adding
    each block's result and its processes' CPU milliseconds to merged[target] and cpu[target]."""
    for name, start_at in order:
        before = cpu_snapshot(_measured_pids(stack))
        block = asyncio.run(run_level(targets[name], mix, concurrency, half, cap, start_at=start_at))
        after = cpu_snapshot(_measured_pids(stack))
        for process, used in cpu_used_ms(before, after).items():
            cpu[name][process] = cpu[name].get(process, 0.0) + (used or 0.0)
        merged[name] = block if merged.get(name) is None else merged[name].merge(block)


def _level(
    stack: Stack,
    targets: dict[str, Target],
    mix: list[Conversation],
    concurrency: int,
    count: int,
    block_cap: float,
    remaining: float,
) -> tuple[dict[str, LevelResult], dict[str, dict]]:
    """One level, `count` conversations per target. One conversation at a time, the one-worker
    gateway and REST take turns conversation by conversation (run_paired), between two blocks
    of the N-worker gateway; more at once, blocks in the order gateway, workers, REST, REST,
    workers, gateway, half the count each, so drift over the level falls on every target.
    Each block stops sending after its share of `remaining` seconds or `block_cap`."""
    merged: dict = {}
    cpu: dict[str, dict[str, float]] = {name: {} for name in targets}
    half = count // 2
    many = "workers" in targets
    if concurrency == 1:
        cap = min(2 * block_cap, remaining / 4)
        if many:
            _blocks(stack, targets, mix, [("workers", 0)], 1, half, cap, merged, cpu)
        (gateway, rest), (cpu["gateway"], cpu["rest"]) = asyncio.run(
            run_paired(
                (targets["gateway"], targets["rest"]),
                mix,
                count,
                min(4 * block_cap, remaining / 2),
                pids=_measured_pids(stack),
            )
        )
        merged.update(gateway=gateway, rest=rest)
        if many:
            _blocks(stack, targets, mix, [("workers", half)], 1, half, cap, merged, cpu)
    else:
        middle, last = ([("workers", 0)], [("workers", half)]) if many else ([], [])
        order = [("gateway", 0), *middle, ("rest", 0), ("rest", half), *last, ("gateway", half)]
        _blocks(
            stack, targets, mix, order, concurrency, half, min(block_cap, remaining / len(order)), merged, cpu
        )
    return merged, cpu


def _summary(result: LevelResult, cpu: dict[str, float]) -> dict:
    summary = result.summary()
    # CPU milliseconds each process spent per message of this target (REST blocks do not pass
    # through a gateway, so its share there is ~0)
    summary["cpu_ms_per_message"] = {
        process: round(total / summary["messages"], 2) if summary["messages"] else None
        for process, total in cpu.items()
    }
    summary["rasa_cpu_ms_per_message"] = _rasa_total(summary["cpu_ms_per_message"])
    return summary


def run_levels(stack: Stack, mix: list[Conversation], levels: list[int], args) -> tuple[list, list, list]:
    """Every level through a gateway to one worker, straight to that worker's REST channel and,
    with N workers, through the gateway to all N, in the same run. Returns (one-worker levels,
    skipped levels, N-worker levels)."""
    targets: dict[str, Target] = {
        "gateway": GatewayTarget(stack.one_worker_gateway_url, timeout_s=args.request_timeout),
        "rest": RestTarget(stack.rasa_url, timeout_s=args.request_timeout),
    }
    if stack.workers > 1:
        targets["workers"] = GatewayTarget(stack.gateway_url, timeout_s=args.request_timeout)
    budget_end = time.monotonic() + args.load_budget
    results, skipped, many = [], [], []
    for concurrency in levels:
        remaining = budget_end - time.monotonic()
        if remaining < 5:
            skipped.append(concurrency)
            continue
        load_average = _load_average()
        count = (
            args.paired_conversations
            if concurrency == 1
            else conversations_for(concurrency, args.per_user, args.min_conversations)
        )
        merged, cpu = _level(stack, targets, mix, concurrency, count, args.block_cap, remaining)
        summaries = {name: _summary(result, cpu[name]) for name, result in merged.items()}
        gateway, rest = summaries["gateway"], summaries["rest"]
        method = "paired conversations" if concurrency == 1 else "alternating blocks"
        results.append(
            {
                "concurrency": concurrency,
                "load_average_before": load_average,
                "method": method,
                "gateway": gateway,
                "rest": rest,
                "overhead": {
                    **{
                        q: overhead(gateway["latency"][f"{q}_ms"], rest["latency"][f"{q}_ms"])
                        for q in ("p50", "p95")
                    },
                    # steadier on a shared machine: the gateway's CPU per message against Rasa's
                    "cpu": _cpu_ratio(gateway["cpu_ms_per_message"]),
                },
                "_transcripts": merged["rest"].transcripts,
            }
        )
        line = (
            f"  {concurrency} concurrent: 1 worker {gateway['throughput_msg_s']} msg/s, p95 "
            f"{gateway['latency']['p95_ms']} ms, {gateway['errors']} errors"
        )
        if "workers" in summaries:
            workers = summaries["workers"]
            many.append(
                {
                    "concurrency": concurrency,
                    "load_average_before": load_average,
                    "method": method,
                    "gateway": workers,
                }
            )
            line += (
                f"; {stack.workers} workers {workers['throughput_msg_s']} msg/s, p95 "
                f"{workers['latency']['p95_ms']} ms, {workers['errors']} errors"
            )
        print(line, flush=True)
    return results, skipped, many


def _memory(processes: dict, names: list[str]) -> dict:
    """The processes of one deployment (`names`) and their resident memory together."""
    kept = {name: processes[name] for name in names if name in processes}
    return {
        "processes": kept,
        "total_rss_mb": round(sum((m["after_load"] or {}).get("rss_mb", 0) for m in kept.values()), 1),
    }


def measure_stack(mix: list[Conversation], args, figures: dict, workers: int = 1) -> list:
    """Cold start, warm-up, levels and process memory of a stack with `workers` Rasa workers
    (started in parallel, as `make run` starts them), written into `figures`: one worker's
    figures at the top (through a gateway to worker 1, and straight to its REST channel), N
    workers' under "workers". Returns transcripts for the tracker store."""
    log_dir = RESULTS / "bench"
    with Stack(log_dir, workers=workers, service_env=args.service_env) as stack:
        print(
            f"Starting the action server, {workers} Rasa worker(s) and the gateway in parallel "
            f"(logs in {log_dir})...",
            flush=True,
        )
        cold = stack.wait_ready(args.start_timeout)
        figures["cold_start"] = {
            "seconds": round(cold, 1),
            "workers": workers,
            "ready_after_s": {k: round(v, 1) for k, v in stack.ready_after_s.items()},
            "first_reply_ms": round(asyncio.run(_first_reply_ms(stack)), 1),
        }
        idle = pids_memory(stack.pids())
        print(f"  ready after {cold:.1f} s; warming up...", flush=True)
        # every worker's first turns are slow (TensorFlow's first calls, data loaded on first
        # use): the whole mix once per worker, spread over the workers by conversation
        asyncio.run(
            run_level(
                GatewayTarget(stack.gateway_url, timeout_s=args.request_timeout),
                mix,
                2 * workers,
                len(mix) * workers,
                args.block_cap,
            )
        )
        if workers > 1:  # and the second gateway's own first requests
            asyncio.run(
                run_level(
                    GatewayTarget(stack.one_worker_gateway_url, timeout_s=args.request_timeout),
                    mix,
                    2,
                    len(mix),
                    args.block_cap,
                )
            )
        rasa_pid = stack.pids()["Rasa"]
        rasa_before = process_memory_mb(rasa_pid)
        levels, skipped, many = run_levels(stack, mix, args.levels, args)
        rasa_after = process_memory_mb(rasa_pid)
        after = pids_memory(stack.pids())
    transcripts = {}
    for level in levels:
        for name, transcript in level.pop("_transcripts").items():
            transcripts.setdefault(name, transcript)
    # conversations that reached worker 1: the one-worker targets', and its share of N's
    new_conversations = sum(lv[t]["conversations"] for lv in levels for t in ("gateway", "rest"))
    new_conversations += sum(lv["gateway"]["conversations"] for lv in many) // workers
    figures["levels"], figures["levels_skipped"] = levels, skipped
    processes = {name: {"idle": idle.get(name), "after_load": after.get(name)} for name in idle}
    rasa_names = [name for name in processes if name.startswith("Rasa")]
    memory = figures.setdefault("memory", {})
    memory.update(_memory(processes, ["action server", "Rasa", "web gateway"]))
    if workers > 1:
        figures["workers"] = {
            "count": workers,
            "levels": many,
            "memory": _memory(processes, ["action server", *rasa_names, "web gateway"]),
        }
    if rasa_before and rasa_after and new_conversations:
        growth = rasa_after["rss_mb"] - rasa_before["rss_mb"]
        memory["rasa_growth_observed"] = {
            "conversations": new_conversations,
            "rss_growth_mb": round(growth, 1),
            "per_1000_mb": round(growth * 1000 / new_conversations, 1),
        }
    return list(transcripts.values())


def parse_service_env(items: list[str]) -> dict[str, dict[str, str]]:
    """['Rasa:TF_NUM_THREADS=1', ...] -> {'Rasa': {'TF_NUM_THREADS': '1'}}"""
    result: dict[str, dict[str, str]] = {}
    for item in items:
        service, _, assignment = item.partition(":")
        name, equals, value = assignment.partition("=")
        if service not in SERVICES or not name or not equals:
            raise ValueError(
                f"--service-env {item!r}: expected SERVICE:NAME=VALUE with SERVICE "
                f"one of {', '.join(SERVICES)}"
            )
        result.setdefault(service, {})[name] = value
    return result


def _stop_on_signal(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--levels", default="1,20,50,100", help="concurrent conversations per level (default 1,20,50,100)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        help="Rasa workers of the second stack, measured after the one-worker "
        "stack in the same run (default: what `make run` starts here, "
        "RASA_WORKERS or one per core capped by memory; 1: no second stack)",
    )
    parser.add_argument(
        "--per-user",
        type=int,
        default=6,
        help="conversations per simulated user at each level (default 6: three per block, so most "
        "of a block runs at full concurrency)",
    )
    parser.add_argument(
        "--paired-conversations",
        type=int,
        default=144,
        help="conversations at the one-conversation level, each through both "
        "targets (default 144: the gateway overhead is a few ms, so it "
        "needs more samples than the other figures)",
    )
    parser.add_argument(
        "--min-conversations",
        type=int,
        default=48,
        help="at least this many conversations per level (default 48)",
    )
    parser.add_argument(
        "--block-cap",
        type=float,
        default=60.0,
        help="seconds after which a block sends no new message (default 60)",
    )
    parser.add_argument(
        "--load-budget", type=float, default=300.0, help="seconds for all load levels together (default 300)"
    )
    parser.add_argument("--request-timeout", type=float, default=30.0)
    parser.add_argument("--start-timeout", type=float, default=240.0)
    parser.add_argument("--mix", type=Path, default=MIX_PATH)
    parser.add_argument("--tracker-conversations", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=2000, help="safety-net timings")
    parser.add_argument("--lookups", type=int, default=1000, help="directory lookup timings")
    parser.add_argument(
        "--no-stack", action="store_true", help="in-process figures only (no servers, no load, no cold start)"
    )
    parser.add_argument(
        "--train", action="store_true", help="retrain the model first and record how long it took"
    )
    parser.add_argument(
        "--chart",
        action="store_true",
        help=f"draw the chart for the README ({README_CHART.relative_to(REPO_ROOT)})"
        " instead of results/bench/latency.png",
    )
    parser.add_argument(
        "--service-env",
        action="append",
        default=[],
        metavar="SERVICE:NAME=VALUE",
        help="extra environment for one service, to measure a setting, e.g. "
        "'action server:SANIC_KEEP_ALIVE_TIMEOUT=30' (repeatable)",
    )
    parser.add_argument("--out", type=Path, default=RESULTS / "bench.json")
    args = parser.parse_args(argv)
    try:
        args.service_env = parse_service_env(args.service_env)
    except ValueError as error:
        parser.error(str(error))
    args.levels = [int(x) for x in args.levels.split(",") if x.strip()]
    if not args.levels or min(args.levels) < 1:
        parser.error("--levels needs positive numbers")
    if args.paired_conversations < 1:
        parser.error("--paired-conversations needs a positive number")
    if args.workers is None:
        args.workers = worker_count()
    if args.workers < 1:
        parser.error("--workers needs a positive number")
    mix = load_mix(args.mix)
    # SIGTERM stops the bench like Ctrl-C does, so the stack's processes are stopped too
    previous = signal.signal(signal.SIGTERM, _stop_on_signal)
    try:
        return _bench(args, mix)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _bench(args: argparse.Namespace, mix: list[Conversation]) -> int:
    began = time.monotonic()
    figures: dict = {
        "date": date.today().isoformat(),
        "machine": {
            "cpus": os.cpu_count(),
            "platform": platform.machine(),
            "python": platform.python_version(),
            "load_average_before": _load_average(),
        },
        "settings": {
            "levels": args.levels,
            "per_user": args.per_user,
            "min_conversations": args.min_conversations,
            "paired_conversations": args.paired_conversations,
            "block_cap_s": args.block_cap,
            "load_budget_s": args.load_budget,
            "request_timeout_s": args.request_timeout,
            "mix": str(args.mix),
            "mix_conversations": len(mix),
            "service_env": args.service_env,
            "workers": args.workers,
        },
    }
    if args.train:
        if train.main(["--force"]) != 0:
            return 1
    figures["training"] = train.read_training_record()
    figures["safety_net_per_message_ms"] = measure_net(n=args.messages)
    figures["directory_lookup_ms"] = measure_lookups(n=args.lookups)
    figures["memory"] = {"gateway_sessions_per_1000_mb": gateway_sessions_per_1000_mb()}

    transcripts = None
    if not args.no_stack:
        if not train.MODEL_PATH.exists():
            print("No trained model: run `make train` (or `make bench`, which trains first).")
            return 1
        transcripts = measure_stack(mix, args, figures, workers=args.workers)
        if args.workers > 1:
            figures["workers_ratio_at_20"] = workers_ratio(figures, 20)
    if not transcripts:
        # without a run: the mix's own words with a short stand-in reply per turn
        transcripts = [[(turn.text, ({"text": "(reply)"},)) for turn in c.turns] for c in mix]
    print("Measuring the tracker store...", flush=True)
    figures["memory"]["tracker_store"] = tracker_store_growth(transcripts, args.tracker_conversations)
    figures["memory"]["tracker_store_cost"] = tracker_store_cost_ms(transcripts)
    figures["machine"]["load_average_after"] = _load_average()
    figures["targets"] = target_checks(figures)
    figures["duration_s"] = round(time.monotonic() - began, 1)

    if figures.get("levels"):
        chart = draw_latency_chart(figures, README_CHART if args.chart else RESULTS / "bench" / "latency.png")
        figures["chart"] = str(chart.relative_to(REPO_ROOT) if chart.is_relative_to(REPO_ROOT) else chart)
    write_json(figures, args.out)
    print(format_text(figures))
    if figures.get("levels"):
        print("\n" + markdown_table(figures))
        if figures.get("workers"):
            print("\n" + workers_table(figures))
        print(f"\n  chart: {figures['chart']}")
    print(f"  written to {args.out}")
    return 0
