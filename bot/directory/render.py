"""Plain-text rendering of listings for replies. `contact_line` and `field_text` are what the
custom NLG uses to fill [[service_id]] and [[service_id.field]]: keep their output stable."""

from __future__ import annotations

from datetime import date, datetime

from bot.directory.bank_holidays import bank_holiday
from bot.directory.hours import LONDON
from bot.directory.model import Service

FIELDS = (
    "phone",
    "text",
    "web",
    "email",
    "name",
    "hours",
    "summary",
    "out_of_hours_phone",
    "ages",
    "age_note",
    "younger_route",
    "how_to_contact",
    "silent_call_note",
    "interpreter_note",
    "text_relay",
)
# the extra phone a deaf or speech-impaired caller can use (emergency_999: "textphone / Relay UK",
# 18000, services-research.yaml); found by its label so the number stays in data/services
TEXT_RELAY_LABEL = "relay uk"


def field_text(service: Service, field: str) -> str | None:
    """The display value of one field (None when the directory holds nothing for it)."""
    if field == "hours":
        return service.hours.describe() or service.hours_note
    if field == "ages":
        return age_words(service)
    if field == "text_relay":
        return text_relay_words(service)
    if field not in FIELDS:
        raise KeyError(f"{field!r} is not a field that can be shown (use one of {', '.join(FIELDS)})")
    return getattr(service, field)


def text_relay_words(service: Service) -> str | None:
    """'18000 (textphone / Relay UK)': the listing's extra phone labelled as the Relay UK text
    relay, with its label; None when it has none."""
    for extra in service.extra_phones:
        if TEXT_RELAY_LABEL in extra.label.lower():
            return f"{extra.value} ({extra.label})"
    return None


def short_web(url: str) -> str:
    """childline.org.uk instead of https://www.childline.org.uk/ - easier to read and type."""
    for prefix in ("https://", "http://"):
        if url.startswith(prefix):
            url = url[len(prefix) :]
    if url.startswith("www."):
        url = url[4:]
    return url.rstrip("/")


def age_words(service: Service) -> str | None:
    low, high = service.min_age, service.max_age
    if low is not None and high is not None:
        return f"for ages {low} to {high}"
    if low is not None:
        return f"for {low} and over"
    if high is not None:
        return f"for under {high + 1}s" if high < 21 else f"for ages up to {high}"
    return None


SHORT_NOTE = 30  # an hours_note this short ("9am-5pm") is shown when the days are not known


def hours_words(service: Service, now: datetime | None) -> str | None:
    hours = service.hours
    if hours.always:
        return "24 hours"
    described = hours.describe()
    if not described:
        note = service.hours_note
        return note if note and len(note) <= SHORT_NOTE else None
    if now is not None:
        state = hours.is_open(now)
        if state is False:
            if hours.closed_for_bank_holiday(now):
                return f"open {described}, closed today for the bank holiday"
            return f"open {described}, closed now"
        if state is None and bank_holiday((now.astimezone(LONDON) if now.tzinfo else now).date()):
            return f"open {described}, bank holiday hours not known"
    return f"open {described}"


def contact_line(service: Service, now: datetime | None = None) -> str:
    """One line: name, how to reach it, when, for whom, how old the details are when nobody has
    confirmed them in the last 180 days ("Info from 2022, may have changed"), and a warning to
    check first when the listing is unverified or low confidence. `now` (London time) decides
    "closed now" and the age; None: today, and no "closed now"."""
    ways = []
    if service.phone:
        details = [w for w in ("free" if service.free else None, hours_words(service, now)) if w]
        note = f" {service.phone_note}" if service.phone_note else ""
        ways.append(f"call {service.phone}{note}" + (f" ({', '.join(details)})" if details else ""))
    if service.out_of_hours_phone:
        ways.append(f"out of hours call {service.out_of_hours_phone}")
    if service.text:
        details = (
            []
            if service.phone
            else [w for w in ("free" if service.free else None, hours_words(service, now)) if w]
        )
        ways.append(f"text {service.text}" + (f" ({', '.join(details)})" if details else ""))
    if service.email:
        ways.append(f"email {service.email}")
    if service.web:
        ways.append(f"visit {short_web(service.web)}")
    line = f"{service.name}: " + (_join(ways) if ways else "no contact details confirmed")
    if not service.phone and not service.text:
        hours = hours_words(service, now)
        if hours and hours != "24 hours" and service.hours.known:
            line += f" ({hours})"
    extras = [age_words(service), freshness_words(service, now)]
    extras = [e for e in extras if e]
    return line + (". " + _capital("; ".join(extras)) if extras else "")


def freshness_words(service: Service, now: datetime | None = None) -> str | None:
    """ "info from 2022, may have changed" (and "..., so check them first" for an unverified or
    low-confidence listing); None for a verified listing a person confirmed in the last 180 days."""
    today = now.date() if now is not None else date.today()
    age = service.age_words(today)
    if not service.verified:
        return (
            age[:1].lower() + age[1:] if age else "these details"
        ) + ", may have changed, so check them first"
    return age[:1].lower() + age[1:] + ", may have changed" if age else None


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
