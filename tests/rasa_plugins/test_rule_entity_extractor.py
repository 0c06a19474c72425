"""The pattern-file extractors (bot.rasa_plugins.rule_entity_extractor) must keep Rasa's own
GraphComponent.load: a trained model builds each component with load(config, model_storage,
resource, execution_context). Naming the pattern reader `load` (review item D1) trained fine and
then stopped every model from loading ("current_patterns() got an unexpected keyword argument
'config'"), found replaying C11 on issue-13-c11a."""

from __future__ import annotations

import inspect

import pytest

from bot.rasa_plugins.location_extractor import LocationExtractor
from bot.rasa_plugins.phone_access_extractor import PhoneAccessExtractor
from bot.rasa_plugins.trusted_adult_speaker import TrustedAdultSpeaker
from bot.rasa_plugins.age_extractor import AgeExtractor


@pytest.mark.parametrize(
    "component", [TrustedAdultSpeaker, PhoneAccessExtractor, LocationExtractor, AgeExtractor]
)
def test_a_trained_model_can_build_each_rule_extractor(component):
    assert "config" in inspect.signature(component.load).parameters
    built = component.load({}, model_storage=None, resource=None, execution_context=None)
    assert isinstance(built, component)
