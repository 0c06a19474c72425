"""How old a listing's facts are, in two honestly named dates (issue 15).

- `source_date`: the date shown on the page the facts were read from. A page may give only a
  year or a month, so the value is a `SourceDate` keeping that precision ("2021", "2020-04",
  "2022-07-14"), or None when the page is undated. It says when the page was written, not that
  anyone checked the service.
- `confirmed`: the date a person last confirmed the facts on the live service (the service's own
  page or by phone), or None until someone has. Recorded by `python -m bot directory confirm`.

A listing is *current* only when it was confirmed within CONFIRMED_FOR_DAYS. Everything else is
shown with its age ("Info from 2022"), so a reply never presents an old page as a check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

CONFIRMED_FOR_DAYS = 180
_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?$")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, order=True)
class SourceDate:
    """A date with the precision the page gave: year, year-month or a full day."""

    earliest: date  # first day the value can mean (used for age: never flatters)
    text: str  # as written in the YAML: "2021", "2020-04", "2022-07-14"

    @property
    def year(self) -> int:
        return self.earliest.year

    def words(self) -> str:
        """ "2021", "Apr 2020" or "14 Jul 2022"."""
        parts = self.text.split("-")
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return f"{self.earliest.day} {_MONTHS[self.earliest.month - 1]} {self.earliest.year}"


class SourceDateError(ValueError):
    """Readable reason why a source_date value is malformed."""


def parse_source_date(value) -> SourceDate | None:
    """YAML value -> SourceDate. Accepts a date (2022-07-14), a year (2021 or "2021"), a month
    ("2020-04"), or null. Raises SourceDateError otherwise."""
    if value is None:
        return None
    if isinstance(value, date):
        return SourceDate(value, value.isoformat())
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        match = _PARTIAL.match(value.strip())
        if match:
            year, month = int(match.group(1)), int(match.group(2) or 1)
            if 1990 <= year and 1 <= month <= 12:
                return SourceDate(date(year, month, 1), value.strip())
    raise SourceDateError(
        f'\'{value}\' is not a date: write YYYY-MM-DD, or "YYYY-MM" or "YYYY" '
        "when the page gives only a month or a year, or null when it is undated"
    )


def freshness_date(confirmed: date | None, source_date: SourceDate | None) -> date | None:
    """The date the listing's facts are as old as: the confirmation, else the source's date."""
    if confirmed is not None:
        return confirmed
    return source_date.earliest if source_date is not None else None


def is_current(confirmed: date | None, today: date) -> bool:
    """Confirmed by a person within CONFIRMED_FOR_DAYS days of `today`."""
    return confirmed is not None and 0 <= (today - confirmed).days <= CONFIRMED_FOR_DAYS


def age_words(confirmed: date | None, source_date: SourceDate | None, today: date) -> str | None:
    """What a reply says about a listing's age; None when it is current.

    "Last checked Mar 2026" / "Info from 2022" / "Info from an undated page"."""
    if is_current(confirmed, today):
        return None
    if confirmed is not None:
        return f"Last checked {_MONTHS[confirmed.month - 1]} {confirmed.year}"
    if source_date is not None:
        return f"Info from {source_date.words()}"
    return "Info from an undated page"
