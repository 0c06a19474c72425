"""bot/bench/stats.py: percentiles (checked against the standard library), the latency summary and
the gateway's overhead over Rasa alone."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.bench.stats import overhead, percentile, summarise_ms


def test_percentiles_interpolate_between_ranks():
    values = list(range(1, 101))  # 1..100
    assert percentile(values, 50) == 50.5
    assert percentile(values, 95) == pytest.approx(95.05)
    assert percentile(values, 99) == pytest.approx(99.01)
    assert percentile(values, 0) == 1 and percentile(values, 100) == 100
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 50) is None
    assert percentile(reversed(values), 50) == 50.5  # order of the input does not matter
    with pytest.raises(ValueError):
        percentile(values, 101)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=1e5, allow_nan=False), min_size=2, max_size=60))
def test_percentiles_agree_with_the_standard_library(values):
    cut_points = statistics.quantiles(values, n=100, method="inclusive")
    for q in (50, 95, 99):
        assert percentile(values, q) == pytest.approx(cut_points[q - 1], rel=1e-9, abs=1e-9)
    assert min(values) <= percentile(values, 50) <= percentile(values, 95) <= max(values)


def test_summary_and_overhead():
    summary = summarise_ms([30.0, 10.0, 20.0, 40.0])
    assert summary["n"] == 4 and summary["p50_ms"] == 25.0 and summary["max_ms"] == 40.0
    assert summary["p50_ms"] <= summary["p95_ms"] <= summary["p99_ms"] <= summary["max_ms"]
    assert summarise_ms([])["p95_ms"] is None
    assert overhead(110.0, 100.0) == 0.1
    assert overhead(95.0, 100.0) == -0.05
    assert overhead(None, 100.0) is None and overhead(50.0, 0) is None
