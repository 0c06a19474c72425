"""The contracts domain.yml, the rules and endpoints.yml promise (ARCHITECTURE.md, SAFETY.md), and
that the channels' code, like domain.yml, writes no service's number."""

from __future__ import annotations

import re
import tokenize

import yaml

from bot.nlg.placeholders import fill_message, fill_text, unresolved_in_responses
from tests.reply_questions import questions_in

URGENT_RESPONSES = {
    "utter_emergency": "emergency",
    "utter_recheck_danger": "emergency",
    "utter_recent_assault": "emergency",
    "utter_crisis": "crisis",
    # a follow-up only the urgency classifier read as a crisis: asked about, with the crisis lines
    "utter_check_crisis": "crisis",
    "utter_crisis_followup": "crisis",
    # C15: a young person telling of a friend's suicidal words: 999 if they might act, the lines
    "utter_crisis_friend": "crisis",
    # B21: danger now whose words also tell of a crisis: the crisis lines beside the emergency reply
    "utter_crisis_beside_emergency": "crisis",
    "utter_medical": "emergency",
    "utter_safety_check": "emergency",
    "utter_emergency_next_steps": "emergency",
    "utter_other_language": "emergency",
    # a trusted adult told of a recent rape: 999 if hurt or in danger, the Havens
    "utter_staff_recent_assault": "emergency",
    "utter_parent_recent_assault": "emergency",
    # a trusted adult telling of danger now: 999 first, then their situation's guidance
    "utter_adult_emergency": "emergency",
    # C16: a trusted adult telling of a medical emergency: the ambulance first, then guidance
    "utter_adult_medical": "emergency",
    # a trusted adult telling of a child's suicide plan or self-harm: 999 first, the crisis lines
    "utter_adult_crisis": "crisis",
    # after the emergency steps, before a new question's answer: 999 again in one line
    "utter_emergency_question": "emergency",
    "utter_emergency_before_answer": "emergency",
    "utter_ask_safe_now": "emergency",
    # C8: the young person stops inside the emergency route (999 kept), a borough named in it
    "utter_emergency_stop": "emergency",
    "utter_emergency_before_local": "emergency",
    # C8: a means at hand after a crisis reply, and "what do i do now" after suicidal thoughts
    "utter_crisis_means": "crisis",
    "utter_answer_what_now_crisis": "crisis",
    # C17: a child in danger now, after the adult's emergency reply: the emergency number all the
    # same though she begged them not to, not going there alone, what she can do while they call
    "utter_adult_answer_no_police_in_danger": "emergency",
    "utter_adult_answer_dont_go_alone": "emergency",
    "utter_adult_answer_while_calling": "emergency",
    "utter_adult_answer_dont_wait_for_family": "emergency",
}
URGENT_INTENTS = {
    "report_immediate_danger",
    "disclose_self_harm",
    "disclose_recent_assault",
    "report_medical_emergency",
    "report_possible_danger",
    "use_other_language",
}


def response_texts(domain_yaml):
    for name, variations in domain_yaml["responses"].items():
        for variation in variations:
            yield name, variation.get("text", ""), [b["title"] for b in variation.get("buttons", [])]


def test_domain_holds_no_phone_number(repo):
    text = (repo / "domain.yml").read_text().replace('version: "3.1"', "")
    # placeholders name a listing (e.g. [[emergency_999.phone]]); they are not written numbers
    written = re.sub(r"\[\[[a-z0-9_.]+\]\]", "", text)
    # no run of three or more digits anywhere (999 and 101 included): numbers live in data/services
    assert re.findall(r"\d[\d ]{1,}\d", written) == []


def test_no_phone_number_is_written_in_the_channel_code(repo):
    """Numbers live in data/services only (ARCHITECTURE.md); the channels take them from there.
    Checked: Python string literals (comments may talk about "999"), and all HTML/JS/CSS, except
    links.py, whose pattern describes the formats it recognises (it was phone.js's before)."""
    number = re.compile(r"(?<![\w.-])(?:999|0\d{3} ?\d{3,4} ?\d{3,4}|116 ?\d{3}|85258)(?![\w-])")
    offenders = []
    for folder in ("bot/web", "bot/telegram"):
        for file in sorted((repo / folder).rglob("*")):
            if file.name == "links.py":
                continue
            if file.suffix == ".py":
                with open(file, "rb") as source:
                    texts = [
                        t.string for t in tokenize.tokenize(source.readline) if t.type == tokenize.STRING
                    ]
            elif file.suffix in {".html", ".js", ".css"}:
                texts = file.read_text(encoding="utf-8").splitlines()
            else:
                continue
            offenders += [f"{file.relative_to(repo)}: {t.strip()}" for t in texts if number.search(t)]
    assert offenders == []


def test_every_placeholder_resolves_against_the_real_directory(domain_yaml, directory):
    assert unresolved_in_responses(domain_yaml["responses"], directory) == []


def test_only_urgent_responses_carry_the_urgency_marker(domain_yaml):
    marked = {
        name: variation["custom"]["urgency"]
        for name, variations in domain_yaml["responses"].items()
        for variation in variations
        if "urgency" in (variation.get("custom") or {})
    }
    assert marked == URGENT_RESPONSES


def test_emergency_reply_puts_999_in_its_first_line(domain_yaml, directory):
    filled = fill_message(domain_yaml["responses"]["utter_emergency"][0], directory)
    assert "999" in filled["text"].splitlines()[0]


def test_crisis_reply_gives_childline_samaritans_shout_and_999(domain_yaml, directory):
    for name in (
        "utter_crisis",
        "utter_medical",
        "utter_crisis_followup",
        "utter_adult_crisis",
        "utter_crisis_means",
        "utter_crisis_friend",
        "utter_crisis_beside_emergency",
        "utter_answer_what_now_crisis",
    ):  # an overdose taken is medical and self-harm
        text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
        for number in ("0800 1111", "116 123", "85258", "999"):
            assert number in text, name


def test_every_999_first_reply_leads_with_999_and_says_how_to_call_without_speaking(domain_yaml, directory):
    for name in (
        "utter_emergency",
        "utter_medical",
        "utter_safety_check",
        "utter_emergency_next_steps",
        "utter_other_language",
        "utter_adult_emergency",
        "utter_adult_crisis",
        "utter_emergency_question",
        "utter_emergency_before_answer",
    ):
        text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
        assert "999" in text.splitlines()[0], name
        assert "press 55" in text, name  # the Silent Solution, from the directory
    for name in ("utter_emergency", "utter_medical", "utter_other_language"):
        text = fill_message(domain_yaml["responses"][name][0], directory)["text"]
        assert "interpreter" in text and "name of your language" in text, name


def test_recent_assault_reply_gives_999_first_and_the_havens(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_recent_assault"][0], directory)["text"]
    first_999 = text.index("999")
    assert first_999 < text.index("Havens")
    assert directory.get("the_havens").phone.split(" (")[0] in text


def test_the_first_reply_after_a_recent_assault_gives_outside_london_its_routes(domain_yaml, directory):
    text = fill_text(domain_yaml["responses"]["utter_recent_assault"][0]["text"], directory)
    assert "Outside London, find your nearest centre at https://www.nhs.uk/sarcs or call NHS 111." in text


def test_urgent_rules_use_no_custom_action(repo):
    # custom actions need the action server; the urgent path must work without it
    rules = yaml.safe_load((repo / "data/rules/urgency.yml").read_text())["rules"]
    for rule in rules:
        for step in rule["steps"]:
            action = step.get("action")
            if action:
                assert action.startswith("utter_") or action == "action_deactivate_loop", rule["rule"]


def test_every_urgent_intent_has_a_rule_inside_and_outside_the_form(repo):
    rules = yaml.safe_load((repo / "data/rules/urgency.yml").read_text())["rules"]
    plain = {r["steps"][0]["intent"] for r in rules if "condition" not in r and "intent" in r["steps"][0]}
    in_form = {r["steps"][0]["intent"] for r in rules if r.get("condition")}
    assert URGENT_INTENTS <= plain and URGENT_INTENTS <= in_form


def test_urgent_intents_never_fill_a_form_slot(domain_yaml):
    for slot in ("borough", "borough_options"):
        for mapping in domain_yaml["slots"][slot]["mappings"]:
            assert URGENT_INTENTS <= set(mapping.get("not_intent", [])), slot


NEVER_SAID = re.compile(r"\bwhy\b|are you sure|committed suicide", re.IGNORECASE)
# a question may ask about danger, safety or a borough, never about what happened or who they are
PROBING_QUESTION = re.compile(
    r"\b(who|when|what happened|name|school|address|phone number|"
    r"postcode is|how old|details)\b",
    re.IGNORECASE,
)


def test_no_reply_asks_why_or_probes_for_details(domain_yaml):
    for name, text, titles in response_texts(domain_yaml):
        for piece in [text, *titles]:
            assert not NEVER_SAID.search(piece), f"{name}: {piece!r}"
        # button titles are the young person's own words ("Will my school find out?")
        for question in questions_in(text):
            assert not PROBING_QUESTION.search(question), f"{name}: {question!r}"


def test_every_disclosure_acknowledgement_believes_or_thanks(domain_yaml):
    for name, text, _ in response_texts(domain_yaml):
        if name.startswith("utter_acknowledge_") and name != "utter_acknowledge_friend":
            assert "thank you" in text.lower(), name
            assert (
                "not your fault" in text.lower()
                or "wasn't your fault" in text.lower()
                or "not in trouble" in text.lower()
            ), name


def test_every_reply_with_buttons_offers_a_way_out(domain_yaml):
    for name, variations in domain_yaml["responses"].items():
        for variation in variations:
            payloads = [b["payload"] for b in variation.get("buttons", [])]
            if payloads and name not in {"utter_ask_in_danger_now", "utter_recheck_danger", "utter_privacy"}:
                assert "/say_not_now" in payloads, name


def test_first_message_says_computer_program_999_and_what_is_kept(domain_yaml, directory):
    text = fill_message(domain_yaml["responses"]["utter_greet"][0], directory)["text"]
    assert "computer program" in text and "not a person" in text
    assert "can't send help" in text and "can't see who you are" in text
    assert "999" in text and "deleted 1 hour after your last message" in text
    assert len(domain_yaml["responses"]["utter_greet"][0]["buttons"]) >= 4


def test_retention_is_the_same_everywhere(repo, domain_yaml):
    endpoints = yaml.safe_load((repo / "endpoints.yml").read_text())
    minutes = endpoints["tracker_store"]["max_idle_minutes"]
    assert domain_yaml["session_config"]["session_expiration_time"] == minutes == 60
    assert "deleted 1 hour after your last message" in domain_yaml["responses"]["utter_privacy"][0]["text"]


def test_config_is_seeded_and_has_the_required_policies(repo):
    config = yaml.safe_load((repo / "config.yml").read_text())
    by_name = {c["name"]: c for c in config["pipeline"] + config["policies"]}
    assert by_name["DIETClassifier"]["random_seed"] == 42
    # every trained TensorFlow component is seeded (TEDPolicy was dropped in issue 17)
    assert all(
        "random_seed" in part
        for part in config["pipeline"] + config["policies"]
        if part["name"] in {"DIETClassifier", "TEDPolicy", "ResponseSelector"}
    )
    assert "FallbackClassifier" in by_name and "RulePolicy" in by_name
    assert "UnexpecTEDIntentPolicy" not in by_name
    assert config["pipeline"][-1]["name"] == "bot.rasa_plugins.safety_net.SafetyNet"


# numbers in replies that are not service facts: how long this chat is kept (the product's own
# retention, bot/privacy) and the legal age of a child in child protection
OWN_FACTS = {
    "utter_greet",
    "utter_privacy",
    "utter_privacy_again",
    "utter_forget",
    "utter_what_happens_after_report",
}


def test_service_facts_in_replies_come_from_the_directory(repo):
    """Issue 13: no service fact in domain.yml. Ages, days and hours of a service are read from
    its listing ([[id.field]]), so they carry the listing's source and date."""
    domain = yaml.safe_load((repo / "domain.yml").read_text())
    offenders = []
    for name, text, _buttons in response_texts(domain):
        written = re.sub(r"\[\[[a-z0-9_.]+\]\]", "", text)
        if name not in OWN_FACTS and re.search(r"\b\d+\b", written):
            offenders.append(name)
    assert offenders == []
