"""A writer who cannot use a voice call (deaf, hard of hearing, cannot call or speak on the phone;
data/conversation/phone_access.yml, bot/conversation/phone_access.py) sets the slot
`phone_access`, and every emergency reply then gives 999's text relay from the directory in place
of the silent-call advice (C10's first run: a deaf young person was told four times to "call 999
from a mobile, listen, cough or tap the phone"). Sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.training_data.message import Message
from rasa.utils.endpoints import EndpointConfig

from bot.conversation.phone_access import cannot_call, current_patterns, load_patterns
from bot.rasa_plugins.directory_nlg import DirectoryNLG
from bot.rasa_plugins.phone_access_extractor import PhoneAccessExtractor

REPO = Path(__file__).resolve().parents[2]
DOMAIN = Domain.load(str(REPO / "domain.yml"))
SILENT_CALL = "[[emergency_999.silent_call_note]]"
# every response that gives the silent-call advice
EMERGENCY_REPLIES = sorted(
    name
    for name, variations in DOMAIN.responses.items()
    if any(SILENT_CALL in v.get("text", "") for v in variations)
)


@pytest.mark.parametrize(
    "text",
    [
        "just so you know im deaf",
        "i'm hard of hearing so calls are tricky",
        "I have hearing aids and struggle with calls",
        "i use british sign language at home",
        "i can't really hear on the phone",
        "i cant speak properly on phones",
        "I can't do phone calls at all",
        "texting is easier for me than talking",
        "i was born deaf",
        "im partially deaf in both ears",
    ],
)
def test_saying_you_cannot_use_a_voice_call_is_recognised(text):
    assert cannot_call(text, current_patterns()) is not None


@pytest.mark.parametrize(
    "text",
    [
        "i cant call he will hear me",  # a call they cannot make now: the silent call fits
        "i cant talk right now",
        "i cant speak hes in the next room",
        "my little brother is deaf",
        "my mum is hard of hearing so she didnt hear",
        "he said he would call the police on me",
        "i turned my phone off",
    ],
)
def test_a_call_that_cannot_be_made_now_or_someone_elses_deafness_is_not(text):
    assert cannot_call(text, current_patterns()) is None


def test_a_broken_file_stops_loading(tmp_path):
    path = tmp_path / "phone_access.yml"
    path.write_text("cannot_call:\n  when:\n    - '(deaf'\n")
    with pytest.raises(ValueError):
        load_patterns(path)


def test_the_extractor_sets_the_entity_the_slot_is_filled_from():
    message = Message(data={"text": "fyi i'm deaf, typing is better"})
    PhoneAccessExtractor().process([message])
    (entity,) = message.get("entities")
    assert entity["entity"] == "phone_access" and entity["value"] == "cannot_call"
    assert "cannot_call" in next(s for s in DOMAIN.slots if s.name == "phone_access").values


def test_the_slot_is_kept_and_filled_even_on_urgent_messages():
    slot = next(s for s in DOMAIN.slots if s.name == "phone_access")
    assert slot.mappings == [{"type": "from_entity", "entity": "phone_access"}]  # no not_intent


def test_every_emergency_reply_has_a_text_relay_variation():
    assert len(EMERGENCY_REPLIES) >= 8
    for name in EMERGENCY_REPLIES:
        conditional = [v for v in DOMAIN.responses[name] if v.get("condition")]
        assert len(conditional) == 1, name
        variation = conditional[0]
        assert variation["condition"] == [{"type": "slot", "name": "phone_access", "value": "cannot_call"}]
        assert "[[emergency_999.text_relay]]" in variation["text"] and SILENT_CALL not in variation["text"], (
            name
        )
        default = next(v for v in DOMAIN.responses[name] if not v.get("condition"))
        # the same reply otherwise: the marker, the buttons, 999 first
        assert variation.get("custom") == default.get("custom"), name
        assert variation.get("buttons") == default.get("buttons"), name
        assert variation["text"].replace("text relay", "").count("[[emergency_999.phone]]") >= 1, name


def tracker(slot_value=None):
    t = DialogueStateTracker.from_events("t", [], DOMAIN.slots)
    if slot_value:
        t.update(SlotSet("phone_access", slot_value))
    return t


@pytest.mark.parametrize("name", EMERGENCY_REPLIES)
async def test_the_nlg_gives_the_text_relay_only_to_someone_who_cannot_call(name):
    nlg = DirectoryNLG(EndpointConfig(type="bot.rasa_plugins.directory_nlg.DirectoryNLG"), DOMAIN)
    relay = await nlg.generate(name, tracker("cannot_call"), "rest")
    assert "18000" in relay["text"] and "Relay UK" in relay["text"]
    assert "cough or tap" not in relay["text"]
    assert "999" in relay["text"]
    usual = await nlg.generate(name, tracker(), "rest")
    assert "cough or tap" in usual["text"] and "18000" not in usual["text"]
