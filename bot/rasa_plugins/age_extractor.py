"""`AgeExtractor`: a deterministic Rasa 3.6 NLU component that sets the `age_band` entity.

config.yml lists it as ``bot.rasa_plugins.age_extractor.AgeExtractor`` (after the tokenizer; it needs
no features). It never trains and never touches DIET: the parsing lives in
:mod:`bot.nlu.age_parsing` (``age_band_from_text``), which only reads the writer's OWN present
age ("im 14", "14 yo", "im in year 9") and rounds a school year down to its lower age.

The entity it appends::

    {"entity": "age_band", "value": "13_15", "start": 3, "end": 5,
     "confidence": 1.0, "extractor": "AgeExtractor"}
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_TYPE,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.rule_entity_extractor import RuleEntityExtractor
from bot.nlu.age_parsing import find_age

AGE_BAND_ENTITY = "age_band"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class AgeExtractor(RuleEntityExtractor):
    """Appends an ``age_band`` entity when the user states their own age."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """No options: the patterns are fixed and tested (tests/nlu/)."""
        return {}

    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        self._config = {**self.get_default_config(), **(config or {})}

    def process(self, messages: List[Message]) -> List[Message]:
        """Add at most one ``age_band`` entity per message (none if one is already there)."""
        for message in messages:
            entities = list(message.get(ENTITIES, []) or [])
            if any(e.get(ENTITY_ATTRIBUTE_TYPE) == AGE_BAND_ENTITY for e in entities):
                continue
            hit = find_age(message.get(TEXT))
            if hit is None:
                continue
            self.add_entity(message, entities, AGE_BAND_ENTITY, hit.band, hit.start, hit.end)
        return messages
