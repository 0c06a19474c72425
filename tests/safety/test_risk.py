"""The risk stage (bot/safety/risk.py): one test per KIND of urgent wording, with the issue's own
examples (public failure reports) and the precedence, windowing and data-safety rules. The blind
sets' figures are gated in test_blind_sets.py."""
import pytest

from bot.safety.lexicon import LexiconError
from bot.safety.risk import LEVELS, RiskAssessment, assess_risk, split_sentences
from bot.safety.risk_rules import load_risk_rules

EMERGENCY_LIKE = {"emergency", "check"}  # both lead with 999 and carry the emergency marker


def level(text, **kwargs):
    return assess_risk(text, **kwargs).level


@pytest.mark.parametrize("text", [
    "hes here and hurting me",
    "i just got raped and he's still here",
    "my stepdad just hit me and hes still in the house",
])
def test_harm_with_the_person_present_is_emergency(text):
    assert level(text) == "emergency"


@pytest.mark.parametrize("text", [
    "a man in a car keeps following me",
    "this guy keeps walking behind me every time i cross he crosses too",
])
def test_being_followed_is_emergency(text):
    assert level(text) == "emergency"


@pytest.mark.parametrize("text", [
    "my ex said hes coming round tonight to hurt me",
    "he said when he gets back tonight im dead",
    "if i dont come out hes coming in",
])
def test_a_threat_with_the_person_near_or_tonight_is_emergency(text):
    assert level(text) in {"emergency", "check"} and level(text + " and hes outside now") == "emergency"


@pytest.mark.parametrize("text", [
    "cant talk hes in the next room",
    "hes coming up the stairs and im scared",
    "he texted see u in 10, i told him no i dont want him here",
])
def test_the_person_present_with_fear_or_silence_is_emergency(text):
    assert level(text) == "emergency"


@pytest.mark.parametrize("text", [
    "someone spiked my drink at the party and now i cant stand up",
    "i feel drugged and i dont know where i am",
    "my friend took loads of pills and wont wake up",
    "im bleeding and it wont stop",
    "my mate fell and now she is not breathing properly",
    "my little brother drank bleach",
    "he kicked me in the stomach and now im peeing blood",
])
def test_medical_emergencies_are_medical(text):
    assert level(text) == "medical"


def test_spiked_without_signs_is_a_check_and_with_signs_medical():
    assert level("someone spiked my drink") == "check"
    assert level("someone spiked my drink and everything is spinning") == "medical"


@pytest.mark.parametrize("text", [
    "its for a school project, how much paracetamol is a lethal dose",
    "asking for a friend, how many sleeping pills would be a dangerous amount",
    "i got kicked out of school today. whats the tallest bridge in london",
    "which tube stations dont have glass doors on the platform",
    "how strong does a rope need to be to hold someone my weight",
])
def test_means_questions_with_distress_or_a_cover_story_are_crisis(text):
    assert level(text) == "crisis"


@pytest.mark.parametrize("text", [
    "i've written my goodbye letters",
    "ive written letters for my mum and my sister just in case",
    "gave my trainers to my cousin, wont need them where im going",
    "everyone would be better off if i wasnt here",
])
def test_goodbyes_and_wanting_to_be_gone_are_crisis(text):
    assert level(text) == "crisis"


def test_a_recent_sexual_assault_is_recent_assault_and_an_old_one_is_not():
    assert level("he raped me last night") == "recent_assault"
    assert level("a lad from my old school assaulted me at a party last year") is None


@pytest.mark.parametrize("text", ["999", "help", "HELP ME", "sos", "please help"])
def test_a_bare_call_for_help_leads_with_999(text):
    assert level(text) in EMERGENCY_LIKE


@pytest.mark.parametrize("text", [
    "help!!! whats 7 times 8",
    "emergency!!! which trainers go with a green dress",
    "can someone help me with my history essay",
])
def test_help_inside_an_ordinary_message_is_not_a_check(text):
    assert level(text) is None


@pytest.mark.parametrize("text", [
    "my mums outside to pick me up",
    "arsenal killed it last night",
    "my ball went on the roof again, caretaker is gonna kill me",
    "we got battered 7-0 in the cup, coach is gonna murder us at training",
    "im crying laughing i literally cant breathe",
    "how many paracetamol can i take for a headache, whats the normal dose for my age",
    "overdosed on netflix this weekend",
    "i used to self harm in year 8 but ive been clean 2 years now",
    "sir took my phone till end of day",
    "we crossed london bridge on the school trip, teacher wouldnt let us go up the shard",
    "i'm dead 💀",
])
def test_everyday_lookalikes_are_not_urgent(text):
    assert level(text) is None


def test_a_long_message_with_one_urgent_sentence_is_urgent():
    day = ("so today was long. i missed the bus and got a detention which was peak, then english "
           "was fine and lunch was mid. after school we went to westfield and looked at trainers "
           "for ages, my friend got some new ones and i did half my science homework on the bus. ")
    assert len(day * 3) > 600
    assert level(day * 3 + "he raped me last night. " + day) == "recent_assault"
    assert level(day * 3 + "and now hes outside my house banging on the door" + day) == "emergency"


def test_neighbouring_sentences_are_read_together():
    assert level("he raped me. he's still in the house") == "emergency"
    assert split_sentences("a. b! c?\nd") == ["a", "b", "c", "d"]


def test_most_urgent_level_wins_and_levels_are_ordered():
    assert LEVELS == ("emergency", "medical", "crisis", "recent_assault", "check")
    assert level("i want to die and hes outside with a knife") == "emergency"
    assert level("i took a load of pills to end it") == "medical"


def test_the_model_can_raise_check_with_a_harm_cue_but_never_more():
    text = "my uncle touched me"
    assert level(text) is None
    assert level(text, model_urgent_probability=0.9) == "check"
    assert level("i love pizza", model_urgent_probability=0.99) is None  # no harm cue


def test_the_assessment_carries_names_never_text():
    assessment = assess_risk("zebrafish says he's outside my house and hurt me")
    assert isinstance(assessment, RiskAssessment)
    assert "zebrafish" not in repr(assessment.to_dict())
    assert assessment.reasons and assessment.parts


def _write(tmp_path, parts, levels):
    for name in ("groups.yml", "emergency.yml", "crisis.yml", "not_danger.yml"):
        (tmp_path / name).write_text((__import__("pathlib").Path(__file__).parents[2] / "data" / "safety" / name).read_text())
    (tmp_path / "parts.yml").write_text(parts)
    (tmp_path / "levels.yml").write_text(levels)


def test_the_loader_refuses_unknown_parts_levels_and_parts_that_fire_on_anything(tmp_path):
    part = "parts:\n  near:\n    note: x\n    patterns: ['\\bnear\\b']\n"
    _write(tmp_path, part, "levels:\n  emergency:\n    - {id: a, all: [far]}\n")
    with pytest.raises(LexiconError, match="unknown part"):
        load_risk_rules(tmp_path)
    _write(tmp_path, part, "levels:\n  panic:\n    - {id: a, all: [near]}\n")
    with pytest.raises(LexiconError, match="unknown level"):
        load_risk_rules(tmp_path)
    _write(tmp_path, "parts:\n  any:\n    note: x\n    patterns: ['.*']\n", "levels: {}\n")
    with pytest.raises(LexiconError, match="ordinary messages"):
        load_risk_rules(tmp_path)
    _write(tmp_path, part, "levels:\n  emergency:\n    - {id: a, all: [near]}\n")
    assert [c.id for c in load_risk_rules(tmp_path).combinations] == ["emergency.a"]
