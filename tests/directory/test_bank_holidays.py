"""bot/directory/bank_holidays.py: England's bank holidays, from the `holidays` package (issue 15,
part 4)."""

from datetime import date

from bot.directory.bank_holidays import bank_holiday


def test_bank_holidays_come_from_the_library():
    assert bank_holiday(date(2026, 12, 25)) == "Christmas Day"
    assert bank_holiday(date(2027, 3, 29)) == "Easter Monday"
    assert bank_holiday(date(2026, 12, 28))  # Boxing Day falls on a Saturday: substitute Monday
    assert bank_holiday(date(2026, 12, 26)) is None  # the Saturday itself is an ordinary weekend day
    assert bank_holiday(date(2026, 12, 24)) is None
