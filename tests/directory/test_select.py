"""bot/directory/select.py: which services a situation gets (topic, age, audience, borough, the
time now) and in which order; outside London, never a line that does not work there (issue 15,
part 6)."""

from datetime import datetime

import pytest

from bot.conversation.local import local_support_reply
from bot.directory.render import contact_line
from bot.directory.select import COVERAGE_WORDS, Situation, select_services

SUNDAY_NIGHT = datetime(2026, 11, 22, 23, 30)
MONDAY_MORNING = datetime(2026, 11, 23, 10, 0)
NOON = datetime(2026, 11, 30, 12, 0)


def ids(directory, **situation):
    return [offer.service.id for offer in select_services(directory, Situation(**situation))]


def offers(directory, **situation):
    return {o.service.id: o.note for o in select_services(directory, Situation(**situation))}


@pytest.mark.parametrize(
    "topic", [None, "assault", "harassment", "non_recent", "emotional_support", "friend_concern"]
)
@pytest.mark.parametrize("recent", [False, True])
def test_under_16s_never_get_the_16_plus_line(directory, topic, recent):
    for band in ("under_13", "13_15"):
        assert "rape_crisis_247_support_line" not in ids(directory, topic=topic, age_band=band, recent=recent)


@pytest.mark.parametrize("topic", [None, *("assault", "harassment", "non_recent", "friend_concern")])
def test_a_young_person_who_has_not_said_their_age_gets_no_service_with_a_minimum_age(directory, topic):
    # they may be 11: the 16-plus line (and any line with a minimum age) waits until they say it
    for recent in (False, True):
        offered = select_services(directory, Situation(topic=topic, recent=recent, borough="lambeth"))
        assert offered and all(not o.service.min_age for o in offered), topic
    assert "rape_crisis_247_support_line" in ids(directory, topic="assault", age_band="16_17")
    # an adult's list is not cut: the line is for people supporting someone too
    assert "rape_crisis_247_support_line" in ids(directory, topic="assault", audience="parent_carer")


def test_16_17_can_get_the_24_7_line(directory):
    assert "rape_crisis_247_support_line" in ids(directory, topic="assault", age_band="16_17")


def test_recent_assault_offers_the_havens_first(directory):
    got = ids(directory, topic="assault", age_band="13_15", recent=True, borough="southwark")
    assert got[0] == "the_havens"
    assert (
        "call them yourself"
        in offers(directory, topic="assault", age_band="13_15", recent=True)["the_havens"]
    )


def test_under_13_never_gets_havens_self_referral(directory):
    got = select_services(
        directory, Situation(topic="assault", age_band="under_13", recent=True, borough="hackney")
    )
    assert "the_havens" not in [o.service.id for o in got]
    assert not any("yourself" in o.note or "3299 6900" in contact_line(o.service) for o in got)
    police = next(o for o in got if o.service.id == "police_101")
    assert "Under 13s cannot be referred directly" in police.note
    assert "hackney_front_door" in [o.service.id for o in got]


def test_urgent_puts_999_first(directory):
    for urgency in ("emergency", "crisis"):
        assert ids(directory, urgency=urgency, topic="assault", age_band="13_15")[0] == "emergency_999"
    assert "emergency_999" not in ids(directory, topic="harassment", age_band="13_15")


def test_image_abuse(directory):
    assert ids(directory, topic="image_abuse", age_band="13_15")[:2] == [
        "report_remove",
        "ceop_safety_centre",
    ]
    assert "report_remove" not in ids(directory, topic="image_abuse", age_band="18_plus")


def test_childline_only_under_19(directory):
    assert "childline" in ids(directory, topic="assault", age_band="16_17")
    assert "childline" not in ids(directory, topic="assault", age_band="18_plus", audience="adult")


def test_closed_listing_never_offered(directory):
    for topic in (None, "reporting", "staff_advice"):
        for audience in ("young_person", "staff"):
            assert "met_safer_schools_officers" not in ids(
                directory, topic=topic, audience=audience, borough="newham"
            )


def test_unverified_only_after_its_fallback(directory):
    got = select_services(directory, Situation(audience="staff", topic="staff_advice", borough="camden"))
    order = [o.service.id for o in got]
    assert order.index("nspcc_helpline") < order.index("nspcc_report_abuse_in_education")
    education = got[order.index("nspcc_report_abuse_in_education")]
    assert education.may_have_changed and "may have changed" in contact_line(education.service)
    assert not got[order.index("nspcc_helpline")].may_have_changed


def test_unverified_front_door_for_young_person_falls_back_to_childline(directory):
    got = select_services(directory, Situation(topic="adult_abuse", age_band="13_15", borough="lambeth"))
    order = [o.service.id for o in got]
    assert order.index("childline") < order.index("lambeth_front_door")
    assert got[order.index("lambeth_front_door")].may_have_changed
    assert "nspcc_helpline" not in order  # adults only


def test_staff_get_helpline_front_door_in_office_hours(directory):
    got = ids(directory, audience="staff", topic="staff_advice", borough="tower_hamlets", now=MONDAY_MORNING)
    assert got[:2] == ["nspcc_helpline", "tower_hamlets_front_door"]
    assert "childline" not in got


def test_borough_without_front_door_points_to_helpline_and_council(directory):
    got = offers(directory, audience="staff", topic="staff_advice", borough="brent")
    assert got["nspcc_helpline"] == "Brent council website: https://www.brent.gov.uk."
    got = ids(directory, audience="staff", topic="staff_advice", borough="havering")
    # no front-door number is invented for Havering; its LADO route is sourced (issue 15)
    assert got[0] == "nspcc_helpline" and "havering_front_door" not in got and "havering_lado" in got


def test_shut_line_goes_after_an_open_one_with_its_hours(directory):
    got = select_services(
        directory, Situation(audience="staff", topic="staff_advice", borough="croydon", now=SUNDAY_NIGHT)
    )
    order = [o.service.id for o in got]
    assert order[0] == "police_101"  # NSPCC Helpline's fallback, open now
    helpline = got[order.index("nspcc_helpline")]
    assert helpline.closed_now and not got[0].closed_now
    assert "NSPCC Helpline is closed" in got[0].note
    assert "open Mon-Fri 8am-10pm, Sat-Sun 9am-6pm, closed now" in contact_line(
        helpline.service, now=SUNDAY_NIGHT
    )
    assert order.index("croydon_front_door") > order.index("police_101")


def test_outside_london_gets_national_services_only(directory):
    for offer in select_services(directory, Situation(topic="assault", borough="outside_london")):
        assert "national" in offer.service.areas


def test_local_listing_only_in_its_borough(directory):
    assert "lambeth_gaia_centre" in ids(directory, topic="assault", age_band="16_17", borough="lambeth")
    assert "lambeth_gaia_centre" not in ids(directory, topic="assault", age_band="16_17", borough="southwark")
    assert "the_lighthouse" in ids(directory, topic="assault", age_band="13_15", borough="camden")
    assert "the_lighthouse" not in ids(directory, topic="assault", age_band="13_15", borough="croydon")


def test_self_harm(directory):
    got = ids(directory, urgency="crisis", topic="self_harm", age_band="13_15")
    assert got[:3] == ["emergency_999", "childline", "samaritans"] and "shout" in got


def test_a_listing_with_no_way_to_reach_it_is_never_offered():
    from bot.directory import load_directory

    directory = load_directory()
    unreachable = {s.id for s in directory.services if not any((s.phone, s.text, s.email, s.web))}
    assert "rape_crisis_london_centres" in unreachable
    for borough in [None, "barking_and_dagenham", "hackney"]:
        for topic in ("assault", "non_recent", "emotional_support", "harassment"):
            offers = select_services(directory, Situation(topic=topic, borough=borough))
            assert unreachable.isdisjoint(o.service.id for o in offers), (borough, topic)


def test_outside_london_never_claims_a_line_works_everywhere_when_it_does_not(directory):
    for topic in directory.routes.topics:
        for band in (None, "13_15", "16_17", "18_plus"):
            for audience in ("young_person", "staff"):
                situation = Situation(
                    topic=topic,
                    age_band=band,
                    audience=audience,
                    borough="outside_london",
                    recent=topic == "assault",
                    now=NOON,
                )
                for offer in select_services(directory, situation):
                    assert "london" not in offer.service.areas, offer.service.id
                    words = COVERAGE_WORDS.get(offer.service.coverage)
                    if words:
                        assert words in offer.note, (offer.service.id, offer.note)
    reply = local_support_reply(directory, "outside_london", None, "16_17", "assault", NOON).text
    assert "wherever you are in the UK" not in reply and "Havens" not in reply
    assert "It covers England and Wales only." in reply
