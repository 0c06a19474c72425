"""Time (issue 15, part 4): England's bank holidays from the `holidays` package, open-now first in
every section of a reply, and no "at any time" heading over a closed line."""

from datetime import date, datetime

import pytest

from bot.conversation.local import local_support_reply, staff_routes_reply
from bot.conversation.replies import signpost_reply
from bot.directory.bank_holidays import bank_holiday
from bot.directory.hours import HoursError, parse_hours
from bot.directory.render import contact_line

CHRISTMAS_NOON = datetime(2026, 12, 25, 12, 0)  # a Friday
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


def test_bank_holidays_come_from_the_library():
    assert bank_holiday(date(2026, 12, 25)) == "Christmas Day"
    assert bank_holiday(date(2027, 3, 29)) == "Easter Monday"
    assert bank_holiday(date(2026, 12, 28))  # Boxing Day falls on a Saturday: substitute Monday
    assert bank_holiday(date(2026, 12, 26)) is None  # the Saturday itself is an ordinary weekend day
    assert bank_holiday(date(2026, 12, 24)) is None


def test_a_weekday_only_service_is_closed_on_a_bank_holiday():
    office = parse_hours({"mon-fri": "09:00-17:00"})
    assert office.is_open(datetime(2026, 12, 24, 12)) is True
    assert office.is_open(CHRISTMAS_NOON) is False


def test_weekend_hours_leave_a_bank_holiday_unknown_unless_the_file_says():
    helpline = parse_hours({"mon-fri": "08:00-22:00", "sat-sun": "09:00-18:00"})
    assert helpline.is_open(CHRISTMAS_NOON) is None
    given = parse_hours({"mon-fri": "08:00-22:00", "sat-sun": "09:00-18:00", "bank_holidays": "10:00-16:00"})
    assert given.is_open(CHRISTMAS_NOON) is True and given.is_open(datetime(2026, 12, 25, 17)) is False
    assert "bank holidays 10am-4pm" in given.describe()
    shut = parse_hours({"mon-sun": "09:00-18:00", "bank_holidays": "closed"})
    assert shut.is_open(CHRISTMAS_NOON) is False and "closed on bank holidays" in shut.describe()


def test_a_night_line_that_began_before_the_bank_holiday_keeps_running():
    out_of_hours = parse_hours({"mon-fri": "17:00-09:00"})
    assert out_of_hours.is_open(datetime(2026, 12, 25, 3, 0)) is True  # began Thursday 24th, 17:00


@pytest.mark.parametrize(
    "value", [{"bank_holidays": "closed"}, {"mon-fri": "09:00-17:00", "bank_holidays": "sometimes"}]
)
def test_bad_bank_holiday_hours_are_refused(value):
    with pytest.raises(HoursError):
        parse_hours(value)


def test_front_doors_with_weekday_hours_show_closed_on_christmas_day(directory):
    weekday_only = [
        s
        for s in directory.services
        if s.role == "front_door"
        and s.hours.spans
        and not s.out_of_hours_phone
        and not any(k in ("sat", "sun") or "sat" in k or "sun" in k for k, _ in s.hours.spans)
    ]
    assert len(weekday_only) >= 2
    for service in weekday_only:
        assert service.hours.is_open(CHRISTMAS_NOON) is False, service.id
        assert "closed today for the bank holiday" in contact_line(service, now=CHRISTMAS_NOON)


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
