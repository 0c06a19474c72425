"""bot/bench/report.py: the targets judged (a figure with errors never counts as met), the printed
report and the Markdown tables, with one worker and with N."""

from __future__ import annotations

from bot.bench.report import TARGETS, format_text, markdown_table, target_checks, workers_ratio, workers_table
from tests.bench.figures import FIGURES, WITH_WORKERS


def test_targets_are_judged_and_a_figure_with_errors_never_counts_as_met():
    checks = {c["name"]: c for c in target_checks(FIGURES)}
    throughput = checks["throughput at 20 concurrent conversations"]
    assert throughput["measured"] == 31.0 and throughput["with_errors"] and throughput["met"] is False
    assert checks["p95 latency, one conversation"]["met"] is True
    assert checks["gateway overhead (p50, one conversation)"]["measured"] == 0.05
    assert checks["gateway overhead (p50, one conversation)"]["met"] is True
    assert checks["cold start until /healthz is ready"]["met"] is False
    assert checks["training time"]["met"] is True
    assert checks["risk stage p95 per message (issue 12)"]["met"] is True
    slow = target_checks({**FIGURES, "safety_net_per_message_ms": {"n": 10, "p50_ms": 1.0, "p95_ms": 2.5}})
    assert {c["name"]: c for c in slow}["risk stage p95 per message (issue 12)"]["met"] is False
    unmeasured = target_checks({"levels": [], "training": None})
    assert [c["met"] for c in unmeasured] == [None] * len(TARGETS)


def test_the_printed_report_and_table_carry_every_figure():
    figures = {**FIGURES, "targets": target_checks(FIGURES)}
    text = format_text(figures)
    for expected in (
        "cold start until /healthz is ready: 45.5 s",
        "training: 170 s",
        "2 ERRORS (2 timeout)",
        "risk stage",
        "directory lookup",
        "NOT met",
        "+5.0%",
        "CPU per message: Rasa 30.0 ms",
        "gateway = 3.3% of Rasa's",
    ):
        assert expected in text
    assert "not recorded" in format_text({**figures, "training": None})
    table = markdown_table(figures).splitlines()
    assert len(table) == 2 + 3 and table[3].startswith("| 20 | 31.0 |")
    assert "2 of 40" in table[3]


def test_n_workers_against_one_ratio_targets_and_report():
    figures = {**WITH_WORKERS, "workers_ratio_at_20": workers_ratio(WITH_WORKERS, 20)}
    assert figures["workers_ratio_at_20"] == 1.8  # 55.8 / 31.0
    checks = {c["name"]: c for c in target_checks(figures)}
    ratio = checks["throughput ratio, N workers vs 1 at 20 conversations (issue 17)"]
    # one worker's figure at 20 had errors: the ratio is not counted as met
    assert ratio["measured"] == 1.8 and ratio["with_errors"] and ratio["met"] is False
    assert checks["p95 latency at 20 conversations, N workers (issue 17)"]["met"] is True
    timeouts = checks["timeouts at 50 conversations, N workers (issue 17)"]
    assert timeouts["measured"] == 3 and timeouts["met"] is False
    text = format_text({**figures, "targets": target_checks(figures)})
    assert "workers 2 vs 1 at 20 conversations: ratio 1.80" in text
    assert "resident memory, 2 workers: Rasa 1000 MB, Rasa 2 990 MB; total 2100 MB" in text
    cold = {
        "seconds": 33.0,
        "workers": 2,
        "first_reply_ms": 200.0,
        "ready_after_s": {"action server": 2.0, "Rasa": 30.0, "Rasa 2": 32.5},
    }
    assert "2 Rasa worker(s) started in parallel, the last 32.5 s" in format_text(
        {**figures, "cold_start": cold}
    )
    table = workers_table(figures).splitlines()
    assert len(table) == 2 + 3 + 3 and table[-1] == "| 2 | 50 | 58.0 | 42 | 900 | 2010 | 3 of 40 | 29.0 ms |"
    assert workers_ratio(FIGURES, 20) is None and workers_table(FIGURES) == ""


def test_the_ratio_at_20_is_taken_while_all_20_conversations_run_and_the_whole_blocks_ratio_is_shown_too():
    def with_steady(figures: dict, steady: float) -> dict:
        levels = [
            {**lv, "gateway": {**lv["gateway"], "steady_throughput_msg_s": steady}}
            if lv["concurrency"] == 20
            else lv
            for lv in figures["levels"]
        ]
        return {**figures, "levels": levels}

    one = with_steady(WITH_WORKERS, 40.0)
    figures = {**one, "workers": with_steady(one["workers"], 70.0)}
    assert workers_ratio(figures, 20) == 1.75  # 70 / 40, not the whole blocks' 55.8 / 31.0
    assert workers_ratio(figures, 20, key="throughput_msg_s") == 1.8
    figures["workers_ratio_at_20"] = workers_ratio(figures, 20)
    text = format_text({**figures, "targets": target_checks(figures)})
    assert "workers 2 vs 1 at 20 conversations: ratio 1.75 (while all 20 were running; whole blocks" in text
    assert "wind-down included: 1.80)" in text
    # only one side measured while all ran (an older result): the whole blocks' ratio, not a mix
    mixed = {**WITH_WORKERS, "workers": with_steady(WITH_WORKERS["workers"], 70.0)}
    assert workers_ratio(mixed, 20) == 1.8
