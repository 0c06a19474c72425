"""Per-message cost of the risk stage as Rasa runs it (bot.rasa_plugins.safety_net: normalise, the
lexicon, the word classes per sentence and pair of sentences, and the language check when no
level is found), for `make bench` (issue 12's target: p95 at most 2 ms) and the README.

    .venv/bin/python -m bot.safety.bench [n]

The messages cycle through the gold set, the first blind set's urgent messages (three of them
over 700 characters) and its benign corpus, so long and everyday messages weigh as they do in use.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

import yaml

from bot.safety import language
from bot.safety.evaluate import GOLD, load_labelled
from bot.safety.risk import assess_risk, default_risk_data

BLIND_B1 = Path(__file__).resolve().parents[2] / "tests" / "safety" / "blind" / "b1"


def bench_messages() -> list[str]:
    """The gold set's messages, then the first blind set's urgent and benign ones (if present)."""
    texts = [text for text, _ in load_labelled(GOLD)]
    for name in ("urgent.yml", "benign.yml"):
        path = BLIND_B1 / name
        if path.exists():
            texts += [item["text"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return texts


def stage(text: str, data) -> None:
    """What SafetyNet does per message, without Rasa (the language check included)."""
    assess_risk(text, data)


def measure_net(n: int = 2000, texts: list[str] | None = None) -> dict:
    """Time n messages through the risk stage; milliseconds per message (p50, p95, max) of this
    thread's CPU time (what the stage costs, whatever else the machine is doing), and the wall
    time's p50/p95 beside them (`wall_p50_ms`, `wall_p95_ms`)."""
    texts = texts or bench_messages()
    data = default_risk_data()
    language.warm_up()
    for text in texts[:50]:  # warm caches (regex compilation, imports)
        stage(text, data)
    samples, wall = [], []
    for i in range(n):
        text = texts[i % len(texts)]
        start, start_wall = time.thread_time_ns(), time.perf_counter_ns()
        stage(text, data)
        samples.append((time.thread_time_ns() - start) / 1e6)
        wall.append((time.perf_counter_ns() - start_wall) / 1e6)
    samples.sort()
    wall.sort()
    p95 = min(len(samples) - 1, int(0.95 * len(samples)))
    return {
        "n": n,
        "p50_ms": statistics.median(samples),
        "p95_ms": samples[p95],
        "max_ms": samples[-1],
        "wall_p50_ms": statistics.median(wall),
        "wall_p95_ms": wall[p95],
    }


def main(argv: list[str]) -> int:
    print(json.dumps(measure_net(int(argv[0]) if argv else 2000), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
