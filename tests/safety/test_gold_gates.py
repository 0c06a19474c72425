"""The risk stage ALONE meets the CI gates on the gold set: it must not depend on the model."""

from bot.safety import metrics
from bot.safety.evaluate import net_prediction, seen_category


def test_gold_set_shape(gold):
    assert len(gold) >= 300
    assert {category for _, category in gold} == set(metrics.CATEGORIES)


def test_net_alone_meets_the_gates(gold):
    table = metrics.confusion(
        (category, seen_category(net_prediction(text), "final", category)) for text, category in gold
    )
    assert metrics.gate_failures(table, must_catch_misses=0) == []
