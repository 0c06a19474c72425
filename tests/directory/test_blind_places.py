"""Checks data, not a module: the blind place set (tests/directory/blind_places.yml, written by
someone who never saw this code) scored through the resolver and the local replies, and the kinds
of failure issue 15 names. First-run figures: docs/places-blind-set.md."""

from datetime import datetime

import pytest

from bot.conversation.local import clarify_location_reply, local_support_reply
from bot.directory.location import resolve_location
from bot.directory.place_eval import PASSING, load, score

# Figures of the resolver after issue 15's third pass (2026-11-30, docs/places-blind-set.md): a
# regression gate, not a target.
PASSES_AT_LEAST = 269


def test_blind_set_never_sends_anyone_to_a_wrong_borough_and_keeps_its_passes():
    result = score(load())
    assert result["outcomes"]["wrong"] == 0, [
        (i["text"], said) for i, o, said in result["failures"] if o == "wrong"
    ]
    assert sum(result["outcomes"][k] for k in PASSING) >= PASSES_AT_LEAST


def test_every_refusal_in_the_blind_set_gets_no_borough():
    for item in load():
        if item["kind"] == "refusal":
            assert resolve_location(item["text"]).kind in ("unknown", "not_given"), item["text"]


@pytest.mark.parametrize(
    "text,options",
    [
        ("SW1", {"westminster", "kensington_and_chelsea"}),
        ("EC1", {"islington", "camden", "city_of_london"}),
        ("EC2", {"city_of_london", "hackney", "islington"}),
        ("WC2", {"westminster", "camden"}),
        ("W1", {"westminster"}),
        ("ec 2", {"city_of_london", "hackney", "islington"}),
    ],
)
def test_parent_districts_resolve_by_their_sectors(text, options):
    result = resolve_location(text)
    assert result.kind in ("borough", "ambiguous")
    assert ({result.borough} if result.borough else set(result.options)) <= options | {
        "hackney",
        "tower_hamlets",
    }


def test_e8_is_hackney_because_homes_outvote_a_cluster_at_one_grid_point():
    for text in ("E8", "e 8", "im in e8", "E8 3"):
        assert resolve_location(text).borough == "hackney", text


def test_a_district_split_with_the_rest_of_england_offers_the_choice():
    result = resolve_location("DA1")
    assert result.kind == "ambiguous" and set(result.options) == {"bexley", "outside_london"}
    reply = clarify_location_reply(_directory(), list(result.options))
    assert [title for title, _ in reply.buttons] == ["Bexley", "Outside London"]


@pytest.mark.parametrize(
    "text,borough",
    [
        ("Camberwell", "southwark"),
        ("Orpington", "bromley"),
        ("Sidcup", "bexley"),
        ("Golders Green", "barnet"),
        ("i live in purley", "croydon"),
        ("Canary Wharf", "tower_hamlets"),
    ],
)
def test_neighbourhoods_and_towns_from_the_gazetteer(text, borough):
    """Camberwell's GeoNames point sits near Lambeth, but the page in areas.yml says Southwark."""
    result = resolve_location(text)
    assert (result.kind, result.borough) == ("borough", borough)


def test_kilburn_offers_the_boroughs_its_page_names():
    """Kilburn High Road is the Brent/Camden boundary; its page also names Westminster."""
    result = resolve_location("Kilburn")
    assert result.kind == "ambiguous" and set(result.options) == {"brent", "camden", "westminster"}


def test_edgware_and_hayes_offer_the_boroughs_they_straddle():
    assert set(resolve_location("Edgware").options) == {"barnet", "harrow"}
    assert set(resolve_location("hayes").options) == {"bromley", "hillingdon"}


@pytest.mark.parametrize(
    "text,borough",
    [
        ("peckam", "southwark"),
        ("lambth", "lambeth"),
        ("enfeild", "enfield"),
        ("wimbeldon", "merton"),
        ("kensinton", "kensington_and_chelsea"),
    ],
)
def test_short_misspellings_of_known_names(text, borough):
    assert resolve_location(text).borough == borough


def test_a_near_miss_of_a_gazetteer_place_is_only_offered():
    result = resolve_location("orpinton")  # one letter from Orpington: offered, not assumed
    assert result.kind == "ambiguous" and result.borough is None and result.options == ("bromley",)


def test_crayford_is_bexley_not_a_near_miss_of_cranford():
    """Crayford (areas.yml, its page) is one letter from Cranford (Hillingdon/Hounslow)."""
    assert resolve_location("crayford").borough == "bexley"


@pytest.mark.parametrize(
    "text", ["Tottenham Court Road", "West Kensington", "Oxford Circus", "Liverpool Street"]
)
def test_a_name_inside_a_road_or_another_place_is_not_that_place(text):
    result = resolve_location(text)
    assert result.kind not in ("borough", "outside_london") or (text, result.borough) == (
        "Oxford Circus",
        "westminster",
    )


@pytest.mark.parametrize(
    "text", ["idk", "dunno", "i'd rather not say", "not telling u", "why do u need that", "no idea tbh", "?"]
)
def test_declining_gets_the_routes_that_need_no_place(text):
    result = resolve_location(text)
    assert result.kind == "not_given" and result.borough == "not_given"
    reply = local_support_reply(_directory(), result.borough, None, "13_15", None, datetime(2026, 11, 30, 12))
    assert "you don't have to say where you are" in reply.text and "Childline" in reply.text


@pytest.mark.parametrize(
    "text",
    [
        "i dont know what to do",
        "im not sure if it was my fault, it happened at school and i dont know who to tell",
        "he was acting weird",
        "send help",
        "not sure why he did that to me",
        "idk if im ready",
        "idk maybe another day",
        "idk where to start",
        "idk if this counts",
    ],
)
def test_sentences_are_not_read_as_places_or_refusals(text):
    assert resolve_location(text).kind == "unknown"


def _directory():
    from bot.directory import load_directory

    return load_directory()
