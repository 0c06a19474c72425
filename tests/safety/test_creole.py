"""English-based creoles read as English (bot/safety/creole.py, data/safety/creole_words.yml; B16):
danger now in Nigerian Pidgin or Jamaican Patois gets a level; everyday creole and other languages
that share a word stay as they were. Our own sentences."""

import pytest

from bot.safety.creole import load_creole_table
from bot.safety.risk import assess_risk


def level(text):
    return assess_risk(text, use_classifier=False).level


@pytest.mark.parametrize(
    "text",
    [
        # Nigerian Pidgin: followed to the gate and scared; a man at the gate telling her to get in
        "abeg dat oga wey dey follow me since school don reach our gate, i dey fear",
        "dat guy wey i meet for snap don reach my house, e dey tell me make i enter im motor now now",
        # Jamaican Patois: followed home now and scared
        "one bwoy a follow mi from school an him a come to mi yard now, mi fraid",
        "mi deh pon di train an one man a follow mi from Peckham, mi fraid",
    ],
)
def test_danger_now_in_a_creole_is_read_as_english(text):
    assert level(text) in {"emergency", "check"}


@pytest.mark.parametrize(
    "text",
    [
        "mi deh a mi granny yard a watch tv",
        "abeg wetin be di homework for maths",
        "mi casa es tu casa",
        "im at the bus stop, see you in 5",
    ],
)
def test_everyday_creole_and_other_languages_stay_quiet(text):
    assert level(text) is None


def test_the_table_needs_two_markers_and_reads_phrases_first():
    table = load_creole_table()
    assert table.read_as_english("im at the bus stop") is None
    assert table.read_as_english("mi deh pon di bus") == "i am on the bus"


@pytest.mark.parametrize(
    "text",
    [
        # B19, Jamaican Patois: a threat to burn the place down with someone at the door, and being
        # locked in a room with a weapon at hand (our own sentences)
        "mi stepfaada deh a di door a bawl seh him a go bun dung di yard, mi fraid",
        "di man deh outside a holla seh him a go bun up di flat, him have petrol, wi lock up inna di bedroom",
    ],
)
def test_b19_a_threat_to_burn_the_place_in_patois(text):
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes: a bun to eat, a bawling baby, locking up the shop
        "mi nan mek a bun fi easter an mi eat it all",
        "di baby a bawl all night, mi tired",
    ],
)
def test_b19_everyday_patois_stays_calm(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # B20, Jamaican Patois: someone beating a mother or me now, with a threat to kill ("lick ...
        # dung" of a person is a beating; our own sentences)
        "mi stepfaada a lick mi madda dung inna di living room, him seh him a go kill har",
        "mi bredda a lick mi dung inna di yard right now, him seh him a go kill mi",
    ],
)
def test_b20_a_beating_now_in_patois(text):
    assert level(text) == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes: licking a ball in a game, her boyfriend visiting
        "mi fren a lick di ball inna di yard wid har likkle bredda",
        "mi sista bwoyfren deh yah fi dinner, him nice",
    ],
)
def test_b20_everyday_patois_stays_calm(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        # B21, Jamaican Patois and Nigerian Pidgin: shots fired near me now and hiding ("buss a
        # shot" is fired a shot); our own sentences
        ("a man buss a shot outside di chicken shop, mi hide behind di car wid mi bredda", "emergency"),
        ("dem a buss shot pon di road an mi hide inna di bathroom, mi fraid", "emergency"),
        ("dem dey shoot for our street now now, we dey hide for inside room", "emergency"),
        # B21: a child who drank fuel or a household chemical, in Pidgin, Patois and Krio
        (
            "my pikin don drink bleach wey dey for water bottle, e dey vomit and e no fit breathe well",
            "medical",
        ),
        (
            "mi likkle bredda drink off di bleach outta di juice bottle, him a vomit an cyaan talk good",
            "medical",
        ),
        ("mi sista pikin dɔn drink kerosene, i de kof an i de vomit", "medical"),
    ],
)
def test_b21_shots_and_poison_in_the_creoles(text, expected):
    assert level(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes: hide and seek, a shot at goal, kerosene run out at home
        "mi hide inna di wardrobe fi play hide an seek wid mi likkle cousin",
        "him tek a shot pon goal an score, di whole a wi a celebrate",
        "abeg wetin i go buy for market, kerosene don finish for house",
    ],
)
def test_b21_everyday_creole_stays_calm(text):
    assert level(text) is None


@pytest.mark.parametrize(
    "text,expected",
    [
        # B22 (after its first run), Jamaican Patois in our own words: people waiting outside for
        # me "wid a ting" (a weapon), watching the door; someone "get juk" (stabbed), "blood a run"
        # (bleeding), going weak and cold
        ("dem a wait fi mi by di gate wid a ting, mi cyaan lef di school", {"emergency"}),
        (
            "mi deh a di bus stop an three man deh outside di shop wid a ting, dem a watch mi, mi fraid",
            {"emergency"},
        ),
        (
            "four a dem deh pon di corner wid ting, a watch mi yard door, mi nah go out",
            {"emergency", "check"},
        ),
        (
            "mi cousin get juk up outside di chicken shop, blood a run everywhere an she a go weak",
            {"medical"},
        ),
        ("him get juk inna him leg, blood a pour out, him seh him cold an a shake", {"medical"}),
    ],
)
def test_b22_patois_weapon_waiting_and_stabbing(text, expected):
    assert level(text) in expected


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes in the same voice: watching football, a present, waiting for my brother,
        # a pricked finger, feeling weak from skipping breakfast
        "mi deh a mi bredda yard, wi a watch di football, arsenal a win",
        "mi cousin bring a ting fi mi birthday, a nice likkle cake",
        "mi a wait fi mi bredda outside di shop, him a buy chicken",
        "mi juk mi finger pon di needle sewing mi uniform, it just sting likkle",
        "mi feel weak an cold cos mi nuh eat breakfast, wah fi eat",
        "dem a wait fi mi after school fi go chicken shop, mi soon come",
    ],
)
def test_b22_everyday_patois_stays_calm(text):
    assert level(text) is None
