"""bot/directory/bench.py: the directory lookup figures `make bench` reports."""

from bot.directory.bench import measure_lookups


def test_benchmark_helper_reports_percentiles():
    figures = measure_lookups(n=40)
    assert set(figures) >= {"p50_ms", "p95_ms"} and 0 < figures["p50_ms"] <= figures["p95_ms"]
