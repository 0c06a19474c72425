"""What the NLU components Rasa builds from config.yml alone share: nothing trained, nothing
stored, so `create` is the same for each (AgeExtractor, LocationExtractor, TrustedAdultSpeaker,
SocialIntentGuard, DisclosureFallback, SafetyNet).

    class MyComponent(ConfigComponent): ...   Rasa calls MyComponent.create(config, ...), which
                                              returns MyComponent(config merged over
                                              get_default_config())
"""

from __future__ import annotations

from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage


class ConfigComponent(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls({**cls.get_default_config(), **config})
