"""Checks data, not a module: places by kind (issue 15), TfL station names (bot/directory/data/stations.json) and
neighbourhoods and nicknames a page names (data/areas.yml), each resolved to its borough.
Phrasings here are our own; the blind set's are scored apart (place_eval, docs/places-blind-set.md)."""

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.directory.boroughs import london_boroughs
from bot.directory.location import resolve_location

DATA = Path(__file__).resolve().parents[2] / "bot" / "directory" / "data"
AREAS = yaml.safe_load((DATA / "areas.yml").read_text(encoding="utf-8"))
STATIONS = json.loads((DATA / "stations.json").read_text(encoding="utf-8"))
IDS = set(london_boroughs())


def _said(result):
    return {result.borough} if result.kind in ("borough", "outside_london") else set(result.options)


@pytest.mark.parametrize("kind", ["neighbourhoods", "nicknames"])
def test_every_sourced_name_carries_its_page_the_day_it_was_read_and_real_boroughs(kind):
    for name, entry in AREAS[kind].items():
        assert entry["boroughs"] and set(entry["boroughs"]) <= IDS, name
        assert re.match(r"https?://\S+$", entry["source"]), name
        assert isinstance(entry["read"], date) and entry["says"], name
        assert "confirmed" not in entry, name  # a page read is not a confirmation


def test_the_station_table_says_where_it_comes_from_and_names_only_real_areas():
    assert "Powered by TfL Open Data" in STATIONS["attribution"] and "ONS" in STATIONS["attribution"]
    for name, entry in STATIONS["stations"].items():
        for reading in ("station", "area"):
            assert entry[reading] and set(entry[reading]) <= IDS | {"outside_london"}, name


@pytest.mark.parametrize(
    "kind,cue",
    [
        ("neighbourhoods", "i live in {}"),
        ("neighbourhoods", "{}"),
        ("nicknames", "im near {}"),
        ("nicknames", "{}"),
    ],
)
def test_each_sourced_name_resolves_as_its_page_says_and_asks_when_it_names_several(kind, cue):
    for name, entry in AREAS[kind].items():
        result = resolve_location(cue.format(name))
        wanted = entry["boroughs"]
        if len(wanted) == 1:
            assert (result.kind, result.borough) == ("borough", wanted[0]), (name, result)
        else:  # never a guess between the boroughs a page names
            assert result.kind == "ambiguous" and list(result.options) == wanted, (name, result)


@pytest.mark.parametrize(
    "text,areas",
    [
        ("im at paddington station", {"westminster"}),
        ("outside brixton tube", {"lambeth"}),
        ("near highbury & islington station", {"islington"}),
        ("waiting at walthamstow central", {"waltham_forest"}),
        ("canary wharf dlr", {"tower_hamlets"}),
        ("at the monument tube station", {"city_of_london"}),
        ("im at angel station", {"islington"}),
        ("stuck at edgware road station", {"westminster"}),
    ],
)
def test_a_station_named_with_station_or_tube_resolves_by_the_postcodes_around_it(text, areas):
    result = resolve_location(text)
    assert result.kind in ("borough", "ambiguous") and _said(result) == areas, (text, result)


@pytest.mark.parametrize(
    "text",
    [
        "i left my bag at the bank",
        "my friend victoria",
        "she is an angel",
        "we went past the monument",
        "it was at the temple",
        "near the oval",
        "at royal oak",
        "at green park",
    ],
)
def test_a_station_name_that_is_an_everyday_word_counts_only_with_station(text):
    assert resolve_location(text).kind == "unknown", text


@pytest.mark.parametrize(
    "text", ["edgware road", "i live on finchley road", "holloway road", "old street", "in baker street"]
)
def test_a_station_named_after_a_road_is_not_placed_by_the_bare_road(text):
    """A road can run far from its station and through several boroughs (Edgware Road, Finchley
    Road): only '<name> station' places it."""
    assert resolve_location(text).kind == "unknown", text


def test_a_bare_station_name_near_a_boundary_offers_the_boroughs_around_it():
    result = resolve_location("i live near kings cross st pancras")
    assert result.kind == "ambiguous" and set(result.options) == {"camden", "islington"}


def test_stations_outside_london_are_outside_london():
    for text in ("epping", "im from amersham", "watford junction station"):
        assert resolve_location(text).kind == "outside_london", text


def test_a_page_wins_over_the_station_and_gazetteer_for_the_same_name():
    """Hampstead station is in Camden, but the page names Barnet too: the choice."""
    assert STATIONS["stations"]["hampstead"]["area"] == ["camden"]
    assert set(resolve_location("hampstead").options) == {"camden", "barnet"}
    assert resolve_location("hampstead station").borough == "camden"


@pytest.mark.parametrize(
    "text",
    [
        "it is the elephant in the room",
        "thats the elephant in the room tbh",
        "we will stow the bags",
        "we saw the elephants at the zoo",
    ],
)
def test_nicknames_are_not_read_inside_ordinary_sentences(text):
    assert resolve_location(text).kind == "unknown", text


def test_a_station_named_after_a_place_and_more_offers_both():
    """Wanstead Park station is in Newham, Wanstead in Redbridge: the bare name may mean either.
    A linked name ("Bromley-by-Bow") is one place, not Bromley and more."""
    assert set(resolve_location("wanstead park").options) == {"newham", "redbridge"}
    assert resolve_location("wanstead park station").borough == "newham"
    assert resolve_location("bromley by bow").borough == "tower_hamlets"
