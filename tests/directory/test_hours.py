"""bot/directory/hours.py: opening hours read from data/services/, on bank holidays too (issue 15,
part 4), and refused when they make no sense."""

from datetime import datetime

import pytest

from bot.directory.hours import HoursError, parse_hours

CHRISTMAS_NOON = datetime(2026, 12, 25, 12, 0)  # a Friday


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
