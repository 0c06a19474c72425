"""SafetyNet: the risk stage inside Rasa, the last NLU component. It runs bot.safety.risk on every
message and, when a level is found, sets the intent whose rule gives that level's reply
(confidence 1.0), whatever the model predicted:

    emergency -> report_immediate_danger     medical -> report_medical_emergency
    crisis -> disclose_self_harm              recent_assault -> disclose_recent_assault
    check -> report_possible_danger           not English -> use_other_language

The model can raise a level only to `check` (its urgent intents together, with a harm cue: see
data/safety/levels.yml). Intents only the risk stage may give are taken back from the model when
the stage found nothing: an urgent intent becomes nlu_fallback (whose reply names 999 and
Childline: a gentle check, not an escalation; the model is confidently wrong on idioms such as
"i'm scared of spiders"), use_other_language becomes nlu_fallback, and disclose_recent_assault
without a harm or assault cue becomes the model's next non-urgent intent (56 of 59 benign false
alarms in the 2026-11-30 blind run were that intent on "sports day friday"-like messages); with
a past-time cue ("last year") it becomes disclose_past_abuse; with groping as the only cue ("a boy
grabbed my bum in the lunch queue last friday": no rape or assault word, nothing now) it becomes
disclose_harassment, and so does such touching told as a story after it was over ("after
school he sat next to me and put his hand on my leg", C15); with a harm cue but no sexual act ("my boyfriend hit me yesterday") it
becomes report_possible_danger: the danger check, not the sexual-assault reply with the Havens
and emergency contraception (issue 13). A message with no level that the model could not place
(nlu_fallback, or an urgent guess taken back) becomes start_disclosure when the stage read an
assault or abuse cue in it ("someone slipped something in my coke at the party", "my coach went
too far last week"): thanks and belief, not "not understood" (C5's and C7's gates after C10).

A message the stage escalates is never reinterpreted as a "/intent" command: Rasa's
RegexMessageHandler runs after the pipeline and would replace the intent for text such as
'/deny{"x": 1} i want to die', so leading slashes are removed from such a message's text.

The model's own intent and ranking are kept under the message key "safety_net" with the level,
the reasons (rule and combination ids), the part names and whether the level is the urgency
classifier's (`by_classifier`; never the text), so `rasa shell nlu`,
the tracker and bot/safety/evaluate.py can show what the model alone would have done.
Config (config.yml): `lexicon_dir`, default <repo>/data/safety; the files reload on edit.
"""

from __future__ import annotations

import copy
from typing import Any, Dict, List, Optional, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_plugins.config_component import ConfigComponent
from bot.safety import language
from bot.safety.lexicon import DEFAULT_DIR
from bot.safety.reloading import ReloadingLexicon
from bot.conversation.social_intents import has_its_words
from bot.safety.risk import (
    RiskAssessment,
    assess_risk,
    default_risk_data,
    load_risk_data,
    told_as_habit_or_before_now,
)
from bot.safety.risk_rules import MODEL_URGENT

OTHER_LANGUAGE = "other_language"
INTENT_FOR_LEVEL = {
    "emergency": "report_immediate_danger",
    "medical": "report_medical_emergency",
    "crisis": "disclose_self_harm",
    "recent_assault": "disclose_recent_assault",
    "check": "report_possible_danger",
    OTHER_LANGUAGE: "use_other_language",
}
# urgent intents the model's confidence is summed over for `model_urgent`
MODEL_URGENT_INTENTS = frozenset(
    {"report_immediate_danger", "report_medical_emergency", "disclose_self_harm", "report_possible_danger"}
)
# intents that only the risk stage may give (the model's guess is taken back without it)
STAGE_ONLY_INTENTS = frozenset(INTENT_FOR_LEVEL.values())
GENTLE_CHECK_INTENT = "nlu_fallback"
PAST_INTENT = "disclose_past_abuse"
LONG_AGO_CUES = frozenset({"past", "weeks_ago"})
HARASSMENT_INTENT = "disclose_harassment"
SEXUAL_ASSAULT_CUE = "sexual_assault"
GROPING_CUE = "groping"
VEILED_ABUSE_CUE = "veiled_abuse"
DISCLOSURE_INTENT = "start_disclosure"
# parts that make a message the model could not place a disclosure ("someone slipped something in
# my coke at a party", "my coach went too far last week"): thanks and belief, not "not understood"
# C13: sexual touching told in simple words ("the man on the bus touch my leg and my chest") too
DISCLOSURE_CUES = frozenset({SEXUAL_ASSAULT_CUE, VEILED_ABUSE_CUE, GROPING_CUE})
# parts that say the groping is happening now or the person is still there: not the harassment reply
NOW_CUES = frozenset(
    {
        "present_person",
        "immediacy",
        "harm_now",
        "just_happened",
        "near_me",
        "near_again",
        "pursuit",
        "confined",
    }
)
ASSAULT_CUES = frozenset({SEXUAL_ASSAULT_CUE, "harm_done", "harm_now"})
HABIT_CUES = frozenset({"habitual", "habit_when"})  # abuse told as a habit (C15, C17)
SAFETY_NET_KEY = "safety_net"


# The policies read SafetyNet's parse data only through these functions.
def stage_level(parse_data: Optional[dict]) -> Optional[str]:
    """The level the risk stage gave a message (its parse data as Rasa stores it): "emergency",
    "medical", "crisis", "recent_assault", "check", "other_language", or None (nothing urgent)."""
    return ((parse_data or {}).get(SAFETY_NET_KEY) or {}).get("level")


def level_by_classifier_alone(parse_data: Optional[dict]) -> Optional[str]:
    """The level of a message when the urgency classifier alone gave it, not the word classes;
    None otherwise. Policies treat the learned reader's levels with less certainty than the
    words' (the crisis check, danger answers)."""
    info = (parse_data or {}).get(SAFETY_NET_KEY) or {}
    return info.get("level") if info.get("by_classifier") else None


def weak_check(parse_data: Optional[dict]) -> bool:
    """The risk stage's `check` came from the urgency classifier alone, and the words found no part
    that the emergency, medical or check combinations look for beyond when it was (settings
    `when_parts`: "right now", "last week"): "im nb. they/them", "everythings just heavy rn" (C13).
    The check's 999 line stands. On a message the model read as a disclosure, TopicFollowUpPolicy
    gives thanks and the routes instead of the danger question (C14); elsewhere, inside a
    conversation under way, DangerQuestionPolicy lets a story with nothing urgent that follows the
    question be answered as anywhere (C13)."""
    info = (parse_data or {}).get(SAFETY_NET_KEY) or {}
    if info.get("level") != "check" or not info.get("by_classifier"):
        return False
    data = default_risk_data()
    rules = data.rules
    cues = rules.cues_of("emergency") | rules.cues_of("medical") | rules.cues_of("check")
    cues -= data.classifier.settings.when_parts | {MODEL_URGENT}
    return not (set(info.get("parts") or ()) & cues)


def model_intent_of(parse_data: Optional[dict]) -> Optional[str]:
    """The NLU model's own intent for a message whose intent the risk stage replaced; None when
    it did not replace it."""
    info = (parse_data or {}).get(SAFETY_NET_KEY) or {}
    return (info.get("model_intent") or {}).get(INTENT_NAME_KEY)


def has_crisis_cue(parse_data: Optional[dict]) -> bool:
    """The risk stage read a suicide or self-harm cue in the message: its level is crisis, or one
    of the rules it matched is a crisis one, whatever level won ("she says she'll kill herself,
    she's upstairs now" is emergency by its rules and crisis by its words)."""
    info = (parse_data or {}).get(SAFETY_NET_KEY) or {}
    rules = info.get("rules") or ()
    return info.get("level") == "crisis" or any(str(rule).startswith("crisis.") for rule in rules)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyNet(ConfigComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"lexicon_dir": None, "reload_interval_seconds": 1.0}

    def __init__(self, config: Dict[Text, Any]) -> None:
        directory = config.get("lexicon_dir") or DEFAULT_DIR
        self._data = ReloadingLexicon(
            directory, float(config.get("reload_interval_seconds", 1.0)), loader=load_risk_data
        )
        language.warm_up()

    def process(self, messages: List[Message]) -> List[Message]:
        data = self._data.current()
        for message in messages:
            text = message.get(TEXT)
            if isinstance(text, str) and text:
                ranking = message.get(INTENT_RANKING_KEY) or []
                urgent_p = sum(
                    float(entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
                    for entry in ranking
                    if entry.get(INTENT_NAME_KEY) in MODEL_URGENT_INTENTS
                )
                self._apply(message, assess_risk(text, data, urgent_p))
        return messages

    @staticmethod
    def _apply(message: Message, assessment: RiskAssessment) -> None:
        model_intent: Optional[dict] = copy.deepcopy(message.get(INTENT))
        model_ranking: list = copy.deepcopy(message.get(INTENT_RANKING_KEY) or [])
        text = message.get(TEXT)
        level = assessment.level
        if level is None and assessment.other_language:
            level = OTHER_LANGUAGE
        name = (
            INTENT_FOR_LEVEL.get(level)
            if level
            else _take_back(model_intent, model_ranking, assessment, text)
        )
        if name is None and (model_intent or {}).get(INTENT_NAME_KEY) == GENTLE_CHECK_INTENT:
            name = _disclosure_reading(assessment)
        if name is None:
            return
        if level and text.lstrip().startswith("/"):
            message.set(TEXT, text.lstrip().lstrip("/"))
        override = {INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: 1.0}
        rest = [entry for entry in model_ranking if entry.get(INTENT_NAME_KEY) != name]
        message.set(INTENT, override, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(override)] + rest, add_to_output=True)
        message.set(
            SAFETY_NET_KEY,
            {
                "level": level,
                "rules": list(assessment.reasons),
                "parts": sorted(assessment.parts),
                "demoted": level is None,
                "by_classifier": assessment.by_classifier,
                "model_intent": model_intent,
                "model_ranking": model_ranking,
            },
            add_to_output=True,
        )


def _take_back(
    model_intent: Optional[dict], ranking: list, assessment: RiskAssessment, text: str = ""
) -> Optional[str]:
    """The intent to use instead of a stage-only intent the model gave on its own; None when the
    model's intent stands. A short social intent (say_thanks, say_not_now) is never the
    replacement unless the message has its words (bot.conversation.social_intents): "theres a
    man on my estate whos been doing stuff to me. last week was the last time" fell to
    say_thanks, the next in the ranking, and got "You're welcome" (C4's first run)."""
    name = (model_intent or {}).get(INTENT_NAME_KEY)
    if name not in STAGE_ONLY_INTENTS:
        return None
    if name == "disclose_recent_assault":
        if LONG_AGO_CUES & assessment.parts and "recent" not in assessment.parts:
            # years ago, or weeks ago and outside the Havens' seven days ("at a party in july",
            # "last month": B11), is non-recent abuse
            return PAST_INTENT
        if (
            GROPING_CUE in assessment.parts
            and SEXUAL_ASSAULT_CUE not in assessment.parts
            and (not NOW_CUES & assessment.parts or _told_before_now(assessment))
        ):
            # "a boy grabbed my bum in the lunch queue": sexual touching over clothes with no rape,
            # no assault word and nothing happening now is sexual harassment (its reply names
            # it, Childline and the school's safeguarding lead), not the danger check, which the
            # harm cue "grabbed" gave, and not the Havens (the 2026-11-30 new-user trial)
            return HARASSMENT_INTENT
        if SEXUAL_ASSAULT_CUE in assessment.parts:
            return None  # an assault cue, but no time the stage could read: the model may be right
        if VEILED_ABUSE_CUE in assessment.parts:
            # "my coach went too far last week": abuse in other words, with no assault word the
            # stage can read: the disclosure reply, neither the Havens nor the next guess ("affirm")
            return DISCLOSURE_INTENT
        if HABIT_CUES & assessment.parts and _told_before_now(assessment):
            # "when nan goes to bingo grandad makes me sit on his lap and touches me": abuse told
            # as a habit, nothing in it happening now, is a disclosure (thanks, belief, who can
            # help), not the danger check the harm cue would give (C17, issue 13 item 3)
            return DISCLOSURE_INTENT
        if ASSAULT_CUES & assessment.parts:
            # hitting, beating, hurting without a sexual act is not the sexual-assault reply (no
            # Havens, no emergency contraception): harm cues, so the danger check (issue 13 item 3)
            return INTENT_FOR_LEVEL["check"]
        for entry in ranking:
            other = entry.get(INTENT_NAME_KEY)
            if (
                other
                and other not in STAGE_ONLY_INTENTS
                and other != GENTLE_CHECK_INTENT
                and has_its_words(other, text)
            ):
                return other
    return _disclosure_reading(assessment) or GENTLE_CHECK_INTENT


def _told_before_now(assessment: RiskAssessment) -> bool:
    """The stage read the message as told as a habit or done before now, with nothing now in it
    (bot.safety.risk.told_as_habit_or_before_now): "after school on the bus he sat next to me and
    put his hand on my leg ... i moved seats", "last week he put his hand on my knee in the car"
    are harassment told after it was over, not a danger check (C15), though "sat next to me" and
    "put his hand on" are read as now when nothing says when."""
    data = default_risk_data()
    if data.classifier is None:
        return False
    return told_as_habit_or_before_now(assessment.parts, data.rules, data.classifier.settings)


def _disclosure_reading(assessment: RiskAssessment) -> Optional[str]:
    """start_disclosure for a message with no level that the model could not place (nlu_fallback)
    or placed only as urgent, when the stage read an assault or abuse cue in it (DISCLOSURE_CUES:
    a spiking in other words, "he went too far", "did stuff when i said no"); None otherwise.
    C5's and C7's gated conversations, once C10's calm parts took their false levels away: "Sorry,
    I'm not sure I understood" is the wrong reply to someone who has just told (DisclosureFallback
    does the same when the model's own disclosure intents add up)."""
    return DISCLOSURE_INTENT if DISCLOSURE_CUES & assessment.parts else None
