"""Metric arithmetic against known values."""

from collections import Counter

import pytest

from bot.safety import metrics


@pytest.mark.parametrize(
    "k, n, low, high",
    [
        (0, 10, 0.0, 0.2775),  # classic "none in ten" upper bound
        (10, 10, 0.7225, 1.0),
        (5, 10, 0.2366, 0.7634),
        (81, 263, 0.2553, 0.3662),
        (1, 1, 0.2065, 1.0),
    ],
)
def test_wilson_known_values(k, n, low, high):
    lo, hi = metrics.wilson_interval(k, n)
    assert lo == pytest.approx(low, abs=5e-4) and hi == pytest.approx(high, abs=5e-4)


def test_wilson_edges():
    assert metrics.wilson_interval(0, 0) == (0.0, 1.0)
    with pytest.raises(ValueError):
        metrics.wilson_interval(3, 2)


@pytest.mark.parametrize(
    "intent, category",
    [
        ("report_immediate_danger", "emergency"),
        ("disclose_self_harm", "crisis"),
        ("disclose_assault", "disclosure"),
        ("disclose_recent_assault", "disclosure"),
        ("ask_does_it_count", "disclosure"),
        ("disclose_friend_concern", "disclosure"),
        ("ask_staff_guidance", "staff"),
        ("greet", "benign"),
        ("nlu_fallback", "benign"),
        (None, "benign"),
    ],
)
def test_intent_categories(intent, category):
    assert metrics.category_for_intent(intent) == category


def test_recall_precision_and_false_alarms():
    table = Counter(
        {
            ("emergency", "emergency"): 49,
            ("emergency", "benign"): 1,
            ("benign", "emergency"): 3,
            ("benign", "benign"): 97,
        }
    )
    result = metrics.per_category(table)
    assert result["emergency"]["recall"]["value"] == pytest.approx(0.98)
    assert result["emergency"]["precision"]["value"] == pytest.approx(49 / 52)
    assert metrics.false_alarm_rate(table)["value"] == pytest.approx(0.03)
    assert metrics.gate_failures(table, 0) == []


def test_gates_fail_for_each_reason():
    table = Counter(
        {("crisis", "crisis"): 96, ("crisis", "none"): 4, ("benign", "crisis"): 6, ("benign", "none"): 94}
    )
    failures = metrics.gate_failures(table, must_catch_misses=2)
    assert any("crisis recall" in f for f in failures)
    assert any("must-catch" in f for f in failures)
    assert any("false alarms" in f for f in failures)
