"""The SafetyNet Rasa component, driven directly with rasa Message objects."""

import logging

import pytest
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.data import TrainingType
from rasa.shared.nlu.training_data.message import Message

from bot.safety.lexicon import LexiconError
from bot.safety.reloading import ReloadingLexicon
from bot.rasa_plugins.safety_net import SafetyNet

MODEL_RANKING = [
    {"name": "greet", "confidence": 0.7},
    {"name": "disclose_self_harm", "confidence": 0.2},
    {"name": "deny", "confidence": 0.1},
]


def _message(text):
    message = Message.build(text=text)
    message.set("intent", {"name": "greet", "confidence": 0.7}, add_to_output=True)
    message.set("intent_ranking", [dict(r) for r in MODEL_RANKING], add_to_output=True)
    return message


def _net(**config):
    return SafetyNet.create({**SafetyNet.get_default_config(), **config}, None, None, None)


def test_emergency_overrides_intent_and_keeps_the_model_view():
    [message] = _net().process([_message("zebra says he's outside my house")])
    assert message.get("intent") == {"name": "report_immediate_danger", "confidence": 1.0}
    assert message.get("intent_ranking")[0] == {"name": "report_immediate_danger", "confidence": 1.0}
    assert [r["name"] for r in message.get("intent_ranking")[1:]] == ["greet", "disclose_self_harm", "deny"]
    info = message.get("safety_net")
    assert info["level"] == "emergency" and info["rules"]
    assert info["model_intent"] == {"name": "greet", "confidence": 0.7}
    assert info["model_ranking"] == MODEL_RANKING
    assert "zebra" not in repr(info)  # rule ids only, no text
    assert {"intent", "intent_ranking", "safety_net"} <= set(message.as_dict(only_output_properties=True))


def test_crisis_override_puts_the_intent_first_without_duplicating_it():
    [message] = _net().process([_message("/greet i want to k\u200bill myself")])
    ranking = message.get("intent_ranking")
    assert message.get("intent")["name"] == "disclose_self_harm"
    assert [r["name"] for r in ranking] == ["disclose_self_harm", "greet", "deny"]


def test_untouched_when_the_net_does_not_fire():
    [message] = _net().process([_message("i killed it in my exam")])
    assert message.get("intent") == {"name": "greet", "confidence": 0.7}
    assert message.get("intent_ranking") == MODEL_RANKING
    assert message.get("safety_net") is None


def test_message_without_model_prediction_still_gets_the_override():
    [message] = _net().process([Message.build(text="kms")])
    assert message.get("intent")["name"] == "disclose_self_harm"
    assert message.get("safety_net")["model_intent"] is None


def test_registered_as_intent_classifier_in_the_predict_graph():
    config = {
        "recipe": "default.v1",
        "language": "en",
        "pipeline": [{"name": "WhitespaceTokenizer"}, {"name": "bot.rasa_plugins.safety_net.SafetyNet"}],
    }
    graph = DefaultV1Recipe().graph_config_for_recipe(config, {}, training_type=TrainingType.NLU)
    nodes = [n for n in graph.predict_schema.nodes.values() if n.uses is SafetyNet]
    assert len(nodes) == 1 and nodes[0].fn == "process"
    net = getattr(SafetyNet, nodes[0].constructor_name)(nodes[0].config, None, None, None)
    assert net.process([Message.build(text="kms")])[0].get("intent")["name"] == "disclose_self_harm"
    assert not any(n.uses is SafetyNet for n in graph.train_schema.nodes.values())


def _add_rule(directory, rule_id, phrase):
    path = directory / "emergency.yml"
    path.write_text(path.read_text() + f"  - id: {rule_id}\n    note: test\n    phrases: ['{phrase}']\n")


def test_lexicon_edits_reload_without_retraining(lexicon_copy):
    net = _net(lexicon_dir=str(lexicon_copy), reload_interval_seconds=0)
    assert net.process([_message("purple elephant")])[0].get("safety_net") is None
    _add_rule(lexicon_copy, "test_code_word", "purple elephant")
    [message] = net.process([_message("purple elephant")])
    assert message.get("safety_net")["rules"] == ["emergency.test_code_word"]


def test_broken_edit_keeps_the_last_good_lexicon_and_logs_no_text(lexicon_copy, caplog):
    lexicon = ReloadingLexicon(lexicon_copy, min_interval=0)
    _add_rule(lexicon_copy, "test_code_word", "purple elephant")
    good = lexicon.current()
    (lexicon_copy / "crisis.yml").write_text("level: crisis\nrules: [{id: x, patterns: ['(']}]\n")
    with caplog.at_level(logging.ERROR):
        assert lexicon.current() is good
        assert lexicon.current() is good  # the same bad edit is not re-parsed and re-logged
    assert len(caplog.records) == 1 and "crisis.yml" in caplog.records[0].getMessage()
    assert "purple" not in caplog.text
    (lexicon_copy / "crisis.yml").unlink()
    with pytest.raises(LexiconError):  # a broken lexicon at start-up is fatal, not silently empty
        ReloadingLexicon(lexicon_copy)


def test_reload_checks_are_throttled(lexicon_copy):
    now = [0.0]
    lexicon = ReloadingLexicon(lexicon_copy, min_interval=5, clock=lambda: now[0])
    first = lexicon.current()
    _add_rule(lexicon_copy, "test_code_word", "purple elephant")
    now[0] = 1.0
    assert lexicon.current() is first
    now[0] = 6.0
    assert lexicon.current() is not first


def _model_says(text, intent, confidence=0.98, rest=(("out_of_scope", 0.02),)):
    """A message as the model left it: `intent` first, then `rest` as (name, confidence)."""
    ranking = [{"name": intent, "confidence": confidence}] + [{"name": n, "confidence": c} for n, c in rest]
    message = Message.build(text=text)
    message.set("intent", dict(ranking[0]), add_to_output=True)
    message.set("intent_ranking", ranking, add_to_output=True)
    return message


@pytest.mark.parametrize("intent", ["report_immediate_danger", "disclose_self_harm"])
def test_a_model_only_urgent_guess_becomes_the_gentle_check(intent):
    # measured: the model says emergency at 0.98 for "i'm scared of spiders"
    [message] = _net().process([_model_says("i'm scared of spiders", intent)])
    assert message.get("intent") == {"name": "nlu_fallback", "confidence": 1.0}
    info = message.get("safety_net")
    assert info["demoted"] is True and info["level"] is None
    assert info["model_intent"]["name"] == intent


def test_a_taken_back_guess_never_falls_to_thanks_without_its_words():
    # the model's recent-assault guess is taken back (no time or assault cue the stage reads);
    # the next in its ranking was say_thanks, and a disclosure got "You're welcome"
    message = _model_says(
        "it was that friday at his mates house",
        "disclose_recent_assault",
        0.9,
        rest=(("say_thanks", 0.05), ("disclose_past_abuse", 0.03)),
    )
    [message] = _net().process([message])
    assert message.get("intent")["name"] not in {"say_thanks", "disclose_recent_assault"}


def test_the_net_and_the_model_agreeing_keeps_the_escalation():
    [message] = _net().process([_model_says("i want to kill myself", "disclose_self_harm")])
    assert message.get("intent")["name"] == "disclose_self_harm"
    assert message.get("safety_net")["demoted"] is False


def test_an_escalated_message_cannot_be_reinterpreted_as_a_slash_command():
    # Rasa's RegexMessageHandler runs after the pipeline and honours "/<known intent>{json} ..."
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
    from rasa.shared.core.domain import Domain

    domain = Domain.from_dict({"intents": ["deny", "disclose_self_harm"]})
    [message] = _net().process([_model_says('/deny{"x": 1} i want to die', "deny")])
    [message] = RegexMessageHandler().process([message], domain)
    assert message.get("intent")["name"] == "disclose_self_harm"


def test_a_plain_button_payload_is_left_for_rasa_to_read():
    from rasa.nlu.classifiers.regex_message_handler import RegexMessageHandler
    from rasa.shared.core.domain import Domain

    domain = Domain.from_dict({"intents": ["report_immediate_danger", "confirm_safe"]})
    [message] = _net().process([_model_says("/confirm_safe", "report_immediate_danger")])
    [message] = RegexMessageHandler().process([message], domain)
    assert message.get("intent")["name"] == "confirm_safe"


@pytest.mark.parametrize(
    "text,intent",
    [
        ("my friend took loads of pills and wont wake up", "report_medical_emergency"),
        ("999", "report_possible_danger"),
        ("pomocy, on stoi pod moim domem i się boję", "use_other_language"),
        ("he raped me last night", "disclose_recent_assault"),
        ("hes outside my house", "report_immediate_danger"),
    ],
)
def test_each_level_sets_the_intent_whose_rule_answers_it(text, intent):
    [message] = _net().process([_model_says(text, "greet", 0.6)])
    assert message.get("intent") == {"name": intent, "confidence": 1.0}
    assert message.get("safety_net")["demoted"] is False


def test_the_model_raises_a_check_only_with_a_harm_cue():
    [message] = _net().process([_model_says("my uncle touched me", "report_immediate_danger", 0.9)])
    assert message.get("intent")["name"] == "report_possible_danger"
    assert "model_urgent" in message.get("safety_net")["parts"]


def test_a_recent_assault_guess_without_an_assault_cue_is_taken_back():
    # 56 of 59 benign false alarms in the first blind run: "sports day friday" read as recent assault
    message = _model_says(
        "sports day friday, im doing the relay",
        "disclose_recent_assault",
        0.8,
        rest=(("report_immediate_danger", 0.1), ("greet", 0.1)),
    )
    [message] = _net().process([message])
    assert message.get("intent")["name"] == "greet"


def test_an_old_assault_the_model_read_as_recent_becomes_past_abuse():
    [message] = _net().process(
        [_model_says("a lad from my old school assaulted me at a party last year", "disclose_recent_assault")]
    )
    assert message.get("intent")["name"] == "disclose_past_abuse"


def test_a_model_only_other_language_guess_is_taken_back():
    [message] = _net().process([_model_says("wallahi bruv allow it innit", "use_other_language")])
    assert message.get("intent")["name"] == "nlu_fallback"


@pytest.mark.parametrize("text", ["my boyfriend hit me again yesterday", "my dad beat me up last night"])
def test_recent_physical_violence_gets_the_danger_check_not_the_sexual_assault_reply(text):
    # issue 13: "my boyfriend beat me up last night" was answered with the Havens and emergency
    # contraception; hitting is a harm cue (the danger check), not a sexual assault
    [message] = _net().process([_model_says(text, "disclose_recent_assault")])
    assert message.get("intent")["name"] == "report_possible_danger"


def test_a_recent_sexual_assault_the_model_read_stays_one():
    [message] = _net().process(
        [_model_says("someone forced me to have sex on saturday", "disclose_recent_assault")]
    )
    assert message.get("intent")["name"] == "disclose_recent_assault"


@pytest.mark.parametrize(
    "text",
    [
        "someone slapped my bum in the corridor yesterday",
        "a lad in year 11 pinged my bra strap in maths on monday",
        "a boy grabbed my boobs at the party on saturday",
        "some boy touched my chest at the disco last week",
    ],
)
def test_groping_alone_the_model_read_as_recent_assault_is_harassment(text):
    # the 2026-11-30 new-user trial: "a boy grabbed my bum in the lunch queue last friday" got the
    # danger question ("grabbed" is a harm cue); sexual touching with no rape or assault word and
    # nothing happening now gets the harassment reply (Childline, the school's safeguarding lead)
    message = _model_says(text, "disclose_recent_assault", 0.9, rest=(("disclose_harassment", 0.05),))
    [message] = _net().process([message])
    assert message.get("intent")["name"] == "disclose_harassment"


@pytest.mark.parametrize(
    "text",
    [
        "after school on the 38 a man sat beside me and put his hand on my knee, i got off early",
        "last week my coach put his hand on my thigh when he drove me back from training",
    ],
)
def test_a_hand_on_my_leg_told_as_over_the_model_read_as_recent_assault_is_harassment(text):
    # C15: "sat next to me" and "put his hand on" read as now when nothing says when; told as a
    # story from after school or last week, with nothing now, it is harassment told after it was
    # over, not the danger check that held 999 over the next turns
    message = _model_says(text, "disclose_recent_assault", 0.9, rest=(("disclose_harassment", 0.05),))
    [message] = _net().process([message])
    assert message.get("intent")["name"] == "disclose_harassment"


@pytest.mark.parametrize(
    "text",
    [
        "when my auntie goes to work her husband hits me if i dont do what he says",
        "at weekends at my dads his brother makes me do stuff and says its a game",
        "since i was 10 my stepbrother hurts me when mum is at work",
    ],
)
def test_abuse_told_as_a_habit_the_model_read_as_recent_assault_is_a_disclosure(text):
    # C17: a habit with a harm cue and nothing now ("when nan goes bingo grandad makes me sit on
    # his lap and touches me") got the danger check, then 999 for three more turns; it is a
    # disclosure: thanks, belief and who can help (999 only if it is happening now)
    message = _model_says(text, "disclose_recent_assault", 0.9, rest=(("disclose_adult_abuse", 0.05),))
    [message] = _net().process([message])
    assert message.get("intent")["name"] == "start_disclosure"


@pytest.mark.parametrize(
    "text",
    [
        "when mum goes to work he hurts me and hes in my room right now",
        "at weekends he hits me and hes coming back tonight",
    ],
)
def test_the_same_habit_with_someone_here_or_coming_stays_urgent(text):
    message = _model_says(text, "disclose_recent_assault", 0.9, rest=(("disclose_adult_abuse", 0.05),))
    [message] = _net().process([message])
    assert message.get("intent")["name"] in ("report_immediate_danger", "report_possible_danger")


@pytest.mark.parametrize(
    "text,intent",
    [
        ("a man on the bus put his hand on my leg and hes still next to me", "report_immediate_danger"),
        (
            "im on the bus after school and a man sat next to me and put his hand on my leg",
            "report_immediate_danger",
        ),
        ("my boyfriend pushed me against the wall yesterday", "report_possible_danger"),
    ],
)
def test_a_hand_on_my_leg_now_or_violence_yesterday_keeps_its_own_reply(text, intent):
    [message] = _net().process([_model_says(text, "disclose_recent_assault")])
    assert message.get("intent")["name"] == intent


@pytest.mark.parametrize(
    "text,intent",
    [
        ("a boy grabbed my bum and hes still next to me", "report_immediate_danger"),  # now: the level
        ("he raped me and grabbed my chest last night", "disclose_recent_assault"),  # an assault cue
        ("a man grabbed my bum when i was 8", "disclose_past_abuse"),  # long ago
        ("my boyfriend grabbed my arm yesterday", "report_possible_danger"),  # not sexual: the check
    ],
)
def test_groping_with_danger_an_assault_or_the_past_keeps_its_own_reply(text, intent):
    [message] = _net().process([_model_says(text, "disclose_recent_assault")])
    assert message.get("intent")["name"] == intent


@pytest.mark.parametrize(
    "text,intent",
    [
        # B11: weeks or months ago is outside the Havens' seven days: non-recent abuse
        ("a lad touched me when i said no at a festival in august, im ok now", "disclose_past_abuse"),
        ("my ex sexually assaulted me last month", "disclose_past_abuse"),
        # within the seven days the model's recent assault stands
        ("a boy sexually assaulted me last saturday", "disclose_recent_assault"),
    ],
)
def test_an_assault_weeks_ago_the_model_read_as_recent_is_past_abuse(text, intent):
    [message] = _net().process([_model_says(text, "disclose_recent_assault")])
    assert message.get("intent")["name"] == intent


# C5's and C7's gated conversations after C10's calm parts (issue 13): with their false levels
# gone, "someone put something in my drink" told days later and "my coach went too far" fell to
# "Sorry, I'm not sure I understood". Own words, not the sets' lines.
@pytest.mark.parametrize(
    "text",
    [
        "at a house party on friday a lad slipped something in my coke and the night is a blur",
        "i reckon someone put something in my vodka at the festival on sunday",
        "there was something in my drink at the club on saturday, i know there was",
    ],
)
def test_a_spiking_in_other_words_told_days_later_is_a_recent_assault_as_spiked_is(text):
    # the word "spiked" already gave recent_assault (the Havens' seven days); its other words now do
    message = _model_says(text, "nlu_fallback", 0.4, rest=(("disclose_recent_assault", 0.3),))
    [message] = _net().process([message])
    assert message.get("safety_net")["level"] == "recent_assault"
    assert message.get("intent")["name"] == "disclose_recent_assault"


@pytest.mark.parametrize(
    "text",
    [
        "my dance teacher went too far when we were on our own after class",
        "the guy who trains me at boxing took it too far the other week",
        "my older cousin did stuff when i told him no at christmas",
        "my form tutor crossed the line with me in his office",
        "my uncle got really handsy with me at the wedding",
        "a lad from the year above did things i didnt want at the sleepover",
        "i got spiked at a festival two years ago",
        # C13: sexual touching in simple words (a deaf young person's English), debagging
        "man on my minibus touch my knee and my chest, every morning",
        "some boys in my year pulled my trousers down at break",
    ],
)
def test_abuse_in_other_words_the_model_could_not_place_is_a_disclosure(text):
    message = _model_says(text, "nlu_fallback", 0.4, rest=(("disclose_adult_abuse", 0.2),))
    [message] = _net().process([message])
    assert message.get("safety_net")["level"] is None
    assert message.get("intent")["name"] == "start_disclosure"


@pytest.mark.parametrize("model_intent", ["disclose_recent_assault", "report_immediate_danger"])
def test_abuse_in_other_words_the_model_read_as_urgent_is_a_disclosure_not_its_next_guess(model_intent):
    # taken back with no level: not "affirm" or "not understood", and no Havens without an assault word
    message = _model_says(
        "my piano teacher went too far last week", model_intent, 0.6, rest=(("affirm", 0.3),)
    )
    [message] = _net().process([message])
    assert message.get("intent")["name"] == "start_disclosure"


@pytest.mark.parametrize(
    "text",
    [
        "the banter in our group chat went too far and now nobody is talking",
        "my teacher went too far with the detention, it was for nothing",
        "i put some squash in my water bottle before pe",
        "we did things together at half term like ice skating",
    ],
)
def test_the_calm_uses_of_those_words_the_model_could_not_place_stay_not_understood(text):
    [message] = _net().process([_model_says(text, "nlu_fallback", 0.4)])
    assert message.get("intent")["name"] == "nlu_fallback"
