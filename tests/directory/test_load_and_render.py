from datetime import datetime

import pytest

from bot.directory import Directory, Service
from bot.directory.render import contact_line, field_text

REQUIRED_IDS = [
    "emergency_999",
    "police_101",
    "crimestoppers",
    "childline",
    "nspcc_helpline",
    "nspcc_report_abuse_in_education",
    "rape_crisis_247_support_line",
    "samaritans",
    "shout",
    "report_remove",
    "ceop_safety_centre",
    "victim_support",
    "survivors_trust",
    "galop",
    "papyrus_hopeline247",
    "nhs_111",
    "stop_it_now",
    "the_havens",
    "the_lighthouse",
    "rape_crisis_london_centres",
    "met_online_reporting",
]


def test_real_directory_has_the_listings_others_rely_on(directory):
    assert isinstance(directory, Directory)
    for service_id in REQUIRED_IDS:
        assert isinstance(directory.get(service_id), Service)


def test_unknown_id_is_a_key_error(directory):
    with pytest.raises(KeyError):
        directory.get("no_such_service")


def test_every_listing_is_sourced_and_dated(directory):
    for service in directory.services:
        assert service.sources and all(u.startswith("http") for u in service.sources), service.id
        # two dates: the page's (may be null: undated) with a note saying which page, and a
        # confirmation that names the page or phone call it used
        assert service.source_date_note, service.id
        assert service.confirmed is None or service.confirmed_source, service.id


def test_facts_the_brief_fixes(directory):
    assert directory.get("rape_crisis_247_support_line").phone == "0808 500 2222"
    assert directory.get("rape_crisis_247_support_line").min_age == 16
    assert directory.get("childline").max_age == 18
    assert directory.get("report_remove").max_age == 17
    assert directory.get("the_havens").self_referral_min_age == 13
    assert directory.get("samaritans").text is None
    assert directory.get("shout").text == "85258"
    education = directory.get("nspcc_report_abuse_in_education")
    assert education.status == "unverified" and education.fallback == "nspcc_helpline"
    assert directory.get("met_safer_schools_officers").status == "closed"


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
