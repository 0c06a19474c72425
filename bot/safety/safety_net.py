"""SafetyNet: the last NLU component. When the lexicon says emergency or crisis, the intent becomes
report_immediate_danger or disclose_self_harm (confidence 1.0) whatever the model predicted.

The lexicon is authoritative for escalation. When the model alone predicts an urgent intent and
the lexicon does not fire, the intent becomes nlu_fallback: its reply names 999 and Childline and
offers the options, a gentle check rather than an escalation. Measured reason: the model is
confidently wrong on benign idioms (0.98 on "i'm scared of spiders", "i cut my hair myself lol"),
which made 13% of benign gold messages escalate; the lexicon alone found 83/83 emergencies.

A message the net escalates is never reinterpreted as a "/intent" command: Rasa's
RegexMessageHandler runs after the pipeline and would replace the intent for text such as
'/deny{"x": 1} i want to die', so leading slashes are removed from such a message's text.

The model's own intent and ranking are kept under the message key "safety_net" with the level and
the rule ids (never the text), so `rasa shell nlu`, the tracker and bot/safety/evaluate.py can
show what the model alone would have done. Messages the lexicon does not flag are left untouched.
Config (config.yml): `lexicon_dir`, default <repo>/data/safety; the lexicon reloads on edit.
"""
from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, PREDICTED_CONFIDENCE_KEY, TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.safety.lexicon import DEFAULT_DIR
from bot.safety.matcher import CRISIS, EMERGENCY, assess
from bot.safety.reloading import ReloadingLexicon

INTENT_FOR_LEVEL = {EMERGENCY: "report_immediate_danger", CRISIS: "disclose_self_harm"}
URGENT_INTENTS = frozenset(INTENT_FOR_LEVEL.values())
GENTLE_CHECK_INTENT = "nlu_fallback"
SAFETY_NET_KEY = "safety_net"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyNet(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"lexicon_dir": None, "reload_interval_seconds": 1.0}

    def __init__(self, config: Dict[Text, Any]) -> None:
        directory = config.get("lexicon_dir") or DEFAULT_DIR
        self._lexicon = ReloadingLexicon(directory, float(config.get("reload_interval_seconds", 1.0)))

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "SafetyNet":
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: List[Message]) -> List[Message]:
        lexicon = self._lexicon.current()
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and text:
                self._apply(message, assess(text, lexicon))
        return messages

    @staticmethod
    def _apply(message: Message, verdict) -> None:
        model_intent: Optional[dict] = copy.deepcopy(message.get(INTENT))
        model_ranking: list = copy.deepcopy(message.get(INTENT_RANKING_KEY) or [])
        if verdict.fired:
            name = INTENT_FOR_LEVEL[verdict.level]
            text = message.get(TEXT)
            if text.lstrip().startswith("/"):
                message.set(TEXT, text.lstrip().lstrip("/"))
        elif (model_intent or {}).get(INTENT_NAME_KEY) in URGENT_INTENTS:
            name = GENTLE_CHECK_INTENT
        else:
            return
        override = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
        rest = [entry for entry in model_ranking if entry.get(INTENT_NAME_KEY) != name]
        message.set(INTENT, override, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(override)] + rest, add_to_output=True)
        message.set(
            SAFETY_NET_KEY,
            {
                "level": verdict.level,
                "rules": list(verdict.matched),
                "demoted": not verdict.fired,
                "model_intent": model_intent,
                "model_ranking": model_ranking,
            },
            add_to_output=True,
        )
