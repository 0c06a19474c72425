"""bot.web.links: what becomes a link in the bot's words (the page with and without JavaScript)."""

from __future__ import annotations

import pytest

from bot.directory import load_directory
from bot.web.links import Linker


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker.from_directory(load_directory())


@pytest.mark.parametrize(
    "text,expected",
    [
        ("call 999 now", [("999", "tel:999")]),
        ("Childline: call 0800 1111 (free, 24 hours)", [("0800 1111", "tel:08001111")]),
        (
            "NSPCC 0808 800 5000, Samaritans 116 123",
            [("0808 800 5000", "tel:08088005000"), ("116 123", "tel:116123")],
        ),
        ("Shout: text 85258 (24 hours)", [("85258", "sms:85258")]),
        ("text SHOUT to 85258", [("85258", "sms:85258")]),
        ("call 101 or NHS 111", [("101", "tel:101"), ("111", "tel:111")]),
        ("Emergency services (999): call 999 (24 hours)", [("999", "tel:999")]),
        ("in 2024 about 12345 people, aged 13 to 17, at 10:30", []),
        # a number spaced unusually is one number, never a short number inside it (NHS 111 here)
        ("Victim Support: call 08 08 16 89 111 (free)", [("08 08 16 89 111", "tel:08081689111")]),
        ("The Survivors Trust: call 0808 801 0818 or visit", [("0808 801 0818", "tel:08088010818")]),
        ("London: call 020 3299 6900 (24 hours)", [("020 3299 6900", "tel:02032996900")]),
    ],
)
def test_phone_number_formats(linker, text, expected):
    assert [(s.text, s.href) for s in linker.segments(text) if s.href] == expected
    assert "".join(s.text for s in linker.segments(text)) == text  # nothing lost or added


def test_web_addresses_in_the_directory_become_links_to_the_directorys_own_url(linker):
    line = "Childline: call 0800 1111 or visit childline.org.uk."
    links = [(s.text, s.href) for s in linker.segments(line) if s.href]
    assert links == [("0800 1111", "tel:08001111"), ("childline.org.uk", "https://www.childline.org.uk")]
    assert all(s.external for s in linker.segments(line) if s.href and s.href.startswith("https"))


def test_addresses_the_directory_does_not_hold_stay_plain_text(linker):
    assert [s for s in linker.segments("visit evil.example.com or childline.org.uk.evil.com") if s.href] == []


def test_html_escapes_the_text_and_opens_other_sites_in_a_new_tab(linker):
    rendered = linker.html("<b>hi</b> visit samaritans.org")
    assert rendered.startswith("&lt;b&gt;hi&lt;/b&gt; visit ")
    assert (
        '<a href="https://www.samaritans.org" target="_blank" rel="noopener noreferrer">samaritans.org</a>'
        in rendered
    )


def test_every_contact_line_of_the_directory_links_its_own_numbers_and_no_other(linker):
    """Each listing's line as the bot writes it: its phone, out-of-hours and text numbers become
    links with exactly their digits; nothing else in the line becomes a number link."""
    from bot.directory.render import contact_line
    from bot.channels.safety_text import digits

    for service in load_directory().services:
        line = contact_line(service)
        own = {digits(n) for n in (service.phone, service.out_of_hours_phone, service.text) if n}
        linked = {
            s.href.split(":", 1)[1]
            for s in linker.segments(line)
            if s.href and s.href.startswith(("tel:", "sms:"))
        }
        assert linked == own, (service.id, line, linked, own)
