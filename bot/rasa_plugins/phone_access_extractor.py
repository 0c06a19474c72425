"""`PhoneAccessExtractor`: a deterministic Rasa 3.6 NLU component that sets the `phone_access`
entity when the writer says they cannot use a voice call ("i'm deaf", "i use BSL", "i cant do
phone calls"; bot.conversation.phone_access, data/conversation/phone_access.yml). config.yml lists
it after the tokenizer; it never trains. The slot `phone_access` keeps the value for the
conversation, and the emergency replies' conditional variations (domain.yml) give 999's text relay
in place of the silent-call advice (C10).

The entity it appends::

    {"entity": "phone_access", "value": "cannot_call", "start": 0, "end": 8, "confidence": 1.0,
     "extractor": "PhoneAccessExtractor"}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.conversation.phone_access import DEFAULT_FILE, KIND, cannot_call, current_patterns
from bot.rasa_plugins.rule_entity_extractor import RuleEntityExtractor

PHONE_ACCESS_ENTITY = "phone_access"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class PhoneAccessExtractor(RuleEntityExtractor):
    """Appends a ``phone_access`` entity when the writer says they cannot use a voice call."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`patterns_file`: default data/conversation/phone_access.yml (reloaded on edit)."""
        return {"patterns_file": None}

    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        self._config = {**self.get_default_config(), **(config or {})}
        self._path = Path(self._config["patterns_file"] or DEFAULT_FILE)
        current_patterns(self._path)  # a broken file stops the model loading, not a message

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            span = cannot_call(message.get(TEXT), current_patterns(self._path))
            if span is None:
                continue
            entities = [
                e
                for e in (message.get(ENTITIES, []) or [])
                if e.get(ENTITY_ATTRIBUTE_TYPE) != PHONE_ACCESS_ENTITY
            ]
            self.add_entity(message, entities, PHONE_ACCESS_ENTITY, KIND, *span)
        return messages
