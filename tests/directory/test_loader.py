"""bot/directory/loader.py: load_directory reads the real data/services/ into a Directory of
Services, with the listings other parts of the assistant name."""

from bot.directory import Directory, Service


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
