"""Local help for every borough (issue 15, part 3): beyond the national lines and the front door,
a local or sub-regional specialist route or the recorded reason there is none, and for staff a
LADO route or the reason."""

from datetime import datetime

from bot.conversation.local import local_support_reply, staff_routes_reply

NOON = datetime(2026, 11, 30, 12, 0)


def _national_or_front_door(directory, line, borough):
    name = line[2:].split(":")[0]
    service = next((s for s in directory.services if s.name == name), None)
    return service is not None and ("national" in service.areas or service.id == borough.front_door)


def test_every_borough_names_a_route_beyond_the_national_lines_and_the_front_door_or_says_why(directory):
    for borough in directory.boroughs:
        text = local_support_reply(directory, borough.id, None, "13_15", None, NOON).text
        bullets = [line for line in text.splitlines() if line.startswith("• ")]
        beyond = [line for line in bullets if not _national_or_front_door(directory, line, borough)]
        local = [s for s in directory.services if borough.id in s.areas and s.role == "local"] + [
            s
            for s in directory.services
            if borough.id in s.areas
            and "london" not in s.areas
            and len(s.areas) > 1
            and s.role not in ("front_door", "lado")
        ]
        assert beyond, borough.id  # at least the Havens, London-wide
        if local:
            assert any(s.name in text for s in local), borough.id
        else:
            assert (
                borough.local_help_note
                and f"I don't know a current local specialist service in {borough.name}" in text
            )


def test_the_local_help_notes_say_what_was_searched_and_when(directory):
    noted = [b for b in directory.boroughs if b.local_help_note]
    assert noted and all("search tool on 2026-11-30" in b.local_help_note for b in noted)


def test_under_13s_are_never_given_the_havens_number_in_local_help(directory):
    havens = directory.get("the_havens")
    for borough in directory.boroughs:
        text = local_support_reply(directory, borough.id, None, "under_13", None, NOON).text
        assert havens.phone not in text, borough.id


def test_every_borough_gives_staff_a_lado_route_or_the_reason(directory):
    for borough in directory.boroughs:
        text = staff_routes_reply(directory, borough.id, NOON).text
        lado_section = text.split("LADO (allegations against staff):", 1)[1].splitlines()[1]
        if borough.lado:
            assert directory.get(borough.lado).name in lado_section, borough.id
        else:
            assert "I don't have a checked LADO contact" in lado_section and borough.lado_note


def test_front_doors_link_to_the_page_their_facts_came_from_not_the_council_home_page(directory):
    from urllib.parse import urlparse

    for service in directory.services:
        if service.role == "front_door" and service.web:
            same_site = [
                s
                for s in service.sources
                if urlparse(s).netloc.removeprefix("www.")
                == urlparse(service.web).netloc.removeprefix("www.")
                and urlparse(s).path.strip("/")
            ]
            if same_site:
                assert urlparse(service.web).path.strip("/"), service.id
