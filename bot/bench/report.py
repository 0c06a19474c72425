"""The bench's figures as text (printed) and as JSON (results/bench.json), and how they compare
with the targets of issue 7. Pure formatting: the figures dict is built by bot.bench.run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

# (name, what is compared, target, at most / at least)
TARGETS = (
    ("throughput at 20 concurrent conversations", "msg/s", 30.0, "at least"),
    ("p95 latency, one conversation", "ms", 250.0, "at most"),
    ("gateway overhead (p50, one conversation)", "ratio", 0.10, "at most"),
    ("cold start until /healthz is ready", "s", 40.0, "at most"),
    ("training time", "s", 180.0, "at most"),
    ("risk stage p95 per message (issue 12)", "ms", 2.0, "at most"),
    ("throughput ratio, N workers vs 1 at 20 conversations (issue 17)", "x", 1.7, "at least"),
    ("p95 latency at 20 conversations, N workers (issue 17)", "ms", 500.0, "at most"),
    ("timeouts at 50 conversations, N workers (issue 17)", "turns", 0, "at most"),
)


def workers_ratio(figures: dict, concurrency: int, key: str = "steady_throughput_msg_s") -> Optional[float]:
    """Gateway throughput with N workers over one worker's, at `concurrency` (None: not both).
    By default the throughput while all `concurrency` conversations were running (the figure
    "at 20 conversations" means); key="throughput_msg_s" gives the whole blocks' ratio, in which
    each block's wind-down (fewer conversations, so a second worker can idle) counts too. A
    result written before steady throughput was measured falls back to the whole blocks'."""
    one = _level(figures, concurrency)
    many = _level(figures.get("workers") or {}, concurrency)
    if not one or not many:
        return None
    if not (one["gateway"].get(key) and many["gateway"].get(key)):
        key = "throughput_msg_s"
    if not one["gateway"].get(key):
        return None
    return round((many["gateway"][key] or 0) / one["gateway"][key], 2)


def _level(figures: dict, concurrency: int) -> Optional[dict]:
    return next((lv for lv in figures.get("levels", []) if lv["concurrency"] == concurrency), None)


def target_checks(figures: dict) -> list[dict]:
    """Each target with the measured figure and whether it was met (None: not measured).
    A measurement that had errors is never counted as meeting its target."""
    one, twenty = _level(figures, 1), _level(figures, 20)
    workers = figures.get("workers") or {}
    many_20, many_50 = _level(workers, 20), _level(workers, 50)
    training = figures.get("training") or {}
    cold = figures.get("cold_start") or {}

    def gateway(level: Optional[dict], key: str):
        if not level or not level.get("gateway"):
            return None, False
        summary = level["gateway"]
        value = summary["throughput_msg_s"] if key == "throughput" else summary["latency"][key]
        return value, summary["errors"] > 0

    measured = [
        gateway(twenty, "throughput"),
        gateway(one, "p95_ms"),
        (
            ((one or {}).get("overhead") or {}).get("p50"),
            bool(one and (one["gateway"]["errors"] or one["rest"]["errors"])),
        ),
        (cold.get("seconds"), False),
        (training.get("seconds"), False),
        ((figures.get("safety_net_per_message_ms") or {}).get("p95_ms"), False),
        (
            workers_ratio(figures, 20),
            bool(twenty and many_20 and (twenty["gateway"]["errors"] or many_20["gateway"]["errors"])),
        ),
        gateway(many_20, "p95_ms"),
        (many_50["gateway"].get("timeouts") if many_50 else None, False),
    ]
    checks = []
    for (name, unit, target, direction), (value, had_errors) in zip(TARGETS, measured):
        met = None
        if value is not None:
            met = (value >= target if direction == "at least" else value <= target) and not had_errors
        checks.append(
            {
                "name": name,
                "unit": unit,
                "target": target,
                "direction": direction,
                "measured": value,
                "with_errors": had_errors,
                "met": met,
            }
        )
    return checks


def _ms(summary: dict, key: str) -> str:
    value = summary.get(key)
    return "-" if value is None else f"{value:.0f}"


def _errors(summary: dict) -> str:
    if not summary["errors"]:
        return "no errors"
    reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(summary["errors_by_reason"].items()))
    return f"{summary['errors']} ERRORS ({reasons})"


def format_text(figures: dict) -> str:
    machine = figures["machine"]
    lines = [
        f"Benchmark {figures['date']} ({machine['cpus']} CPUs, {machine['platform']}, Python "
        f"{machine['python']}; load average before {machine['load_average_before']}, after "
        f"{machine.get('load_average_after', '-')})"
    ]
    training = figures.get("training")
    lines.append(
        "  training: "
        + (
            f"{training['seconds']:.0f} s (recorded {training['date']})"
            if training
            else "not recorded (models/current.train.json is written by the next `make train` that trains)"
        )
    )
    cold = figures.get("cold_start")
    if cold:
        rasa = [v for k, v in cold["ready_after_s"].items() if k.startswith("Rasa")] or [0]
        lines.append(
            f"  cold start until /healthz is ready: {cold['seconds']:.1f} s (action server "
            f"{cold['ready_after_s'].get('action server', 0):.1f} s, "
            f"{cold.get('workers', 1)} Rasa worker(s) started in parallel, the last "
            f"{max(rasa):.1f} s); first reply after that {cold['first_reply_ms']:.0f} ms"
        )
    if figures.get("levels"):
        lines.append(
            "  concurrent conversations through the web gateway (Rasa's REST channel alone "
            "in brackets); latency of every request, errors included; msg/s counts "
            "error-free replies:"
        )
        lines.append(
            "    conc  msg/s          p50 ms      p95 ms      p99 ms      urgent p50/p95 ms"
            "   overhead p50/p95"
        )
        for level in figures["levels"]:
            gw, rest = level["gateway"], level["rest"]
            over = level.get("overhead") or {}
            urgent = gw["urgent"]
            lines.append(
                f"    {level['concurrency']:>4}  {gw['throughput_msg_s'] or 0:>5.1f} "
                f"({rest['throughput_msg_s'] or 0:>5.1f})  "
                f"{_ms(gw['latency'], 'p50_ms'):>4} ({_ms(rest['latency'], 'p50_ms'):>4})  "
                f"{_ms(gw['latency'], 'p95_ms'):>4} ({_ms(rest['latency'], 'p95_ms'):>4})  "
                f"{_ms(gw['latency'], 'p99_ms'):>4} ({_ms(rest['latency'], 'p99_ms'):>4})  "
                f"{_ms(urgent, 'p50_ms'):>5}/{_ms(urgent, 'p95_ms'):<5} ({urgent['turns']} turns)  "
                f"{_pct(over.get('p50'))}/{_pct(over.get('p95'))}"
            )
            lines.append(
                f"          {gw['messages']} messages in {gw['conversations']} conversations"
                f"{' (TRUNCATED by the time cap)' if gw['truncated'] else ''}: "
                f"gateway {_errors(gw)}; REST {_errors(rest)}"
            )
            if gw.get("cpu_ms_per_message"):
                lines.append(
                    "          CPU per message: "
                    + ", ".join(
                        f"{name} {ms:.1f} ms"
                        for name, ms in gw["cpu_ms_per_message"].items()
                        if ms is not None
                    )
                    + f" (gateway = {_share(over.get('cpu'))} of Rasa's); load "
                    f"average before {level['load_average_before'][0]}"
                )
        for skipped in figures.get("levels_skipped", []):
            lines.append(f"    {skipped:>4}  skipped: the load time budget was used up")
    lines.extend(_workers_lines(figures))
    memory = figures.get("memory") or {}
    if memory.get("processes"):
        parts = [
            f"{name} {m['after_load']['rss_mb']:.0f} MB (peak {m['after_load']['peak_rss_mb']:.0f})"
            for name, m in memory["processes"].items()
            if m.get("after_load")
        ]
        lines.append("  resident memory after the load: " + ", ".join(parts))
    if memory.get("rasa_growth_observed"):
        observed = memory["rasa_growth_observed"]
        lines.append(
            f"  Rasa's resident memory grew {observed['rss_growth_mb']:.1f} MB over "
            f"{observed['conversations']} new conversations "
            f"(~{observed['per_1000_mb']:.1f} MB per 1,000; includes caches)"
        )
    store = memory.get("tracker_store")
    if store:
        lines.append(
            f"  tracker store: {store['per_1000_mb']:.1f} MB per 1,000 idle conversations "
            f"({store['mean_turns']} turns, {store['mean_serialised_kb']:.1f} KB stored "
            f"each; process RSS grew {store['rss_growth_mb']:.1f} MB for "
            f"{store['conversations']})"
        )
    cost = memory.get("tracker_store_cost")
    if cost:
        held = ", ".join(f"{n} held: p50 {v['p50_ms']:.2f} ms" for n, v in cost["held"].items())
        lines.append(f"  tracker store retrieve + save per message: {held}")
    if memory.get("gateway_sessions_per_1000_mb") is not None:
        lines.append(f"  web gateway sessions: {memory['gateway_sessions_per_1000_mb']:.1f} MB per 1,000")
    net, lookup = figures["safety_net_per_message_ms"], figures["directory_lookup_ms"]
    lines.append(
        f"  risk stage (lexicon + parts + language), CPU per message: p50 {net['p50_ms']:.3f} ms, "
        f"p95 {net['p95_ms']:.3f} ms over {net['n']}"
    )
    lines.append(
        f"  directory lookup (resolve place + select services): p50 "
        f"{lookup['p50_ms']:.3f} ms, p95 {lookup['p95_ms']:.3f} ms over {lookup['n']}"
    )
    checks = figures.get("targets") or []
    if checks:
        lines.append("  targets (issues 7, 12 and 17):")
        for check in checks:
            verdict = {True: "met", False: "NOT met", None: "not measured"}[check["met"]]
            value = check["measured"]
            shown = (
                "-"
                if value is None
                else (_pct(value) if check["unit"] == "ratio" else f"{value:g} {check['unit']}")
            )
            target = (
                _pct(check["target"]) if check["unit"] == "ratio" else f"{check['target']:g} {check['unit']}"
            )
            lines.append(
                f"    {check['name']}: {shown} ({check['direction']} {target}): {verdict}"
                f"{' (measured with errors)' if check['with_errors'] else ''}"
            )
    if figures.get("duration_s") is not None:
        lines.append(f"  the bench took {figures['duration_s']:.0f} s")
    return "\n".join(lines)


def _rss(memory: dict) -> str:
    parts = [
        f"{name} {m['after_load']['rss_mb']:.0f} MB"
        for name, m in (memory.get("processes") or {}).items()
        if m.get("after_load")
    ]
    total = memory.get("total_rss_mb")
    return ", ".join(parts) + (f"; total {total:.0f} MB" if total is not None else "")


def _workers_lines(figures: dict) -> list[str]:
    """The one-worker and N-worker stacks side by side, through the gateway, and the ratio."""
    workers = figures.get("workers")
    if not workers or not figures.get("levels"):
        return []
    count = workers["count"]
    lines = [
        f"  1 worker vs {count} workers, through the gateway, in alternating blocks on the "
        "same processes (timeouts = the safety message after the gateway's Rasa timeout, or "
        "no answer at all):",
        "    workers  conc  msg/s (all running)  p50 ms  p95 ms  p99 ms  timeouts  Rasa CPU/msg (all workers)",
    ]
    for n, stack in ((1, figures), (count, workers)):
        for level in stack.get("levels", []):
            gw = level["gateway"]
            cpu = gw.get("rasa_cpu_ms_per_message")
            lines.append(
                f"    {n:>7}  {level['concurrency']:>4}  {gw['throughput_msg_s'] or 0:>5.1f} "
                f"({gw.get('steady_throughput_msg_s') or 0:>5.1f})      "
                f"{_ms(gw['latency'], 'p50_ms'):>6}  {_ms(gw['latency'], 'p95_ms'):>6}  "
                f"{_ms(gw['latency'], 'p99_ms'):>6}  {gw.get('timeouts', 0):>8}  "
                f"{'-' if cpu is None else f'{cpu:.1f} ms'} (load {level['load_average_before'][0]})"
            )
    for n, stack in ((1, figures), (count, workers)):
        memory = stack.get("memory") or {}
        if memory.get("processes"):
            lines.append(f"  resident memory, {n} worker{'s' if n > 1 else ''}: {_rss(memory)}")
    ratio = figures.get("workers_ratio_at_20")
    whole = workers_ratio(figures, 20, key="throughput_msg_s")
    lines.append(
        f"workers {count} vs 1 at 20 conversations: ratio {'-' if ratio is None else f'{ratio:.2f}'}"
        " (while all 20 were running; whole blocks, wind-down included: "
        f"{'-' if whole is None else f'{whole:.2f}'})"
    )
    return lines


def _pct(ratio: Optional[float]) -> str:
    return "-" if ratio is None else f"{ratio * 100:+.1f}%"


def _share(ratio: Optional[float]) -> str:
    return "-" if ratio is None else f"{ratio * 100:.1f}%"


def markdown_table(figures: dict) -> str:
    """The README's table: one row per concurrency level."""
    rows = [
        "| concurrent conversations | messages/s | p50 ms | p95 ms | p99 ms | urgent p95 ms "
        "| gateway overhead (p50) | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for level in figures.get("levels", []):
        gw = level["gateway"]
        rows.append(
            f"| {level['concurrency']} | {gw['throughput_msg_s']} | "
            f"{_ms(gw['latency'], 'p50_ms')} | {_ms(gw['latency'], 'p95_ms')} | "
            f"{_ms(gw['latency'], 'p99_ms')} | {_ms(gw['urgent'], 'p95_ms')} | "
            f"{_pct((level.get('overhead') or {}).get('p50'))} | "
            f"{gw['errors']} of {gw['messages']} |"
        )
    return "\n".join(rows)


def workers_table(figures: dict) -> str:
    """The README's table of one worker against N, through the gateway (empty without N)."""
    workers = figures.get("workers")
    if not workers:
        return ""
    rows = [
        "| Rasa workers | concurrent conversations | messages/s | p50 ms | p95 ms | p99 ms "
        "| timeouts | Rasa CPU per message |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for n, stack in ((1, figures), (workers["count"], workers)):
        for level in stack.get("levels", []):
            gw = level["gateway"]
            cpu = gw.get("rasa_cpu_ms_per_message")
            rows.append(
                f"| {n} | {level['concurrency']} | {gw['throughput_msg_s']} | "
                f"{_ms(gw['latency'], 'p50_ms')} | {_ms(gw['latency'], 'p95_ms')} | "
                f"{_ms(gw['latency'], 'p99_ms')} | {gw.get('timeouts', 0)} of "
                f"{gw['messages']} | {'-' if cpu is None else f'{cpu:.1f} ms'} |"
            )
    return "\n".join(rows)


def write_json(figures: dict, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n")
    return path
