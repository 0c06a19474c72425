"""`DisclosureFallback`: when the model is unsure WHICH kind of disclosure a message is, but the
disclosure intents together are more likely than not, answer it as a disclosure.

FallbackClassifier turns a low top confidence into nlu_fallback ("Sorry, I'm not sure I
understood"). For "i am being abused" the model spreads its belief over several disclosure
intents (past abuse 0.23, image abuse 0.10, ...), so no single one passes the threshold, yet it
is plainly a disclosure. Replying "I didn't understand" to that is the wrong message to a child
who has just told someone; `start_disclosure` (belief, "not your fault", options) is right.

config.yml lists it after FallbackClassifier and before SafetyNet. The threshold is 0.5 by
principle (more likely a disclosure than not), not tuned on the evaluation set.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
)
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.config_component import ConfigComponent


FALLBACK_INTENT = "nlu_fallback"
DISCLOSURE_INTENT = "start_disclosure"
NOT_DISCLOSURES = {"disclose_self_harm"}  # urgent: only the safety net escalates


def is_disclosure(intent: str) -> bool:
    return (intent.startswith("disclose_") and intent not in NOT_DISCLOSURES) or intent in {
        "ask_does_it_count",
        DISCLOSURE_INTENT,
    }


def disclosure_share(ranking: List[Dict[Text, Any]]) -> float:
    return sum(
        entry.get(PREDICTED_CONFIDENCE_KEY, 0.0)
        for entry in ranking
        if is_disclosure(entry.get(INTENT_NAME_KEY) or "")
    )


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DisclosureFallback(ConfigComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"threshold": 0.5}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.threshold = float(config.get("threshold", 0.5))

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            if intent.get(INTENT_NAME_KEY) != FALLBACK_INTENT:
                continue
            ranking = message.get(INTENT_RANKING_KEY) or []
            share = disclosure_share(ranking)
            if share >= self.threshold:
                chosen = {INTENT_NAME_KEY: DISCLOSURE_INTENT, PREDICTED_CONFIDENCE_KEY: share}
                rest = [e for e in ranking if e.get(INTENT_NAME_KEY) != DISCLOSURE_INTENT]
                message.set(INTENT, chosen, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [dict(chosen)] + rest, add_to_output=True)
        return messages
