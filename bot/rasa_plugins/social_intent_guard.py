"""`SocialIntentGuard`: a short social intent (say_thanks, say_not_now) only for a message that
has its words (data/conversation/social_intents.yml, bot.conversation.social_intents).

The model gave say_thanks at confidence 1.0 to disclosures with a time in them ("theres a man on
my estate whos been doing stuff to me. last week was the last time"), so a child who had just
told someone got "You're welcome". Here such an intent is taken out of the ranking, with any
other guarded intent the message has no words for, and the rest is renormalised: the model's
belief given that the message is not thanks (or not "not now"). The new top intent is the
message's intent; FallbackClassifier, next in config.yml, still turns a weak one into
nlu_fallback, and DisclosureFallback a likely disclosure into start_disclosure.

Shapes: reads and writes the message's `intent` {name, confidence} and `intent_ranking`
[{name, confidence}, ...] (confidences 0..1, summing to about 1 over the kept entries).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.config_component import ConfigComponent
from bot.conversation.social_intents import DEFAULT_FILE, current_patterns, unfounded_intents


def without_unfounded_social_intents(
    ranking: List[Dict[Text, Any]], text: str, path: Path = DEFAULT_FILE
) -> List[Dict[Text, Any]]:
    """The ranking without the guarded intents `text` has no words for, renormalised to sum to
    1 (left at 0 when the model put all its belief on those intents: FallbackClassifier then
    makes it nlu_fallback); unchanged when nothing is taken out, or when nothing would be left."""
    return _without(ranking, unfounded_intents(text, path))


def _without(ranking: List[Dict[Text, Any]], unfounded: frozenset[str]) -> List[Dict[Text, Any]]:
    kept = [e for e in ranking if e.get(INTENT_NAME_KEY) not in unfounded]
    if len(kept) == len(ranking) or not kept:
        return ranking
    total = sum(e.get(PREDICTED_CONFIDENCE_KEY, 0.0) for e in kept)
    if total <= 0:
        return kept
    return [{**e, PREDICTED_CONFIDENCE_KEY: e.get(PREDICTED_CONFIDENCE_KEY, 0.0) / total} for e in kept]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SocialIntentGuard(ConfigComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"patterns_file": None}

    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        config = {**self.get_default_config(), **(config or {})}
        self._path = Path(config["patterns_file"] or DEFAULT_FILE)
        current_patterns(self._path)  # a broken file stops the model loading, not a message

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            name = intent.get(INTENT_NAME_KEY)
            unfounded = unfounded_intents(message.get(TEXT) or "", self._path)
            if name not in unfounded:
                continue
            ranking = _without(message.get(INTENT_RANKING_KEY) or [], unfounded)
            if not ranking or ranking[0].get(INTENT_NAME_KEY) == name:
                continue
            top = ranking[0]
            message.set(
                INTENT,
                {
                    INTENT_NAME_KEY: top[INTENT_NAME_KEY],
                    PREDICTED_CONFIDENCE_KEY: top[PREDICTED_CONFIDENCE_KEY],
                },
                add_to_output=True,
            )
            message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
