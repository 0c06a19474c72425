from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.location_extractor import LocationExtractor


def run(text):
    message = Message(data={"text": text})
    LocationExtractor({}).process([message])
    return message.get("entities") or []


def test_borough_entity():
    (entity,) = run("my postcode is SE15")
    assert entity["entity"] == "borough" and entity["value"] == "southwark"
    assert entity["extractor"] == "LocationExtractor"
    assert "my postcode is SE15"[entity["start"] : entity["end"]] == "SE15"


def test_outside_london_entity():
    (entity,) = run("i'm in manchester")
    assert (entity["entity"], entity["value"]) == ("borough", "outside_london")


def test_split_district_gives_options():
    (entity,) = run("N1")
    assert entity["entity"] == "borough_options" and entity["value"].split(",")[:2] == [
        "islington",
        "hackney",
    ]


def test_full_postcode_never_becomes_a_value_or_span():
    text = "i live at SE15 4QN"
    (entity,) = run(text)
    assert entity["value"] == "southwark"
    assert "4QN" not in str(entity).upper() and text[entity["start"] : entity["end"]] == "SE15"


def test_no_place_no_entity_and_other_entities_kept():
    message = Message(data={"text": "hello", "entities": [{"entity": "age_band", "value": "13_15"}]})
    LocationExtractor({}).process([message])
    assert message.get("entities") == [{"entity": "age_band", "value": "13_15"}]
