"""bot/conversation/local.py: the local replies for every borough (a route beyond the national lines
and the front door, or the reason there is none; for staff a LADO route or the reason; issue 15,
part 3), and in every section of a reply, open lines first and no "at any time" over a shut one
(issue 15, part 4; the signposting replies of bot/conversation/replies.py are held to it too)."""

from datetime import datetime

import pytest

from bot.conversation.local import local_support_reply, staff_routes_reply
from bot.conversation.replies import signpost_reply

NOON = datetime(2026, 11, 30, 12, 0)
CHRISTMAS_NOON = datetime(2026, 12, 25, 12, 0)  # a Friday


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


SUNDAY_23 = datetime(2026, 11, 29, 23, 0)


MOMENTS = [
    SUNDAY_23,
    CHRISTMAS_NOON,
    datetime(2026, 11, 30, 12, 0),
    datetime(2026, 11, 28, 10, 0),
    datetime(2027, 3, 29, 8, 30),
    datetime(2026, 12, 28, 21, 0),
]


CLOSED = ("closed now", "closed today")


def _sections(text: str) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("• "):
            if not sections:
                sections.append(("", []))
            sections[-1][1].append(line)
        else:
            sections.append((line, []))
    return sections


def _replies(directory, now):
    for borough in [None, *(b.id for b in directory.boroughs)]:
        yield staff_routes_reply(directory, borough, now)
        for audience in (None, "parent_carer"):
            yield local_support_reply(directory, borough, audience, "13_15", "assault", now)
        yield signpost_reply(directory, "staff_advice", None, "staff", borough, now)
        yield signpost_reply(directory, "assault", "16_17", None, borough, now)


@pytest.mark.parametrize("now", MOMENTS, ids=[m.isoformat() for m in MOMENTS])
def test_every_section_lists_open_lines_first_and_never_says_any_time_over_a_closed_one(directory, now):
    for reply in _replies(directory, now):
        for heading, bullets in _sections(reply.text):
            # a line with an out-of-hours number is reachable even when its day line is shut
            shut = [any(word in b for word in CLOSED) and "out of hours call" not in b for b in bullets]
            assert shut == sorted(shut), (heading, bullets)  # no open line after a shut one
            if "at any time" in heading.lower():
                assert not any(shut), (heading, bullets)


def test_the_croydon_dsl_at_2300_on_a_sunday_gets_an_open_route_first(directory):
    reply = staff_routes_reply(directory, "croydon", SUNDAY_23).text
    assert "at any time" not in reply
    first = next(line for line in reply.splitlines() if line.startswith("• "))
    # Croydon's front door now has its out-of-hours number (issue 15), so it is reachable first
    assert "out of hours call 020 8726 6400" in first or not any(word in first for word in CLOSED)


@pytest.mark.parametrize("when", [NOON, datetime(2026, 11, 28, 23, 0)])
@pytest.mark.parametrize("age_band", [None, "under_13", "13_15", "16_17"])
def test_no_service_is_listed_twice_in_one_local_reply(directory, age_band, when):
    # C5's first run: Haringey's front door was in "Support for people in Haringey" and again
    # under "children's services" in the same reply
    for borough in directory.boroughs:
        for topic in (None, "assault", "harassment"):
            text = local_support_reply(directory, borough.id, None, age_band, topic, when).text
            names = [line.split(":")[0] for line in text.splitlines() if line.startswith("• ")]
            assert len(names) == len(set(names)), (borough.id, age_band, topic, names)
