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

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.conversation.phone_access import (
    DEFAULT_FILE,
    KIND,
    PhoneAccessPatterns,
    cannot_call,
    current_patterns,
)
from bot.rasa_plugins.rule_entity_extractor import PatternFileExtractor

PHONE_ACCESS_ENTITY = "phone_access"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class PhoneAccessExtractor(PatternFileExtractor):
    """Appends a ``phone_access`` entity when the writer says they cannot use a voice call."""

    ENTITY = PHONE_ACCESS_ENTITY
    DEFAULT_FILE = DEFAULT_FILE
    read_patterns = staticmethod(current_patterns)  # not `load`: GraphComponent.load builds it from a model

    @staticmethod
    def find(text: str, patterns: PhoneAccessPatterns) -> Optional[tuple[str, int, int]]:
        span = cannot_call(text, patterns)
        return None if span is None else (KIND, *span)
