"""Percentiles and the summary of one set of latencies. Pure functions, no I/O."""

from __future__ import annotations

import math
from typing import Iterable, Optional

PERCENTILES = (50, 95, 99)


def percentile(values: Iterable[float], q: float) -> Optional[float]:
    """The q-th percentile (0-100) with linear interpolation between the closest ranks (the
    method numpy calls 'linear' and `statistics.quantiles(method="inclusive")` uses); None for
    no values."""
    ordered = sorted(values)
    if not ordered:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is not between 0 and 100")
    position = (len(ordered) - 1) * q / 100
    lower, upper = math.floor(position), math.ceil(position)
    if lower == upper:
        return float(ordered[lower])
    fraction = position - lower
    return ordered[lower] + (ordered[upper] - ordered[lower]) * fraction


def summarise_ms(latencies_ms: Iterable[float]) -> dict:
    """n, p50/p95/p99, mean and max of latencies in milliseconds (rounded to 0.1 ms)."""
    values = sorted(latencies_ms)
    summary: dict = {"n": len(values)}
    for q in PERCENTILES:
        value = percentile(values, q)
        summary[f"p{q}_ms"] = None if value is None else round(value, 1)
    summary["mean_ms"] = round(sum(values) / len(values), 1) if values else None
    summary["max_ms"] = round(values[-1], 1) if values else None
    return summary


def overhead(gateway_ms: Optional[float], rest_ms: Optional[float]) -> Optional[float]:
    """How much slower the gateway is than Rasa's REST channel: gateway/rest - 1 (0.05 = 5%)."""
    if gateway_ms is None or not rest_ms:
        return None
    return round(gateway_ms / rest_ms - 1, 3)
