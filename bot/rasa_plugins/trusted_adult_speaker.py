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
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_plugins.config_component import ConfigComponent
from bot.conversation.trusted_adults import DEFAULT_FILE, current_patterns, speaker_of

SPEAKER_ENTITY = "speaker"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class TrustedAdultSpeaker(ConfigComponent, EntityExtractorMixin):
    """Appends a ``speaker`` entity when the writer shows they are a trusted adult."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`patterns_file`: default data/conversation/trusted_adults.yml (reloaded on edit)."""
        return {"patterns_file": None}

    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        self._config = {**self.get_default_config(), **(config or {})}
        self._path = Path(self._config["patterns_file"] or DEFAULT_FILE)
        current_patterns(self._path)  # a broken file stops the model loading, not a message

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training data is left untouched: DIET never learns `speaker`."""
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            speaker = speaker_of(text, current_patterns(self._path))
            if speaker is None:
                continue
            entities = [
                e for e in (message.get(ENTITIES, []) or []) if e.get(ENTITY_ATTRIBUTE_TYPE) != SPEAKER_ENTITY
            ]
            entities.extend(
                self.add_extractor_name(
                    [
                        {
                            ENTITY_ATTRIBUTE_TYPE: SPEAKER_ENTITY,
                            ENTITY_ATTRIBUTE_VALUE: speaker,
                            ENTITY_ATTRIBUTE_START: 0,
                            ENTITY_ATTRIBUTE_END: len(text),
                            ENTITY_ATTRIBUTE_CONFIDENCE: 1.0,
                        }
                    ]
                )
            )
            message.set(ENTITIES, entities, add_to_output=True)
        return messages
