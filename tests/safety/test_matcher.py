"""assess(): levels for the issue's examples, idioms, negation, precedence, and no text leakage."""

import pytest

from bot.safety.matcher import SafetyVerdict, assess


@pytest.mark.parametrize(
    "text",
    [
        "hes outside my house",
        "he's coming back",
        "i'm locked in",
        "locked in his room",
        "he won't let me leave",
        "he's got a knife",
        "i'm being forced to have sex",
        "help me now",
        "i'm not safe",
        "he's hurting me right now",
    ],
)
def test_emergency_examples(text):
    assert assess(text).level == "emergency", text


@pytest.mark.parametrize(
    "text",
    [
        "everyone would be better off without me",
        "i don't want to be here anymore",
        "i want to disappear forever",
        "kms",
        "unalive",
        "i cut myself",
        "took a load of pills",
        "i am depressed",
        "i don't want to live",
        "my friend said she wants to kill herself",
    ],
)
def test_crisis_examples(text):
    assert assess(text).level == "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        "i'm dying of boredom",
        "i killed it in my exam",
        "that film was so scary",
        "dying to see u",
        "this homework is killing me",
        "i'm not in danger now",
        "i'm not going to hurt myself",
        "he used to hurt me when i was 7",
        "i was raped",
        "i am being abused",
        "my dad's outside",
        "mum won't let me go to the party",
        "he keeps following me on insta",
    ],
)
def test_not_urgent(text):
    assert assess(text).level is None, text


def test_negation_masks_only_its_own_span():
    assert assess("i'm not going to hurt myself but he's outside my house").level == "emergency"
    assert assess("i'm not suicidal but i've been cutting").level == "crisis"
    assert assess("i'm not ok").level is None


def test_emergency_outranks_crisis_and_both_rules_are_reported():
    verdict = assess("he has a knife and i want to die")
    assert verdict.level == "emergency"
    assert any(r.startswith("emergency.") for r in verdict.matched)
    assert any(r.startswith("crisis.") for r in verdict.matched)


def test_past_versus_present_abuse():
    assert assess("he used to hit me").level is None
    assert assess("he's hitting me rn").level == "emergency"


def test_verdict_holds_rule_ids_only():
    text = "my secret name is zebra and he's outside my house"
    verdict = assess(text)
    assert isinstance(verdict, SafetyVerdict) and verdict.fired
    assert "zebra" not in repr(verdict)
    assert all(rule.count(".") == 1 for rule in verdict.matched)
