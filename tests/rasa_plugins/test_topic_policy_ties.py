"""TopicFollowUpPolicy repeats the urgency rules' first lines in Python (to put "don't pay"
between 999 and the danger question): these tests tie the copy to data/rules/urgency.yml, so a
change there cannot leave the policy answering danger with an old first line."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.rasa_plugins.topic_policy import DANGER_FIRST_LINES, DANGER_QUESTION

URGENCY_RULES = Path(__file__).resolve().parents[2] / "data" / "rules" / "urgency.yml"


def _unconditional_rule_actions() -> dict[str, list[str]]:
    """{intent: the actions after it} for each urgency rule with no condition (a fresh turn)."""
    rules = yaml.safe_load(URGENCY_RULES.read_text(encoding="utf-8"))["rules"]
    actions: dict[str, list[str]] = {}
    for rule in rules:
        if rule.get("condition"):
            continue
        steps = rule["steps"]
        intent = steps[0].get("intent")
        if intent:
            actions[intent] = [step["action"] for step in steps[1:] if "action" in step]
    return actions


def test_each_danger_first_line_is_the_urgency_rules_first_action() -> None:
    rule_actions = _unconditional_rule_actions()
    for intent, first_line in DANGER_FIRST_LINES.items():
        assert intent in rule_actions, f"no urgency rule answers {intent}"
        assert rule_actions[intent][0] == first_line, (intent, rule_actions[intent])


def test_the_urgency_rules_ask_the_same_danger_question_after_the_first_line() -> None:
    rule_actions = _unconditional_rule_actions()
    for intent in DANGER_FIRST_LINES:
        assert rule_actions[intent][1:] == [DANGER_QUESTION], (intent, rule_actions[intent])
