"""bot/bench/chart.py: the latency-against-concurrency chart is written as a PNG."""

from __future__ import annotations

from bot.bench.chart import draw_latency_chart
from tests.bench.figures import FIGURES, WITH_WORKERS


def test_the_chart_is_written_as_a_png(tmp_path):
    for figures in (FIGURES, WITH_WORKERS):
        path = draw_latency_chart(figures, tmp_path / "img" / "latency.png")
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
