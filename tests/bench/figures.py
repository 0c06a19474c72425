"""The figures a `make bench` run records, made up for the report's and the chart's tests
(tests/bench/test_report.py, test_chart.py): three levels, one with errors, and N workers."""

from __future__ import annotations

from bot.bench.stats import overhead


def _level(concurrency: int, p95: float, throughput: float, errors: int = 0) -> dict:
    def target(p50: float) -> dict:
        return {
            "concurrency": concurrency,
            "conversations": 10,
            "messages": 40,
            "errors": errors,
            "errors_by_reason": {"timeout": errors} if errors else {},
            "truncated": False,
            "throughput_msg_s": throughput,
            "latency": {
                "n": 40,
                "p50_ms": p50,
                "p95_ms": p95,
                "p99_ms": p95 + 10,
                "mean_ms": p50,
                "max_ms": p95 + 20,
            },
            "urgent": {"n": 4, "p50_ms": p50, "p95_ms": p95, "turns": 4, "errors": 0},
            "cpu_ms_per_message": {"Rasa": 30.0, "web gateway": 1.0},
        }

    return {
        "concurrency": concurrency,
        "load_average_before": [0.5, 0.5, 0.5],
        "gateway": target(42.0),
        "rest": target(40.0),
        "overhead": {"p50": overhead(42.0, 40.0), "p95": 0.02, "cpu": 0.033},
    }


FIGURES = {
    "date": "2026-11-21",
    "machine": {
        "cpus": 2,
        "platform": "x86_64",
        "python": "3.10.13",
        "load_average_before": [0.5, 0.5, 0.5],
        "load_average_after": [1.0, 1.0, 1.0],
    },
    "training": {"seconds": 170.0, "date": "2026-11-20"},
    "cold_start": {
        "seconds": 45.5,
        "ready_after_s": {"action server": 1.0, "Rasa": 45.0},
        "first_reply_ms": 300.0,
    },
    "levels": [_level(1, 120.0, 20.0), _level(20, 900.0, 31.0, errors=2), _level(50, 2000.0, 30.0)],
    "safety_net_per_message_ms": {"n": 10, "p50_ms": 0.05, "p95_ms": 0.1},
    "directory_lookup_ms": {"n": 10, "p50_ms": 0.2, "p95_ms": 0.5},
}


def _gateway_only(level: dict, throughput: float, p95: float, timeouts: int = 0) -> dict:
    gateway = {
        **level["gateway"],
        "throughput_msg_s": throughput,
        "timeouts": timeouts,
        "errors": timeouts,
        "latency": {**level["gateway"]["latency"], "p95_ms": p95},
        "rasa_cpu_ms_per_message": 29.0,
    }
    return {"concurrency": level["concurrency"], "load_average_before": [1.5, 1.0, 1.0], "gateway": gateway}


WITH_WORKERS = {
    **FIGURES,
    "workers": {
        "count": 2,
        "levels": [
            _gateway_only(FIGURES["levels"][0], 21.0, 110.0),
            _gateway_only(FIGURES["levels"][1], 55.8, 450.0),
            _gateway_only(FIGURES["levels"][2], 58.0, 900.0, timeouts=3),
        ],
        "memory": {
            "processes": {
                "Rasa": {"after_load": {"rss_mb": 1000.0, "peak_rss_mb": 1010.0}},
                "Rasa 2": {"after_load": {"rss_mb": 990.0, "peak_rss_mb": 995.0}},
            },
            "total_rss_mb": 2100.0,
        },
    },
}
