"""What the deterministic entity extractors share (AgeExtractor, LocationExtractor,
TrustedAdultSpeaker, PhoneAccessExtractor): built from config.yml alone, never trained, and each
adds one entity it found by rule with certainty.

    RuleEntityExtractor.add_entity(message, kept, type, value, start, end)
        sets the message's entities to `kept` plus one {entity, value, start, end,
        confidence 1.0, extractor} (start/end: character offsets in the message text)
    RuleEntityExtractor.replace_entity(message, type, value, start, end, drop=(type,))
        the same, after dropping any entity the message already has of the types in `drop`
    PatternFileExtractor
        an extractor whose patterns live in one YAML file (config `patterns_file`, default the
        subclass's DEFAULT_FILE; reread when it changes, a broken file stops the model loading);
        a subclass names ENTITY, `read_patterns(path) -> patterns` and `find(text, patterns) ->
        (value, start, end) | None`
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Text

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

    def replace_entity(
        self,
        message: Message,
        entity_type: str,
        value: Any,
        start: int,
        end: int,
        drop: tuple[str, ...] | None = None,
    ) -> None:
        # a rule is certain: what DIET guessed for the same entity type must not sit beside it
        dropped = drop or (entity_type,)
        kept = [e for e in (message.get(ENTITIES) or []) if e.get(ENTITY_ATTRIBUTE_TYPE) not in dropped]
        self.add_entity(message, kept, entity_type, value, start, end)


class PatternFileExtractor(RuleEntityExtractor):
    ENTITY: str
    DEFAULT_FILE: Path

    @staticmethod
    def read_patterns(path: Path) -> Any:
        """The file's checked patterns, reread when the file changes (ValueError if broken)."""
        raise NotImplementedError

    @staticmethod
    def find(text: str, patterns: Any) -> Optional[tuple[Any, int, int]]:
        """(entity value, start, end) for the first match in `text`, or None."""
        raise NotImplementedError

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """`patterns_file`: default the class's DEFAULT_FILE."""
        return {"patterns_file": None}

    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        self._config = {**self.get_default_config(), **(config or {})}
        self._path = Path(self._config["patterns_file"] or self.DEFAULT_FILE)
        self.read_patterns(self._path)  # a broken file stops the model loading, not a message

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            found = self.find(message.get(TEXT) or "", self.read_patterns(self._path))
            if found is not None:
                self.replace_entity(message, self.ENTITY, *found)
        return messages
