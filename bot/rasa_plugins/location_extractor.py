"""`LocationExtractor`: a deterministic Rasa 3.6 NLU component that sets the `borough` entity
(a borough id, "outside_london", or "not_given" when the user declines to say) or `borough_options` (comma-joined ids when an outward
postcode is split between boroughs). The only file in bot/directory that imports Rasa.

config.yml: `- name: bot.rasa_plugins.location_extractor.LocationExtractor`. A full postcode in
the message is reduced to its district inside resolve_location; the entity value is always an
id, never the postcode, and its span covers only the district or place name.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.rule_entity_extractor import RuleEntityExtractor
from bot.directory.location import resolve_location

BOROUGH_ENTITY = "borough"
OPTIONS_ENTITY = "borough_options"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LocationExtractor(RuleEntityExtractor):
    """Appends one `borough` or `borough_options` entity when a message names a place."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    def __init__(self, config: Dict[Text, Any] | None = None) -> None:
        self._config = {**self.get_default_config(), **(config or {})}

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            result = resolve_location(message.get(TEXT) or "")
            if result.kind in (
                "borough",
                "outside_london",
                "not_given",
            ):  # not_given: "idk", "rather not say"
                entity_type, value = BOROUGH_ENTITY, result.borough
            elif result.kind == "ambiguous":
                entity_type, value = OPTIONS_ENTITY, ",".join(result.options)
            else:
                continue
            self.replace_entity(
                message, entity_type, value, result.start, result.end, drop=(BOROUGH_ENTITY, OPTIONS_ENTITY)
            )
        return messages
