"""England and Wales bank holidays, from the `holidays` package (kept up to date upstream, MIT):
London services follow the England calendar (GOV.UK's "england-and-wales" division)."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import holidays


@lru_cache(maxsize=16)
def _year(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def bank_holiday(day: date) -> str | None:
    """The bank holiday's name on `day` in England ("Christmas Day", "Boxing Day (observed)"), or
    None on an ordinary day. A holiday falling on a Saturday or Sunday is an ordinary weekend
    day: the bank holiday is the weekday substitute ("(observed)"), as on GOV.UK's list."""
    if day.weekday() >= 5:
        return None
    return _year(day.year).get(day)
