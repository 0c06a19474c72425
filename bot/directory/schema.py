"""What a listing may contain, and the check for each field, in administrator words.

Each checker takes the YAML value and returns None (fine) or the reason it is wrong, worded
to follow the field name: "phone '0208 726 64' is not a UK phone number" (a deliberately broken
example, as the corrupted-copy tests use).
"""

from __future__ import annotations

import re
from datetime import date

from bot.directory.freshness import SourceDateError, parse_source_date
from bot.directory.hours import HoursError, parse_hours

TOPICS = frozenset(
    {
        "emergency",
        "assault",
        "harassment",
        "image_abuse",
        "grooming",
        "adult_abuse",
        "non_recent",
        "self_harm",
        "reporting",
        "anonymous_reporting",
        "medical_forensic",
        "staff_advice",
        "relationship_abuse",
        "forced_marriage",
        "friend_concern",
        "emotional_support",
    }
)
AUDIENCES = frozenset({"young_person", "adult", "parent_carer", "staff"})
STATUSES = ("active", "unverified", "closed")
CONFIDENCES = ("high", "medium", "low")
ROLES = ("front_door", "lado", "local")
# where a national line works (from the reference's `areas`); "national": the source does not say
COVERAGES = ("uk", "uk_and_ireland", "england_and_wales", "england", "national")
WIDE_AREAS = frozenset({"national", "london"})
STALE_AFTER_DAYS = 180

REQUIRED = (
    "id",
    "name",
    "summary",
    "topics",
    "audiences",
    "areas",
    "sources",
    "source_date",
    "confidence",
    "status",
)
# required keys whose value may be null: an undated page is written `source_date: null`
NULLABLE_REQUIRED = frozenset({"source_date"})
OPTIONAL = (
    "min_age",
    "max_age",
    "phone",
    "text",
    "email",
    "web",
    "hours",
    "anonymous",
    "fallback",
    "source_date_note",
    "confirmed",
    "confirmed_source",
    "fixed_number_source",
    "coverage",
    "hours_note",
    "age_note",
    "self_referral_min_age",
    "younger_route",
    "how_to_contact",
    "phone_note",
    "out_of_hours_phone",
    "out_of_hours_note",
    "extra_phones",
    "extra_webs",
    "address",
    "notes",
    "coverage_note",
    "role",
    "free",
    "silent_call_note",
    "interpreter_note",
)
SERVICE_FIELDS = frozenset(REQUIRED + OPTIONAL)
BOROUGH_FIELDS = frozenset(
    {
        "id",
        "name",
        "ons_code",
        "council_web",
        "front_door",
        "lado",
        "sources",
        "notes",
        "lado_note",
        "local_help_note",
    }
)
TOP_LEVEL = frozenset({"services", "borough"})

_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.IGNORECASE)
_URL = re.compile(r"^https?://[^\s]+\.[^\s]+$")
# only the short numbers the directory uses (all in the reference facts)
_SHORT_CODES = frozenset({"999", "101", "111", "18000", "116123"})
# national numbers set by government, not by a service that can move: with a government page
# (fixed_number_source) their contact line carries no "info from ..." age
FIXED_NUMBERS = frozenset({"999", "112", "101", "111"})
_FREE_TEXT = frozenset(
    {
        "name",
        "summary",
        "source_date_note",
        "hours_note",
        "age_note",
        "younger_route",
        "how_to_contact",
        "phone_note",
        "out_of_hours_note",
        "address",
        "notes",
        "coverage_note",
        "silent_call_note",
        "interpreter_note",
    }
)


def phone_digits(value: str) -> str:
    digits = re.sub(r"[\s\-().]", "", value)
    return "0" + digits[3:] if digits.startswith("+44") else digits


def check_phone(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return f'{value} must be written in quotes, like "0800 1111", so the leading 0 is kept'
    digits = phone_digits(value)
    if digits in _SHORT_CODES or digits == "08001111":  # Childline's short free number
        return None
    if not digits.isdigit():
        return f"'{value}' is not a UK phone number (only digits and spaces; put extra words in phone_note)"
    eleven = re.fullmatch(r"0[1235789]\d{9}", digits)
    ten = re.fullmatch(r"0(1\d|800|808)\d{6,7}", digits) and len(digits) == 10
    if not (eleven or ten):
        return f"'{value}' is not a UK phone number"
    return None


def check_text_number(value) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        return f'{value} must be written in quotes, like "85258"'
    digits = phone_digits(value)
    if re.fullmatch(r"\d{5,6}", digits) or re.fullmatch(r"07\d{9}", digits):
        return None
    return f"'{value}' is not a UK text number (a 5-6 digit short code or a 07 mobile number)"


def check_email(value) -> str | None:
    if value is None or (isinstance(value, str) and _EMAIL.match(value)):
        return None
    return f"'{value}' is not an email address"


def check_url(value) -> str | None:
    if value is None or (isinstance(value, str) and _URL.match(value)):
        return None
    return f"'{value}' is not a web address starting with https:// (or http://)"


def check_age(value) -> str | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 120):
        return None
    return f"'{value}' is not an age in years (a whole number, or empty)"


def check_hours(value) -> str | None:
    try:
        parse_hours(value)
    except HoursError as error:
        return str(error)
    return None


def check_free_text(value) -> str | None:
    if value is None or (isinstance(value, str) and value.strip()):
        return None
    return "must be text (put it in quotes if it contains a colon)"


def check_bool_or_null(value) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    return f"'{value}' must be true, false or empty (not known)"


def check_date(value, today: date) -> str | None:
    if not isinstance(value, date):
        return f"'{value}' is not a date written as YYYY-MM-DD"
    if value > today:
        return f"{value} is in the future"
    return None


def check_source_date(value, today: date) -> str | None:
    """A day, "YYYY-MM", "YYYY" or null (undated page); never after today."""
    try:
        parsed = parse_source_date(value)
    except SourceDateError as error:
        return str(error)
    if parsed is not None and parsed.earliest > today:
        return f"{parsed.text} is in the future"
    return None


def check_confirmed_source(value) -> str | None:
    if value == "phone":
        return None
    return check_url(value)


def check_choice(value, allowed) -> str | None:
    if value in allowed:
        return None
    return f"'{value}' must be one of: {', '.join(allowed)}"


def check_id(value) -> str | None:
    if isinstance(value, str) and _ID.match(value):
        return None
    return f"'{value}' must be lower-case letters, digits and underscores, like tower_hamlets_front_door"


def check_word_list(value, vocabulary) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a list, like [assault, reporting]"
    unknown = [str(v) for v in value if v not in vocabulary]
    if unknown:
        return f"'{unknown[0]}' is not a known value (allowed: {', '.join(sorted(vocabulary))})"
    return None


def check_sources(value) -> str | None:
    if not isinstance(value, list) or not value:
        return "must list at least one web page the facts came from"
    for url in value:
        problem = check_url(url)
        if problem:
            return problem
    return None


def check_labelled(value, number_check) -> str | None:
    """extra_phones / extra_webs: a list of {label, number|url}."""
    key = "number" if number_check is check_phone else "url"
    if not isinstance(value, list):
        return f"must be a list of entries with label and {key}"
    for item in value:
        if not isinstance(item, dict) or set(item) != {"label", key}:
            return f"each entry needs exactly a label and a {key}"
        problem = check_free_text(item["label"]) or number_check(item[key])
        if problem:
            return f"{item.get('label')}: {problem}"
    return None


FIELD_CHECKS = {
    "id": check_id,
    "phone": check_phone,
    "out_of_hours_phone": check_phone,
    "text": check_text_number,
    "email": check_email,
    "web": check_url,
    "min_age": check_age,
    "max_age": check_age,
    "self_referral_min_age": check_age,
    "hours": check_hours,
    "anonymous": check_bool_or_null,
    "free": check_bool_or_null,
    "topics": lambda v: check_word_list(v, TOPICS),
    "audiences": lambda v: check_word_list(v, AUDIENCES),
    "sources": check_sources,
    "confidence": lambda v: check_choice(v, CONFIDENCES),
    "status": lambda v: check_choice(v, STATUSES),
    "role": lambda v: None if v is None else check_choice(v, ROLES),
    "fallback": lambda v: None if v is None else check_id(v),
    "confirmed_source": check_confirmed_source,
    "fixed_number_source": check_url,
    "coverage": lambda v: None if v is None else check_choice(v, COVERAGES),
    "extra_phones": lambda v: check_labelled(v, check_phone),
    "extra_webs": lambda v: check_labelled(v, check_url),
    **{name: check_free_text for name in _FREE_TEXT},
}
