"""DirectoryNLG fills placeholders from the directory and refuses to start on a missing fact."""

from __future__ import annotations

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.rasa_plugins.directory_nlg import DirectoryNLG
from bot.nlg.placeholders import UnresolvedPlaceholder, fill_text


def domain_with(text: str) -> Domain:
    return Domain.from_dict(
        {
            "responses": {
                "utter_x": [
                    {
                        "text": text,
                        "custom": {"urgency": "crisis"},
                        "buttons": [{"title": "[[childline.phone]]", "payload": "/greet"}],
                    }
                ]
            }
        }
    )


def test_field_placeholder_is_the_listing_value(directory):
    assert fill_text("call [[childline.phone]]", directory) == f"call {directory.get('childline').phone}"


def test_whole_listing_placeholder_is_its_contact_line(directory):
    filled = fill_text("[[samaritans]]", directory)
    assert "Samaritans" in filled and "116 123" in filled


def test_unknown_listing_or_empty_field_is_refused(directory):
    with pytest.raises(UnresolvedPlaceholder):
        fill_text("[[no_such_service.phone]]", directory)
    with pytest.raises(UnresolvedPlaceholder):
        fill_text("[[report_remove.phone]]", directory)  # Report Remove has no phone line


async def test_generate_fills_text_buttons_and_keeps_the_marker(directory):
    nlg = DirectoryNLG(
        EndpointConfig(type="bot.rasa_plugins.directory_nlg.DirectoryNLG"),
        domain_with("Call [[emergency_999.phone]] or [[childline]]"),
    )
    message = await nlg.generate("utter_x", DialogueStateTracker("t", []), "rest")
    assert message["text"].startswith("Call 999 or Childline")
    assert message["buttons"][0]["title"] == "0800 1111"
    assert message["custom"] == {"urgency": "crisis"}
    assert "[[" not in str(message)


def test_nlg_refuses_to_start_when_a_response_names_a_missing_fact():
    with pytest.raises(ValueError, match="no_such_service"):
        DirectoryNLG(EndpointConfig(type="x"), domain_with("[[no_such_service]]"))


def test_rasa_loads_the_nlg_named_in_endpoints_yml(repo):
    from rasa.core.nlg.generator import NaturalLanguageGenerator
    from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(str(repo / "endpoints.yml"), "nlg")
    nlg = NaturalLanguageGenerator.create(config, Domain.load(str(repo / "domain.yml")))
    assert isinstance(nlg, DirectoryNLG)
