"""Two honest dates (issue 15): the source page's date and a person's confirmation. A reply never
shows a listing nobody confirmed in the last 180 days as current, nor first when a confirmed one
meets the same need."""

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from bot.conversation.local import local_support_reply, staff_routes_reply
from bot.conversation.replies import signpost_reply
from bot.directory import load_directory
from bot.directory.freshness import SourceDateError, is_current, parse_source_date
from bot.directory.render import contact_line
from bot.directory.select import AGE_BANDS, Situation, select_services

NOW = datetime(2026, 11, 29, 14, 0)  # a Sunday afternoon, London time
TODAY = NOW.date()
AGE_MARKS = ("info from", "last checked")


def set_confirmed(root: Path, relative: str, service_id: str, confirmed: date) -> None:
    """Record a confirmation by editing the copy's text (the `confirm` command is tested apart)."""
    path = root / relative
    text = path.read_text()
    start = text.index(f"  - id: {service_id}\n")
    at = text.index("    confirmed: null\n", start)
    path.write_text(
        text[:at] + f"    confirmed: {confirmed.isoformat()}\n"
        f"    confirmed_source: https://example.org/checked\n" + text[at + len("    confirmed: null\n") :]
    )


@pytest.mark.parametrize(
    "value,earliest,words",
    [
        ("2021", date(2021, 1, 1), "2021"),
        (2021, date(2021, 1, 1), "2021"),
        ("2020-04", date(2020, 4, 1), "Apr 2020"),
        (date(2022, 7, 14), date(2022, 7, 14), "14 Jul 2022"),
    ],
)
def test_source_date_keeps_the_precision_the_page_gave(value, earliest, words):
    parsed = parse_source_date(value)
    assert parsed.earliest == earliest and parsed.words() == words


@pytest.mark.parametrize("value", ["21/11/2026", "2021-13", "last year", True, 12])
def test_source_date_rejects_what_is_not_a_date(value):
    with pytest.raises(SourceDateError):
        parse_source_date(value)


def test_current_means_confirmed_within_180_days():
    assert is_current(TODAY - timedelta(days=180), TODAY)
    assert not is_current(TODAY - timedelta(days=181), TODAY)
    assert not is_current(None, TODAY)


def test_the_migration_invented_no_confirmation(directory):
    """Shipped data: nobody has confirmed a listing on the live service yet, and no listing calls
    the reference's compile date (2026-11-21) a check or a source date."""
    for service in directory.services:
        assert service.confirmed is None, service.id
        assert service.source_date is None or service.source_date.text != "2026-11-21", service.id
    dated = [s for s in directory.services if s.source_date is not None]
    assert len(dated) >= 25 and all((TODAY - s.source_date.earliest).days > 180 for s in dated)


def _situations(directory):
    boroughs = [None, "outside_london", *(b.id for b in directory.boroughs)]
    for borough in boroughs:
        for topic in directory.routes.topics:
            for band in (None, *AGE_BANDS):
                for audience in ("young_person", "staff"):
                    yield Situation(
                        topic=topic,
                        age_band=band,
                        audience=audience,
                        borough=borough,
                        recent=topic == "assault",
                        now=NOW,
                    )


def test_no_offer_shows_an_unconfirmed_listing_as_current(directory):
    checked = 0
    for situation in _situations(directory):
        for offer in select_services(directory, situation):
            line = contact_line(offer.service, now=NOW).lower()
            if offer.service.id == "emergency_999":
                continue  # a national number set by government, with the page that says so
            assert any(mark in line for mark in AGE_MARKS), line
            checked += 1
    assert checked > 10_000


def test_every_reply_bullet_says_how_old_its_details_are(directory):
    replies = []
    for borough in [None, *(b.id for b in directory.boroughs)]:
        replies.append(local_support_reply(directory, borough, None, "13_15", "assault", NOW))
        replies.append(staff_routes_reply(directory, borough, NOW))
        replies.append(signpost_reply(directory, "non_recent", "18_plus", None, borough, NOW))
    for reply in replies:
        for line in reply.text.splitlines():
            if (
                line.startswith("• ")
                and " Council: http" not in line
                and "I don't have a checked" not in line
            ):
                assert any(mark in line.lower() for mark in AGE_MARKS), line


def test_survivors_trust_after_i_was_raped_last_year_says_its_page_is_from_2021(directory):
    reply = signpost_reply(directory, "non_recent", "18_plus", None, None, NOW)
    line = next(t for t in reply.text.splitlines() if "Survivors Trust" in t)
    assert "info from 9 jul 2021, may have changed" in line.lower()


def test_a_confirmed_listing_goes_first_and_shows_no_age(data_copy):
    situation = Situation(topic="non_recent", age_band="16_17", now=NOW)
    before = [o.service.id for o in select_services(load_directory(data_copy, today=TODAY), situation)]
    assert before.index("survivors_trust") > 0
    set_confirmed(data_copy, "national.yml", "survivors_trust", TODAY - timedelta(days=10))
    directory = load_directory(data_copy, today=TODAY)
    after = [o.service.id for o in select_services(directory, situation)]
    assert after[0] == "survivors_trust"
    assert sorted(after) == sorted(before)  # the same offers, only the order changed
    line = contact_line(directory.get("survivors_trust"), now=NOW).lower()
    assert not any(mark in line for mark in AGE_MARKS)


def test_an_old_confirmation_is_not_current(data_copy):
    situation = Situation(topic="non_recent", age_band="16_17", now=NOW)
    before = [o.service.id for o in select_services(load_directory(data_copy, today=TODAY), situation)]
    set_confirmed(data_copy, "national.yml", "survivors_trust", TODAY - timedelta(days=200))
    directory = load_directory(data_copy, today=TODAY)
    assert [o.service.id for o in select_services(directory, situation)] == before
    assert (
        "last checked may 2026, may have changed"
        in contact_line(directory.get("survivors_trust"), now=NOW).lower()
    )


def test_emergency_999_stays_first_even_behind_a_confirmed_line(data_copy):
    set_confirmed(data_copy, "national.yml", "childline", TODAY - timedelta(days=1))
    directory = load_directory(data_copy, today=TODAY)
    got = select_services(directory, Situation(urgency="emergency", topic="assault", now=NOW))
    assert [o.service.id for o in got][:2] == ["emergency_999", "childline"]
