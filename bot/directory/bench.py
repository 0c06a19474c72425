"""Lookup latency: resolve_location + select_services per query, p50/p95 over n queries.
The directory and postcode table are loaded before timing starts (as in the running bot)."""

from __future__ import annotations

import statistics
import time

from bot.directory.loader import load_directory
from bot.directory.location import resolve_location
from bot.directory.select import Situation, select_services

QUERIES = [
    ("my postcode is SE15", dict(topic="assault", age_band="13_15", recent=True)),
    ("i live in tower hamlet", dict(topic="harassment", age_band="16_17")),
    ("im in N17", dict(topic="image_abuse", age_band="13_15")),
    ("i'm in manchester", dict(topic="assault", age_band=None)),
    ("N1", dict(topic="staff_advice", audience="staff")),
    ("a pupil in croydon told me something", dict(topic="staff_advice", audience="staff")),
    ("kensington", dict(urgency="emergency", topic="assault", age_band="under_13", recent=True)),
    ("idk where i am rn", dict(urgency="crisis", topic="self_harm", age_band="13_15")),
]


def measure_lookups(n: int = 1000) -> dict:
    directory = load_directory()
    resolve_location("warm up SE15")
    timings = []
    for i in range(n):
        text, situation = QUERIES[i % len(QUERIES)]
        start = time.perf_counter()
        place = resolve_location(text)
        select_services(directory, Situation(borough=place.borough, **situation))
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return {
        "n": n,
        "p50_ms": round(statistics.median(timings), 3),
        "p95_ms": round(timings[max(0, int(round(0.95 * n)) - 1)], 3),
    }


if __name__ == "__main__":
    print(measure_lookups())
