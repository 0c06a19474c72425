"""`TrustedAdultSpeaker`: a deterministic Rasa 3.6 NLU component that sets the `speaker` entity
("staff" or "parent_carer") when a message shows that a trusted adult is writing ("I'm a TA",
"one of my players told me", "my daughter is 14"). config.yml lists it after the tokenizer; it
never trains and never changes the intent. The slots `trusted_adult` and `audience` are filled
from the entity (domain.yml), and TrustedAdultPolicy answers the adult's turns with guidance for
their situation. Patterns: data/conversation/trusted_adults.yml (bot.conversation.trusted_adults).

The entity it appends::

    {"entity": "speaker", "value": "staff", "start": 0, "end": <len>, "confidence": 1.0,
     "extractor": "TrustedAdultSpeaker"}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.rule_entity_extractor import RuleEntityExtractor
from bot.conversation.trusted_adults import DEFAULT_FILE, current_patterns, speaker_of

SPEAKER_ENTITY = "speaker"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class TrustedAdultSpeaker(RuleEntityExtractor):
    """Appends a ``speaker`` entity when the writer shows they are a trusted adult."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`patterns_file`: default data/conversation/trusted_adults.yml (reloaded on edit)."""
        return {"patterns_file": None}

    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        self._config = {**self.get_default_config(), **(config or {})}
        self._path = Path(self._config["patterns_file"] or DEFAULT_FILE)
        current_patterns(self._path)  # a broken file stops the model loading, not a message

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            speaker = speaker_of(text, current_patterns(self._path))
            if speaker is None:
                continue
            entities = [
                e for e in (message.get(ENTITIES, []) or []) if e.get(ENTITY_ATTRIBUTE_TYPE) != SPEAKER_ENTITY
            ]
            self.add_entity(message, entities, SPEAKER_ENTITY, speaker, 0, len(text))
        return messages
