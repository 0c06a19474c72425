"""Per-message cost of the safety net (normalise + assess), for the benchmark target and README.

    .venv/bin/python -m bot.safety.bench [n]
"""
from __future__ import annotations

import json
import statistics
import sys
import time

from bot.safety.evaluate import GOLD, load_labelled
from bot.safety.matcher import assess, default_lexicon


def measure_net(n: int = 2000, texts: list[str] | None = None) -> dict:
    """Time n assessments cycling through the gold set's messages; milliseconds per message."""
    texts = texts or [text for text, _ in load_labelled(GOLD)]
    lexicon = default_lexicon()
    for text in texts[:50]:  # warm caches (regex compilation, imports)
        assess(text, lexicon)
    samples = []
    for i in range(n):
        text = texts[i % len(texts)]
        start = time.perf_counter_ns()
        assess(text, lexicon)
        samples.append((time.perf_counter_ns() - start) / 1e6)
    samples.sort()
    return {
        "n": n,
        "p50_ms": statistics.median(samples),
        "p95_ms": samples[min(len(samples) - 1, int(0.95 * len(samples)))],
        "max_ms": samples[-1],
    }


def main(argv: list[str]) -> int:
    print(json.dumps(measure_net(int(argv[0]) if argv else 2000), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
