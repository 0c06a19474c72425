import re

from bot.directory.boroughs import london_boroughs


def test_all_33_authorities_have_a_file_and_a_block(directory):
    assert len(london_boroughs()) == 33
    assert {b.id for b in directory.boroughs} == set(london_boroughs())
    codes = sorted(b.ons_code for b in directory.boroughs)
    assert codes == [f"E09{n:06d}" for n in range(1, 34)]


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


def test_lambeth_gaia_centre_is_local(directory):
    gaia = directory.get("lambeth_gaia_centre")
    assert gaia.areas == ("lambeth",) and gaia.phone == "020 7733 8724"
    assert gaia in directory.serving("lambeth") and gaia not in directory.serving("hackney")
