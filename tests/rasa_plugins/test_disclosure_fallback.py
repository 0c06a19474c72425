"""An unsure-which-kind disclosure is answered as a disclosure, not as 'I didn't understand'."""

from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.disclosure_fallback import DisclosureFallback


def parsed(intent, ranking):
    message = Message.build(text="some text")
    message.set("intent", {"name": intent, "confidence": ranking[0][1]}, add_to_output=True)
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking], add_to_output=True)
    return message


def component():
    return DisclosureFallback.create(DisclosureFallback.get_default_config(), None, None, None)


def test_spread_over_disclosure_intents_becomes_start_disclosure():
    # the shape of "i am being abused" on the trained model
    [message] = component().process(
        [
            parsed(
                "nlu_fallback",
                [
                    ("nlu_fallback", 0.4),
                    ("disclose_past_abuse", 0.23),
                    ("disclose_image_abuse", 0.10),
                    ("disclose_adult_abuse", 0.09),
                    ("disclose_assault", 0.08),
                    ("greet", 0.05),
                ],
            )
        ]
    )
    assert message.get("intent")["name"] == "start_disclosure"
    assert abs(message.get("intent")["confidence"] - 0.50) < 1e-9


def test_a_fallback_that_is_not_mostly_disclosure_stays_a_fallback():
    [message] = component().process(
        [
            parsed(
                "nlu_fallback",
                [("nlu_fallback", 0.4), ("out_of_scope", 0.3), ("disclose_harassment", 0.2), ("greet", 0.1)],
            )
        ]
    )
    assert message.get("intent")["name"] == "nlu_fallback"


def test_self_harm_is_never_counted_as_a_disclosure_here():
    [message] = component().process(
        [
            parsed(
                "nlu_fallback",
                [("nlu_fallback", 0.4), ("disclose_self_harm", 0.45), ("disclose_assault", 0.1)],
            )
        ]
    )
    assert message.get("intent")["name"] == "nlu_fallback"


def test_a_confident_prediction_is_left_alone():
    [message] = component().process([parsed("greet", [("greet", 0.9), ("disclose_assault", 0.1)])])
    assert message.get("intent")["name"] == "greet"
