"""Outside London (issue 15, part 6): each line says where it works, and after a recent assault
the NHS sexual assault referral centre finder and NHS 111 come first."""

from datetime import datetime

from bot.conversation.local import local_support_reply
from bot.conversation.replies import signpost_reply
from bot.directory.select import COVERAGE_WORDS, Situation, select_services

NOON = datetime(2026, 11, 30, 12, 0)


def test_every_national_line_says_where_it_works(directory):
    for service in directory.services:
        if "national" in service.areas:
            assert service.coverage, service.id
    assert directory.get("rape_crisis_247_support_line").coverage == "england_and_wales"
    assert directory.get("nhs_111").coverage == "england"
    assert directory.get("childline").coverage == "uk"


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


def test_after_a_recent_assault_outside_london_the_sarc_finder_and_nhs_111_come_first(directory):
    for reply in (
        signpost_reply(directory, "medical_forensic", "16_17", None, "outside_london", NOON),
        local_support_reply(directory, "outside_london", None, "16_17", "medical_forensic", NOON),
    ):
        bullets = [line for line in reply.text.splitlines() if line.startswith("• ")]
        assert bullets[0].startswith("• NHS sexual assault referral centres (SARCs): visit nhs.uk/sarcs")
        assert bullets[1].startswith("• NHS 111: call 111")
        assert "Havens" not in reply.text


def test_in_london_a_recent_assault_still_gets_the_havens_not_the_finder(directory):
    reply = signpost_reply(directory, "medical_forensic", "16_17", None, "hackney", NOON).text
    assert "The Havens" in reply and "nhs.uk/sarcs" not in reply


def test_the_first_reply_after_a_recent_assault_gives_outside_london_its_routes(directory):
    from pathlib import Path

    import yaml

    from bot.nlg.placeholders import fill_text

    domain = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
    text = fill_text(domain["responses"]["utter_recent_assault"][0]["text"], directory)
    assert "Outside London, find your nearest centre at https://www.nhs.uk/sarcs or call NHS 111." in text
