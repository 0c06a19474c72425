"""What the deterministic entity extractors share (AgeExtractor, LocationExtractor,
TrustedAdultSpeaker): built from config.yml alone, never trained, and each adds one entity it
found by rule with certainty.

    RuleEntityExtractor.add_entity(message, kept, type, value, start, end)
        sets the message's entities to `kept` plus one {entity, value, start, end,
        confidence 1.0, extractor} (start/end: character offsets in the message text)
"""

from __future__ import annotations

from typing import Any

from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_plugins.config_component import ConfigComponent


class RuleEntityExtractor(ConfigComponent, EntityExtractorMixin):
    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        """Training data is left untouched: DIET must never learn these entities."""
        return training_data

    def add_entity(
        self, message: Message, kept: list[dict], entity_type: str, value: Any, start: int, end: int
    ) -> None:
        entity = {
            ENTITY_ATTRIBUTE_TYPE: entity_type,
            ENTITY_ATTRIBUTE_VALUE: value,
            ENTITY_ATTRIBUTE_START: start,
            ENTITY_ATTRIBUTE_END: end,
            ENTITY_ATTRIBUTE_CONFIDENCE: 1.0,
        }
        message.set(ENTITIES, [*kept, *self.add_extractor_name([entity])], add_to_output=True)
