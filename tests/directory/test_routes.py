"""data/services/routes.yml: which services each topic offers lives in one validated file."""

from __future__ import annotations

import shutil

import pytest

from bot.directory.loader import load_directory
from bot.directory.reload import DirectoryCache
from bot.directory.routes import DEFAULT_PATH, load_routes, route_problems
from bot.directory.select import Situation, select_services
from bot.directory.validate import check_directory


def test_the_shipped_routes_name_only_listings_that_exist(directory):
    assert route_problems(load_routes(), [s.id for s in directory.services]) == []
    assert directory.routes == load_routes()  # the loaded directory carries them


def test_one_crisis_list_serves_the_self_harm_topic():
    routes = load_routes()
    assert routes.for_topic("self_harm") == routes.crisis


def test_an_unknown_topic_gets_the_default_list():
    routes = load_routes()
    assert routes.for_topic("no_such_topic") == routes.for_topic(None)


def _copy_of_services(tmp_path):
    root = tmp_path / "services"
    shutil.copytree(DEFAULT_PATH.parent, root)
    return root


def test_a_routes_edit_changes_what_is_offered(tmp_path):
    root = _copy_of_services(tmp_path)
    routes = root / "routes.yml"
    routes.write_text(
        routes.read_text().replace(
            "image_abuse: [report_remove, ceop_safety_centre,",
            "image_abuse: [ceop_safety_centre, report_remove,",
        )
    )
    offers = select_services(load_directory(root), Situation(topic="image_abuse", age_band="13_15"))
    assert offers[0].service.id == "ceop_safety_centre"


@pytest.mark.parametrize(
    "edit,problem",
    [
        ("image_abuse: [report_remove,", "image_abuse: [report_remove, no_such_listing,"),
        ("grooming: [ceop_safety_centre,", "grooming: [childline, ceop_safety_centre,"),  # childline twice
    ],
)
def test_the_validator_refuses_a_route_naming_nothing_or_naming_twice(tmp_path, edit, problem):
    root = _copy_of_services(tmp_path)
    (root / "routes.yml").write_text((root / "routes.yml").read_text().replace(edit, problem))
    errors = [p.message for p in check_directory(root).errors]
    assert any("no_such_listing" in e or "named twice" in e for e in errors), errors


def test_the_validator_refuses_a_missing_routes_file(tmp_path):
    root = _copy_of_services(tmp_path)
    (root / "routes.yml").unlink()
    assert any("routes.yml" in p.file for p in check_directory(root).errors)


def test_a_broken_routes_edit_keeps_the_last_good_routes_for_urgent_replies(tmp_path):
    # the routes load with the listings, so the directory's cache refuses a broken edit whole
    root = _copy_of_services(tmp_path)
    cache = DirectoryCache(root)
    good = cache.get().routes
    (root / "routes.yml").write_text("crisis: [unclosed\n")
    assert cache.get().routes == good
