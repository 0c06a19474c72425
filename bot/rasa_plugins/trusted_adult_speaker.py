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

from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.conversation.trusted_adults import DEFAULT_FILE, TrustedAdultPatterns, current_patterns, speaker_of
from bot.rasa_plugins.rule_entity_extractor import PatternFileExtractor

SPEAKER_ENTITY = "speaker"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class TrustedAdultSpeaker(PatternFileExtractor):
    """Appends a ``speaker`` entity (spanning the whole message) when the writer shows they are a
    trusted adult."""

    ENTITY = SPEAKER_ENTITY
    DEFAULT_FILE = DEFAULT_FILE
    read_patterns = staticmethod(current_patterns)  # not `load`: GraphComponent.load builds it from a model

    @staticmethod
    def find(text: str, patterns: TrustedAdultPatterns) -> Optional[tuple[str, int, int]]:
        speaker = speaker_of(text, patterns)
        return None if speaker is None else (speaker, 0, len(text))
