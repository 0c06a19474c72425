"""`make bench` measures real work and writes its figures (no speed is asserted here)."""
from bot.bench import main


def test_bench_writes_positive_figures(tmp_path):
    out = tmp_path / "bench.json"
    assert main(["--messages", "50", "--lookups", "20", "--out", str(out)]) == 0
    import json
    figures = json.loads(out.read_text())
    for key in ("safety_net_per_message_ms", "directory_lookup_ms"):
        assert 0 < figures[key]["p50_ms"] <= figures[key]["p95_ms"]
