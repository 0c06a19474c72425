"""Which directory topic a conversation is about, from the intent that brought it there."""

from __future__ import annotations

from typing import Iterable

from bot.conversation.exposure import is_exposure
from bot.conversation.forced_marriage import is_forced_marriage
from bot.conversation.relationships import has_partner, is_relationship_abuse, names_an_adult
from bot.conversation.reply_cues import about_a_relative, told_as_assault, told_as_rape
from bot.conversation.trusted_adults import situation_of
from bot.conversation.turn_memo import remembered

INTENT_TOPICS = {
    "disclose_assault": "assault",
    "disclose_recent_assault": "medical_forensic",
    "disclose_harassment": "harassment",
    "disclose_image_abuse": "image_abuse",
    "disclose_grooming": "grooming",
    "disclose_adult_abuse": "adult_abuse",
    "disclose_past_abuse": "non_recent",
    "ask_does_it_count": "emotional_support",
    "disclose_friend_concern": "friend_concern",
    "disclose_self_harm": "self_harm",
    "ask_real_person": "emotional_support",
    "ask_report_police": "reporting",
    "ask_report_anonymously": "anonymous_reporting",
    "ask_staff_guidance": "staff_advice",
}

DEFAULT_TOPIC = "emotional_support"


def topic_for_intent(intent: str | None, previous_topic: str | None = None) -> str:
    """The topic for this intent; an answer such as an age keeps the topic it answers."""
    return INTENT_TOPICS.get(intent or "") or previous_topic or DEFAULT_TOPIC


# a weak or missing intent with an image cue in the words is still image abuse (sextortion
# included): "she says pay 200 quid or she sends it to everyone" (bot.conversation.trusted_adults)
IMAGE_CUE_SITUATIONS = frozenset({"sextortion", "image_nudes"})
IMAGE_TOPIC = "image_abuse"
RELATIONSHIP_TOPIC = "relationship_abuse"
GROOMING_TOPIC = "grooming"
ASSAULT_TOPIC = "assault"
# being made to marry, whatever the model read (data/conversation/forced_marriage.yml)
FORCED_MARRIAGE_TOPIC = "forced_marriage"
# indecent exposure ("a man showed me his private parts"), whatever the model read: a sexual
# offence told, answered with the harassment topic's routes (data/conversation/exposure.yml; C19)
EXPOSURE_TOPIC = "harassment"
# a young person's own partner of about their age is relationship abuse, whichever of these the
# model said (image abuse stays itself: its routes take pictures down) (bot.conversation.relationships; data/conversation/relationships.yml)
RELATIONSHIP_OVERRIDES = frozenset({"grooming", "adult_abuse", None})
# topics of questions and of "does it count": not a disclosure a follow-up can return to
NOT_DISCLOSURES = frozenset({"emotional_support", "reporting", "anonymous_reporting", "staff_advice"})


# C22: a brother's, sister's or cousin's abuse told by a young person, read as one of these topics
# (their own abuse), is a worry about someone else: the friend_concern topic and its routes
# (bot.conversation.reply_cues.about_a_relative). Image abuse, forced marriage, self-harm and a
# recent assault keep their own (their routes and urgent replies fit the relative too).
FRIEND_TOPIC = "friend_concern"
RELATIVE_OVERRIDES = frozenset(
    {"assault", "harassment", "grooming", "adult_abuse", "non_recent", RELATIONSHIP_TOPIC}
)


# the model's readings of a message that names the writer's partner as an adult which are not
# grooming: none at all, or sexual harassment
ADULT_PARTNER_MISREADS = frozenset({None, "harassment"})


def topic_of_turn(intent: str | None, text: str | None = None, model_intent: str | None = None) -> str | None:
    """The disclosure topic one user turn shows, or None (questions are not disclosures): forced
    marriage when its words show a child made or taken abroad to marry; else its
    intent's topic (INTENT_TOPICS), except that abuse by the writer's own partner of about their
    age is relationship_abuse (not grooming or image abuse, unless it is sextortion); else an image
    or sextortion cue in its words; else the topic
    of the model's own intent when the risk stage replaced it (a disclosure answered first with
    999 is still that disclosure). A brother's, sister's or cousin's abuse told by a young person
    (about_a_relative) is a worry about someone else (friend_concern), not their own (C22). Read
    once per turn while a message is handled
    (bot.conversation.turn_memo: the policies ask for every turn of the conversation each time)."""
    return remembered(
        ("topic_of_turn", intent, text, model_intent),
        lambda: _topic_with_relatives(intent, text, model_intent),
    )


def _topic_with_relatives(intent: str | None, text: str | None, model_intent: str | None) -> str | None:
    topic = _topic_of_turn(intent, text, model_intent)
    if topic in RELATIVE_OVERRIDES and text and about_a_relative(text):
        return FRIEND_TOPIC
    return topic


def _topic_of_turn(intent: str | None, text: str | None, model_intent: str | None) -> str | None:
    if text and is_forced_marriage(text):
        return FORCED_MARRIAGE_TOPIC  # C14, C15: a passport taken before a summer "visit"
    own = INTENT_TOPICS.get(intent or "")
    if own in (None, *NOT_DISCLOSURES) and text and is_exposure(text):
        return EXPOSURE_TOPIC  # C19: "not understood" for a man exposing himself to an 11-year-old
    if (
        own in RELATIONSHIP_OVERRIDES
        and text
        and is_relationship_abuse(text, abuse_known=own is not None)
        and situation_of([text]) != "sextortion"
    ):
        return RELATIONSHIP_TOPIC
    if (
        own == GROOMING_TOPIC
        and text
        and (told_as_rape(text) or (not names_an_adult(text) and told_as_assault(text)))
    ):
        # C20: a rape at a party by "a guy from college", read by the model as grooming: an
        # assault, with the assault's routes (data/conversation/reply_cues.yml); C21: a rape told
        # in so many words is one whoever did it (an older man met on an app)
        return ASSAULT_TOPIC
    if own in RELATIONSHIP_OVERRIDES and text and situation_of([text]) == "sextortion":
        return IMAGE_TOPIC  # "send more or i post them", read by the model as grooming
    if own in ADULT_PARTNER_MISREADS and text and has_partner(text) and names_an_adult(text):
        # "my boyfriend is 22 and my friends say it's weird"; "my bf is 23 is that weird. hes
        # really good to me buys me stuff", which the model read as harassment (C6's first run)
        return GROOMING_TOPIC
    for name in (intent, "CUE", model_intent):
        if name == "CUE":
            if text and situation_of([text]) in IMAGE_CUE_SITUATIONS:
                return IMAGE_TOPIC
            continue
        topic = INTENT_TOPICS.get(name or "")
        if topic and topic not in NOT_DISCLOSURES:
            return topic
    return None


# where SafetyNet (bot/rasa_plugins/safety_net.py, SAFETY_NET_KEY) keeps the model's own intent
SAFETY_NET_KEY, MODEL_INTENT = "safety_net", "model_intent"


def turn_of(parse_data: dict | None, text: str | None) -> tuple[str | None, str | None, str | None]:
    """(final intent, text, the model's own intent when the risk stage replaced it) of a user
    message, from its parse data as Rasa stores it (the same in the tracker and rasa_sdk)."""
    parse = parse_data or {}
    model = ((parse.get(SAFETY_NET_KEY) or {}).get(MODEL_INTENT) or {}).get("name")
    return (parse.get("intent") or {}).get("name"), text, model


def conversation_topic(turns_newest_first: Iterable[tuple[str | None, str | None, str | None]]) -> str | None:
    """The newest disclosure topic in the conversation: turns are (intent, text, model_intent).
    A grooming or adult-abuse turn that names no adult, after relationship abuse was disclosed,
    stays relationship abuse (the same partner)."""
    turns = iter(turns_newest_first)
    for intent, text, model_intent in turns:
        topic = topic_of_turn(intent, text, model_intent)
        if (
            topic in RELATIONSHIP_OVERRIDES - {None}
            and not names_an_adult(text)
            and conversation_topic(turns) == RELATIONSHIP_TOPIC
        ):
            # "hes 14. he says if i loved him i would" after "my bf keeps asking me for nudes":
            # the same partner, not an adult grooming them
            return RELATIONSHIP_TOPIC
        if topic:
            return topic
    return None


# a topic's own advice (domain.yml utter_continue_<topic>) that fits only some of its situations:
# "don't pay, don't send more" is for a demand for money or more pictures (sextortion), not for
# pictures shared, a camera up a skirt or porn sent to them (C5's first run: 4 conversations)
ADVICE_ONLY_FOR = {IMAGE_TOPIC: "sextortion"}


def topic_advice(topic: str | None, texts: Iterable[str]) -> str | None:
    """The response name of `topic`'s own advice (utter_continue_<topic>; the caller checks the
    domain has it), or None when the conversation's texts (any order) do not show the situation
    that advice is for (ADVICE_ONLY_FOR, read by bot.conversation.trusted_adults.situation_of
    message by message)."""
    if not topic:
        return None
    needed = ADVICE_ONLY_FOR.get(topic)
    if needed and not any(situation_of([text]) == needed for text in texts if text):
        return None
    return f"utter_continue_{topic}"
