"""bot/directory/render.py: a listing as one contact line (hours, ages, how old its details are,
closed now or for the bank holiday) and a single field as text."""

from datetime import datetime

import pytest

from bot.directory.render import contact_line, field_text

CHRISTMAS_NOON = datetime(2026, 12, 25, 12, 0)  # a Friday


def test_contact_line_childline(directory):
    line = contact_line(directory.get("childline"))
    assert line.startswith("Childline: call 0800 1111 (free, 24 hours)")
    assert "childline.org.uk" in line and "under 19" in line


def test_contact_line_marks_age_unverified_and_closed_now(directory):
    assert "16 and over" in contact_line(directory.get("rape_crisis_247_support_line"))
    assert "Info from 6 Jan 2022, may have changed, so check them first" in contact_line(
        directory.get("nspcc_report_abuse_in_education")
    )
    assert "info from 28 Aug 2022, may have changed" in contact_line(directory.get("childline"))
    assert "check them first" not in contact_line(directory.get("childline"))
    sunday_night = datetime(2026, 11, 22, 23, 30)
    monday_noon = datetime(2026, 11, 23, 12, 0)
    helpline = directory.get("nspcc_helpline")
    assert "closed now" in contact_line(helpline, now=sunday_night)
    assert "closed now" not in contact_line(helpline, now=monday_noon)
    assert "Mon-Fri 8am-10pm" in contact_line(helpline)


def test_field_text(directory):
    childline = directory.get("childline")
    assert field_text(childline, "phone") == "0800 1111"
    assert field_text(childline, "name") == "Childline"
    assert field_text(directory.get("shout"), "phone") is None
    assert field_text(directory.get("the_havens"), "hours") == "24 hours, every day"
    with pytest.raises(KeyError):
        field_text(childline, "favourite_colour")


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
