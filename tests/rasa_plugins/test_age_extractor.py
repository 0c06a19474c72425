"""AgeExtractor.process() on real rasa Message objects."""

import pytest

pytest.importorskip("rasa")

from rasa.engine.graph import ExecutionContext, GraphSchema  # noqa: E402
from rasa.engine.storage.local_model_storage import LocalModelStorage  # noqa: E402
from rasa.engine.storage.resource import Resource  # noqa: E402
from rasa.shared.nlu.training_data.message import Message  # noqa: E402
from rasa.shared.nlu.training_data.training_data import TrainingData  # noqa: E402

from bot.rasa_plugins.age_extractor import AgeExtractor  # noqa: E402


@pytest.fixture
def extractor(tmp_path):
    return AgeExtractor.create(
        AgeExtractor.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("age_extractor"),
        ExecutionContext(GraphSchema({}), "test"),
    )


def _ages(message):
    return [e for e in message.get("entities", []) if e["entity"] == "age_band"]


def test_sets_age_band_with_span_and_extractor(extractor):
    msg = Message.build(text="im 14")
    [out] = extractor.process([msg])
    [entity] = _ages(out)
    assert entity["value"] == "13_15"
    assert entity["start"] == 3 and entity["end"] == 5
    assert entity["extractor"] == "AgeExtractor"
    assert "entities" in out.as_dict_nlu() or out.get("entities")


@pytest.mark.parametrize(
    "text,band",
    [
        ("i'm only 12", "under_13"),
        ("im in year 9", "13_15"),
        ("17 years old", "16_17"),
        ("im 18", "18_plus"),
        ("fifteen", "13_15"),
    ],
)
def test_bands(extractor, text, band):
    [out] = extractor.process([Message.build(text=text)])
    assert [e["value"] for e in _ages(out)] == [band]


@pytest.mark.parametrize("text", ["he was 17", "she's 14", "at 3pm", "it happened 2 years ago"])
def test_no_entity_for_other_numbers(extractor, text):
    [out] = extractor.process([Message.build(text=text)])
    assert _ages(out) == []


def test_keeps_other_entities_and_does_not_duplicate(extractor):
    other = {"entity": "borough", "value": "hackney", "start": 0, "end": 7, "extractor": "LocationExtractor"}
    msg = Message.build(text="hackney im 15")
    msg.set("entities", [other], add_to_output=True)
    [out] = extractor.process([msg])
    assert out.get("entities")[0] == other
    assert [e["value"] for e in _ages(out)] == ["13_15"]
    # a second pass (or a button that already set it) never adds a second age_band
    [out] = extractor.process([out])
    assert len(_ages(out)) == 1


def test_several_messages(extractor):
    msgs = [Message.build(text=t) for t in ("yo", "im 16", "he is 16")]
    out = extractor.process(msgs)
    assert [len(_ages(m)) for m in out] == [0, 1, 0]


def test_training_data_untouched(extractor):
    td = TrainingData([Message.build(text="im 14", intent="inform_age")])
    assert extractor.process_training_data(td) is td
    assert td.training_examples[0].get("entities") in (None, [])


def test_registered_with_default_recipe():
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe

    registered = DefaultV1Recipe._from_registry("AgeExtractor")
    assert registered.clazz is AgeExtractor
    assert DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR in registered.types
    assert registered.is_trainable is False
