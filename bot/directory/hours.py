"""Opening hours in London time: "24/7", unknown (None) or weekly day ranges.

YAML form: `"24/7"` or `{mon-fri: "09:00-17:00", sat: "10:00-14:00"}`. A range whose end is
before its start runs past midnight ("17:00-09:00"). England's bank holidays (bot.directory.
bank_holidays) replace the weekday's hours: `bank_holidays: "10:00-16:00"` or `bank_holidays:
closed` when a source gives them; otherwise a service open only on weekdays is shut on a bank
holiday (an office that keeps weekday hours), and one also open at weekends is "not known".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.directory.bank_holidays import bank_holiday

LONDON = ZoneInfo("Europe/London")
BANK_HOLIDAYS = "bank_holidays"
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAY_LABEL = {d: d.capitalize() for d in DAYS}
_RANGE = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$")


class HoursError(ValueError):
    """Readable reason why an hours value is malformed."""


@dataclass(frozen=True)
class Hours:
    always: bool = False
    # ((day_key_as_written, "HH:MM-HH:MM"), ...) kept in file order for display
    spans: tuple[tuple[str, str], ...] = ()
    bank_holidays: str | None = None  # "HH:MM-HH:MM", "closed", or None (not given)

    @property
    def known(self) -> bool:
        return self.always or bool(self.spans)

    def is_open(self, now: datetime) -> bool | None:
        """True/False for a known schedule, None when the hours are not known."""
        if self.always:
            return True
        if not self.spans:
            return None
        local = now.astimezone(LONDON) if now.tzinfo else now  # naive = London time
        minute = local.hour * 60 + local.minute
        # a night span that began yesterday keeps yesterday's rules
        for days_key, span in self.spans:
            start, end = _minutes(span)
            if start > end and minute < end and self._runs_on(days_key, local.date() - timedelta(days=1)):
                return True
        if bank_holiday(local.date()):
            return self._open_on_bank_holiday(minute)
        for days_key, span in self.spans:
            start, end = _minutes(span)
            if self._runs_on(days_key, local.date()) and (
                start <= minute < end if start < end else minute >= start
            ):
                return True
        return False

    def _runs_on(self, days_key: str, day: date) -> bool:
        """Whether a span written for `days_key` applies on `day` (not on a bank holiday, which
        has its own rule)."""
        return DAYS[day.weekday()] in expand_days(days_key) and not bank_holiday(day)

    def _open_on_bank_holiday(self, minute: int) -> bool | None:
        if self.bank_holidays == "closed":
            return False
        if self.bank_holidays:
            start, end = _minutes(self.bank_holidays)
            return start <= minute < end if start < end else minute >= start
        weekend = any(d in ("sat", "sun") for key, _ in self.spans for d in expand_days(key))
        return None if weekend else False

    def closed_for_bank_holiday(self, now: datetime) -> bool:
        """Shut now because today is a bank holiday (for the words "closed today: bank holiday")."""
        local = now.astimezone(LONDON) if now.tzinfo else now
        return bool(self.spans) and bank_holiday(local.date()) is not None and self.is_open(now) is False

    def describe(self) -> str:
        if self.always:
            return "24 hours, every day"
        if not self.spans:
            return ""
        parts = []
        for days_key, span in self.spans:
            start, end = span.split("-")
            parts.append(f"{_day_words(days_key)} {_clock(start)}-{_clock(end)}")
        if self.bank_holidays == "closed":
            parts.append("closed on bank holidays")
        elif self.bank_holidays:
            start, end = self.bank_holidays.split("-")
            parts.append(f"bank holidays {_clock(start)}-{_clock(end)}")
        return ", ".join(parts)


def parse_hours(value) -> Hours:
    if value is None:
        return Hours()
    if isinstance(value, str):
        if value.strip().lower() in {"24/7", "24 hours", "always"}:
            return Hours(always=True)
        raise HoursError(
            f'\'{value}\' is not understood: write "24/7", or days with times like mon-fri: "09:00-17:00"'
        )
    if not isinstance(value, dict) or not value:
        raise HoursError('must be "24/7", empty (not known), or days with times like mon-fri: "09:00-17:00"')
    spans = []
    bank = None
    for days_key, span in value.items():
        key = str(days_key).strip().lower()
        if key == BANK_HOLIDAYS:
            if span != "closed":
                if not isinstance(span, str):
                    raise HoursError('bank_holidays: write closed, or the times in quotes like "10:00-16:00"')
                _minutes(span)
                span = span.strip().replace(" ", "")
            bank = span
            continue
        try:
            expand_days(key)
        except HoursError:
            raise HoursError(
                f"'{days_key}' is not a day or day range (use mon, tue ... sun, or mon-fri)"
            ) from None
        if not isinstance(span, str):
            raise HoursError(f'{days_key}: the times must be in quotes, like "09:00-17:00"')
        _minutes(span)  # validates
        spans.append((key, span.strip().replace(" ", "")))
    if not spans:
        raise HoursError("bank_holidays alone is not enough: give the days and times too")
    return Hours(spans=tuple(spans), bank_holidays=bank)


def expand_days(key: str) -> tuple[str, ...]:
    days: list[str] = []
    for part in key.replace(" ", "").split(","):
        if "-" in part:
            first, last = part.split("-", 1)
            if first not in DAYS or last not in DAYS:
                raise HoursError(key)
            i, j = DAYS.index(first), DAYS.index(last)
            days.extend(DAYS[i : j + 1] if i <= j else DAYS[i:] + DAYS[: j + 1])
        elif part in DAYS:
            days.append(part)
        else:
            raise HoursError(key)
    return tuple(days)


def _minutes(span: str) -> tuple[int, int]:
    match = _RANGE.match(span)
    if not match:
        raise HoursError(f"'{span}' is not a time range like \"09:00-17:00\"")
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    if h1 > 24 or h2 > 24 or m1 > 59 or m2 > 59 or (h1 == 24 and m1) or (h2 == 24 and m2):
        raise HoursError(f"'{span}' has an impossible time")
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if start == end:
        raise HoursError(f"'{span}' opens and closes at the same time")
    return start, end


def _day_words(key: str) -> str:
    return ", ".join("-".join(_DAY_LABEL[d] for d in part.split("-")) for part in key.split(","))


def _clock(hhmm: str) -> str:
    hour, minute = (int(x) for x in hhmm.split(":"))
    if hour in (0, 24) and minute == 0:
        return "midnight"
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{suffix}" if minute == 0 else f"{shown}.{minute:02d}{suffix}"
