"""Checks data, not a module: the facts data/services/ holds that replies and the safety case rely
on. Every listing sourced and dated, the figures the brief fixes, the boroughs' front doors and
LADO routes as the reference gives them, the local help notes, and where each national line works.
What the code does with these facts is tested beside its module (test_select.py, test_render.py,
tests/conversation/test_local.py)."""

import re


def test_front_door_numbers_follow_the_reference(directory):
    # Where the reference has no number or conflicting numbers, the directory has none.
    assert directory.borough("barking_and_dagenham").front_door is None
    assert directory.borough("havering").front_door is None
    # the reference's medium-confidence numbers (issue 15): Croydon EDT on three pages, Hounslow's council page
    assert directory.get("croydon_front_door").out_of_hours_phone == "020 8726 6400"
    assert "020 8726 6000" in directory.get("croydon_front_door").out_of_hours_note
    # two sources against one NHS page that repeats the daytime number (issue 15)
    assert directory.get("islington_front_door").out_of_hours_phone == "020 7226 0992"
    assert directory.get("kensington_and_chelsea_front_door").out_of_hours_phone is None
    hounslow = directory.get("hounslow_front_door")
    assert (hounslow.phone, hounslow.phone_note) == (
        "020 8583 6600",
        "option 2",
    ) and "020 8583 3300" in hounslow.notes
    assert directory.get("barnet_front_door").out_of_hours_phone is None
    assert directory.get("tower_hamlets_front_door").phone == "020 7364 5006"
    assert directory.get("southwark_front_door").out_of_hours_phone == "020 7525 5000"


def test_low_confidence_front_doors_are_unverified_with_a_fallback(directory):
    for bid in ("bexley", "brent", "ealing", "lambeth"):
        service = directory.get(f"{bid}_front_door")
        assert service.status == "unverified" and service.fallback == "nspcc_helpline"


def test_every_borough_has_a_sourced_lado_route_or_a_recorded_reason(directory):
    with_route = 0
    for borough in directory.boroughs:
        if borough.lado:
            lado = directory.get(borough.lado)
            assert lado.role == "lado" and borough.id in lado.areas, borough.id
            # its page, or (a page read on a host not fit to link, Kensington and Chelsea's) a number
            assert (lado.web in lado.sources) or (lado.web is None and lado.phone and lado.sources)
            assert "search tool on 2026-11-30" in lado.source_date_note
            assert lado.confirmed is None and lado.fallback == "nspcc_helpline"
            with_route += 1
        else:
            assert borough.lado_note and "search tool" in borough.lado_note, borough.id
    assert with_route >= 29


def test_borough_listings_only_cover_their_borough(directory):
    for borough in directory.boroughs:
        if borough.front_door:
            assert directory.get(borough.front_door).areas == (borough.id,)
        assert re.fullmatch(r"[a-z_]+", borough.id)


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


def test_the_local_help_notes_say_what_was_searched_and_when(directory):
    noted = [b for b in directory.boroughs if b.local_help_note]
    assert noted and all("search tool on 2026-11-30" in b.local_help_note for b in noted)


def test_front_doors_link_to_the_page_their_facts_came_from_not_the_council_home_page(directory):
    from urllib.parse import urlparse

    for service in directory.services:
        if service.role == "front_door" and service.web:
            same_site = [
                s
                for s in service.sources
                if urlparse(s).netloc.removeprefix("www.")
                == urlparse(service.web).netloc.removeprefix("www.")
                and urlparse(s).path.strip("/")
            ]
            if same_site:
                assert urlparse(service.web).path.strip("/"), service.id


def test_every_national_line_says_where_it_works(directory):
    for service in directory.services:
        if "national" in service.areas:
            assert service.coverage, service.id
    assert directory.get("rape_crisis_247_support_line").coverage == "england_and_wales"
    assert directory.get("nhs_111").coverage == "england"
    assert directory.get("childline").coverage == "uk"
