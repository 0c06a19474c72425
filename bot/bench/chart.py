"""The latency-vs-concurrency chart (PNG) for the README, drawn from the bench's figures.

Redraw from a saved run without running it again:
    .venv/bin/python -m bot.bench.chart results/bench.json docs/img/bench-latency.png
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: files only

import matplotlib.pyplot as plt  # noqa: E402  (after choosing the backend)

STYLE = {"p50": ("-", "o"), "p95": ("--", "s"), "p99": (":", "^")}
# latency spans tens of milliseconds to seconds: a log scale with readable ticks
THROUGHPUT_TARGET = 30  # messages per second at 20 concurrent conversations (issue 7)
TICKS_MS = (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)


def _series(levels: list[dict], target: str, key: str) -> tuple[list[int], list[float]]:
    points = [
        (level["concurrency"], level[target]["latency"][key])
        for level in levels
        if level.get(target) and level[target]["latency"].get(key) is not None
    ]
    return [c for c, _ in points], [v for _, v in points]


def draw_latency_chart(figures: dict, path: Path) -> Path:
    """p50/p95/p99 latency of the gateway (and Rasa's REST channel, fainter) against the number
    of concurrent conversations, with the throughput beside it; with N workers (figures
    "workers") their gateway figures too, in green."""
    levels = figures["levels"]
    workers = figures.get("workers") or {}
    many = workers.get("levels") or []
    fig, (latency_ax, throughput_ax) = plt.subplots(
        1, 2, figsize=(10, 4.2), gridspec_kw={"width_ratios": [3, 2]}
    )
    # (label, levels, target, colour, alpha): one worker through the gateway and straight to
    # Rasa, and N workers through the gateway
    series = [
        ("1 worker, web gateway", levels, "gateway", "tab:blue", 1.0),
        ("1 worker, Rasa REST", levels, "rest", "tab:grey", 0.7),
    ]
    if many:
        series.append((f"{workers['count']} workers, web gateway", many, "gateway", "tab:green", 1.0))
    for label, source, target, colour, alpha in series:
        for name, (line, marker) in STYLE.items():
            xs, ys = _series(source, target, f"{name}_ms")
            if xs:
                latency_ax.plot(
                    xs, ys, line, marker=marker, color=colour, alpha=alpha, label=f"{label} {name}"
                )
    # a figure with errors is shown with them: the count beside the gateway's p95
    for level in levels:
        gateway = level.get("gateway") or {}
        if gateway.get("errors") and gateway["latency"].get("p95_ms"):
            latency_ax.annotate(
                f"{gateway['errors']} of {gateway['messages']}\nwith errors",
                (level["concurrency"], gateway["latency"]["p95_ms"]),
                textcoords="offset points",
                xytext=(-6, -10),
                ha="right",
                va="top",
                fontsize=7,
                color="tab:red",
            )
    values = [
        v
        for level in [*levels, *many]
        for t in ("gateway", "rest")
        if level.get(t)
        for v in (level[t]["latency"].get("p50_ms"), level[t]["latency"].get("p99_ms"))
        if v
    ]
    latency_ax.set_yscale("log")
    if values:
        ticks = [t for t in TICKS_MS if min(values) / 2 <= t <= max(values) * 2]
        latency_ax.set_yticks(ticks, [f"{t:g}" for t in ticks])
        latency_ax.set_ylim(min(values) / 1.5, max(values) * 1.5)
    latency_ax.minorticks_off()
    latency_ax.set_xlabel("concurrent conversations")
    latency_ax.set_ylabel("reply latency (ms, log scale)")
    latency_ax.set_xticks([level["concurrency"] for level in levels])
    latency_ax.grid(True, alpha=0.3)
    latency_ax.legend(fontsize=7, ncol=2, loc="lower right")

    concurrency = [level["concurrency"] for level in levels]
    # throughput per series at each of the one-worker run's levels (0 where it has none)
    bars = [
        (
            label,
            [
                next((lv.get(target) or {} for lv in source if lv["concurrency"] == c), {})
                for c in concurrency
            ],
            colour,
        )
        for label, source, target, colour, _ in series
    ]
    width = 0.8 / len(bars)
    positions = range(len(levels))
    for i, (label, summaries, colour) in enumerate(bars):
        values = [s.get("throughput_msg_s") or 0 for s in summaries]
        throughput_ax.bar(
            [p - 0.4 + width * (i + 0.5) for p in positions], values, width, color=colour, label=label
        )
    throughput_ax.axhline(
        THROUGHPUT_TARGET,
        color="tab:red",
        linestyle="--",
        linewidth=1,
        label=f"target at 20: {THROUGHPUT_TARGET:g} msg/s",
    )
    highest = max(
        [THROUGHPUT_TARGET] + [s.get("throughput_msg_s") or 0 for _, summaries, _ in bars for s in summaries]
    )
    throughput_ax.set_ylim(0, highest * 1.4)  # room for the legend above the bars
    throughput_ax.set_xticks(list(positions), [str(c) for c in concurrency])
    throughput_ax.set_xlabel("concurrent conversations")
    throughput_ax.set_ylabel("messages per second")
    throughput_ax.grid(True, axis="y", alpha=0.3)
    throughput_ax.legend(fontsize=7, loc="upper center", ncol=2)

    machine = figures.get("machine", {})
    load = (machine.get("load_average_before") or ["?"])[0]
    fig.suptitle(
        f"make bench, {figures.get('date', '')}: {machine.get('cpus', '?')} CPUs "
        f"(load average {load} before the run), the mix in bench/conversations.yml",
        fontsize=10,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


if __name__ == "__main__":
    draw_latency_chart(json.loads(Path(sys.argv[1]).read_text()), Path(sys.argv[2]))
