"""bot/bench/mix.py: the committed conversation mix (bench/conversations.yml) covers every kind,
shares no line with the held-out safety sets, and a malformed mix is refused with the reason."""

from __future__ import annotations

import pytest
import yaml

from bot import REPO_ROOT
from bot.bench.mix import KINDS, Turn, load_mix, parse_mix


def test_the_committed_mix_covers_every_kind_and_both_urgency_levels():
    mix = load_mix()
    assert {c.kind for c in mix} == set(KINDS)
    urgent = {t.urgency for c in mix for t in c.turns if t.urgency}
    assert urgent == {"emergency", "crisis"}
    assert all(t.text.startswith("/") for c in mix for t in c.turns if t.is_payload)
    assert any(c.turns[0] == Turn("/greet", is_payload=True) for c in mix)


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for item in node for s in _strings(item)]
    return []


def test_the_mix_shares_no_line_with_the_held_out_safety_sets():
    held_out = set()
    for path in (REPO_ROOT / "tests" / "safety").glob("*.yml"):
        held_out |= {s.strip().lower() for s in _strings(yaml.safe_load(path.read_text()))}
    assert held_out, "the held-out sets were not found"
    said = {t.text.strip().lower() for c in load_mix() for t in c.turns if not t.is_payload}
    assert said & held_out == set()


@pytest.mark.parametrize(
    "turns, message",
    [
        ([{"say": True}], "non-empty text"),  # `say: yes` read as a boolean
        ([{"say": "hi", "payload": "/greet"}], "exactly one"),
        ([{"say": "hi", "urgency": "urgent"}], "urgency must be"),
        ([{"payload": "greet"}], "starts with '/'"),
        ([{"say": "hi", "wait": 3}], "unknown keys"),
        ([], "non-empty `turns`"),
    ],
)
def test_a_malformed_mix_is_refused_with_the_reason(turns, message):
    with pytest.raises(ValueError, match=message):
        parse_mix({"conversations": [{"name": "x", "kind": "greeting", "turns": turns}]})


def test_mix_names_are_unique_and_kinds_known():
    turn = [{"say": "hi"}]
    with pytest.raises(ValueError, match="unique"):
        parse_mix({"conversations": [{"name": "a", "kind": "greeting", "turns": turn}] * 2})
    with pytest.raises(ValueError, match="kind must be"):
        parse_mix({"conversations": [{"name": "a", "kind": "chat", "turns": turn}]})
