"""TopicFollowUpPolicy: a young person's conversation keeps what they disclosed and comes back to
it (issue 13 items 1, 2 and 6).

A Rasa policy (config.yml; priority 9; not trained). The topic is the newest disclosure in the
conversation (bot.conversation.topics.conversation_topic: the intent's topic, an image or
sextortion cue in the words, or the model's own intent when the risk stage answered first).

- A follow-up after a disclosure ("yes please", "what now", "help", a message the model could
  not read, "idk what to do") gets utter_topic_followup (belief, and Childline by name, from the
  domain so it works without the action server) then action_continue_topic (the topic's own first
  routes, not the whole list again), then action_listen; never "Sorry, I'm not sure I understood"
  or the main menu.
- A weak intent (start_disclosure, nlu_fallback) whose words show a nude image or sextortion is
  answered as image abuse: utter_acknowledge_image_abuse, action_signpost.
- Being made to marry (bot.conversation.forced_marriage), whatever the model read it as: the
  law, not your fault, and the routes with the Forced Marriage Unit first
  (utter_acknowledge_forced_marriage, action_signpost).
- Abuse by the writer's own partner of about their age (bot.conversation.relationships), read by
  the model as grooming, adult abuse or nothing, is answered as relationship abuse:
  utter_acknowledge_relationship_abuse, action_signpost (not "when an adult asks you...").
- More of a disclosure already acknowledged (one told over several messages, issue 13 item 6)
  gets the short utter_same_topic_more, then the follow-up with its routes, then the short
  utter_topic_followup_again: a reply is not given twice while another fits.
- What happened, told after the invitation to share (utter_invite_to_share) in words the model
  reads only as start_disclosure, gets utter_acknowledge_told_more (thanks, belief, not your
  fault) and action_signpost, not the same invitation again.
- What happened, told right after the answer to "does it count?" or a question about consent
  (ASKED_FIRST), in words the model cannot read, gets the same thanks and routes (C7), and the
  reporting process asked again in other words gets the honest "I don't want to guess" with who
  can answer, not the same police text twice.
- After "I'm glad you're safe" (DangerQuestionPolicy's reply to a clear "safe"), a disclosure
  made earlier is acknowledged with its routes: action_continue_topic. After the emergency route
  is kept (utter_emergency_next_steps: 999 first, the marker) the same routes follow it, so
  ongoing abuse told before the danger check is never left with 999 alone.

- A threat to share pictures unless the young person pays or sends more, read by the risk stage
  as a check or as danger now (a deadline), gets "don't pay" (utter_continue_image_abuse) between
  the rule's 999 line and "Are you in danger right now?", once in a conversation: found when C19
  was gated (the danger question alone while the deadline ran). A crisis beside it
  (CrisisCheckPolicy) and an answer to a danger question (DangerQuestionPolicy) keep theirs.

- "Not now" (or a plain no) after utter_not_now, and a plain yes after the menu, get the short
  utter_not_now_again / utter_help_options_again, not the same reply twice (C8).

It abstains when a trusted adult is writing (TrustedAdultPolicy), right after a danger question
(DangerQuestionPolicy), while a form is active, and for every other intent.
"""

from __future__ import annotations

from itertools import chain
from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation.topics import (
    ASSAULT_TOPIC,
    FORCED_MARRIAGE_TOPIC,
    GROOMING_TOPIC,
    IMAGE_TOPIC,
    INTENT_TOPICS,
    NOT_DISCLOSURES,
    RELATIONSHIP_TOPIC,
    conversation_topic,
    topic_of_turn,
    turn_of,
)
from bot.conversation.exposure import is_exposure
from bot.conversation.questions import answers_for
from bot.conversation.reply_cues import (
    about_a_relative,
    announces_something,
    asks_for_no_list,
    friend_not_at_risk,
    shared_someones_image,
    tells_of_me,
)
from bot.conversation.trusted_adults import situation_of
from bot.rasa_plugins.danger_question_policy import TOLD_BEFORE_NOW_PARTS, asks_a_question
from bot.safety.risk import assess_risk, default_risk_data
from bot.rasa_plugins.safety_net import has_crisis_cue, model_intent_of, weak_check
from bot.rasa_plugins.single_action_policy import SingleActionPolicy, next_in_plan
from bot.rasa_plugins.turn_policy import answers_a_danger_question, latest_turn

DEFAULT_PRIORITY = 9
FOLLOW_UP_INTENTS = frozenset(
    {"nlu_fallback", "affirm", "ask_help_options", "confirm_safe", "out_of_scope", "start_disclosure"}
)
WEAK_INTENTS = frozenset({"nlu_fallback", "start_disclosure"})
FOLLOW_UP = "utter_topic_followup"
CONTINUE = "action_continue_topic"
IMAGE_ACK, SIGNPOST = "utter_acknowledge_image_abuse", "action_signpost"
RELATIONSHIP_ACK = "utter_acknowledge_relationship_abuse"
GROOMING_ACK = "utter_acknowledge_grooming"
GROOMING_INTENT, ASSAULT_ACK = "disclose_grooming", "utter_acknowledge_assault"
FORCED_MARRIAGE_ACK = "utter_acknowledge_forced_marriage"
HARASSMENT_INTENT = "disclose_harassment"
SAME_TOPIC_MORE = "utter_same_topic_more"
FRIEND_INTENT, FRIEND_ACK = "disclose_friend_concern", "utter_acknowledge_friend"
FRIEND_SEXTORTION = "utter_friend_sextortion"
# C22: a brother's, sister's or cousin's abuse told by a young person: someone worried about
# another (bot.conversation.reply_cues.about_a_relative), never the victim's reply
RELATIVE_ACK = "utter_acknowledge_relative"
RELATIVE_DANGER_FIRST = "utter_adult_emergency"  # "If a child, or you, are in danger right now, call 999"
FOLLOW_UP_AGAIN = "utter_topic_followup_again"
UNKNOWN_QUESTION, UNKNOWN_QUESTION_AGAIN = "utter_question_not_known", "utter_question_not_known_again"
# disclosures a young person may tell over several messages (urgent ones keep their own rules)
DISCLOSURE_INTENTS = frozenset(
    intent for intent, topic in INTENT_TOPICS.items() if topic not in NOT_DISCLOSURES
) - {"disclose_recent_assault", "disclose_self_harm"}
# intents whose own acknowledgement does not fit abuse by a partner of the writer's age
RELATIONSHIP_INTENTS = WEAK_INTENTS | {"disclose_grooming", "disclose_adult_abuse"}
# the model's readings of a message about being made to marry that get its own acknowledgement
# (the urgent ones, self-harm among them, keep their rules: DISCLOSURE_INTENTS leaves them out; a
# question asked later is QuestionAnswerPolicy's)
FORCED_MARRIAGE_INTENTS = WEAK_INTENTS | DISCLOSURE_INTENTS | {"ask_does_it_count", "out_of_scope", "affirm"}
GLAD_SAFE, NEXT_STEPS = "utter_glad_safe", "utter_emergency_next_steps"
NOT_READ_INTENT, NOT_READ, NOT_READ_AGAIN = "nlu_fallback", "utter_default", "utter_default_again"
# the risk stage's check, and its 999 line (the emergency marker) without the danger question
CHECK_INTENT, SAFETY_LINE = "report_possible_danger", "utter_safety_check"
# the model's own readings of a message that tell something happened (DISCLOSURE_INTENTS and
# start_disclosure): a weak check on one of them is a disclosure with 999 first
TOLD_INTENTS = DISCLOSURE_INTENTS | {"start_disclosure"}
DISCLOSURE_START, INVITE = "start_disclosure", "utter_invite_to_share"
HARASSMENT_ACK = "utter_acknowledge_harassment"
# the emergency route's re-asks ("are you safe?" after 999): once said, the route can end (C10)
ROUTE_ASKED = frozenset({"utter_ask_safe_now", "utter_emergency_question"})
PAST_INTENT = "disclose_past_abuse"
# the model's readings of an exposure told in words it could not put a kind to (C19)
EXPOSURE_INTENTS = frozenset({"nlu_fallback", "start_disclosure", "out_of_scope", "ask_does_it_count"})
TOLD_MORE = "utter_acknowledge_told_more"  # after the invitation, what happened told in other words
# replies to "does it count?", "is it okay if...?" or "what's the age of consent?" asked before
# anything was told: what comes next in words the model cannot read is usually what happened
# (C7's first run: "my mums boyfriend does it at nite" after "is it ok for a grown up to touch ur
# private parts if they say its a game", "i was super drunk at a party and idk if i wanted it"
# after "if ur rly drunk can u consent" got "Sorry, I'm not sure I understood")
# the rule's reply to a question about what happens after reporting: asked again in other words
# ("do u have to go to court", "what wud make them have to tell some1"), the same police text was
# given twice (C7's first run); said honestly instead, with who can answer
REPORT_PROCESS_INTENT, REPORT_PROCESS_REPLY = (
    "ask_what_happens_after_report",
    "utter_what_happens_after_report",
)
# C19, C20: intents a request for no list of numbers may come with ("can i just say something
# and u dont give me a list of numbers" was read as a wish to stay anonymous and got the list)
NO_LIST_INTENTS = WEAK_INTENTS | {
    "out_of_scope",
    "ask_report_anonymously",
    "ask_real_person",
    "ask_help_options",
}
# C20: "not now" or "nvm" after a disclosure: no pressure, the door left open with one person to
# talk to (a friend's worry: it's too much to carry alone), instead of the plain utter_not_now
NOT_NOW_INTENT = "say_not_now"
NOT_NOW_FRIEND, NOT_NOW_TOLD = "utter_not_now_friend", "utter_not_now_after_disclosure"
FRIEND_TOPIC = "friend_concern"
# the urgency rules' first line for the risk stage's check and danger now (data/rules/urgency.yml),
# and their question; "don't pay" goes between them for a threat to share pictures unless paid
DANGER_FIRST_LINES = {CHECK_INTENT: SAFETY_LINE, "report_immediate_danger": "utter_emergency"}
DANGER_QUESTION, IMAGE_ADVICE = "utter_ask_in_danger_now", "utter_continue_image_abuse"
# replies that already told a young person not to pay or send more
DONT_PAY_SAID = frozenset({IMAGE_ADVICE, IMAGE_ACK, FRIEND_SEXTORTION, "utter_answer_pay"})
# intents whose plan may read the earlier turns more than once (a list, not a generator)
READ_EARLIER_ONCE_MORE = (
    RELATIONSHIP_INTENTS
    | DISCLOSURE_INTENTS
    | WEAK_INTENTS
    | FOLLOW_UP_INTENTS
    | {"out_of_scope", NOT_NOW_INTENT, "ask_does_it_count"}
)
ASKED_FIRST = frozenset(
    {INVITE, "utter_answer_it_counts", "utter_acknowledge_not_sure", "utter_answer_consent_law"}
)
# C22: the writer sent on someone else's nude or sexual picture (bot.conversation.reply_cues:
# shared_image) and got the victim's "this is not your fault, and you are not in trouble": honest,
# no shaming and no promise, what to do now (stop it going further, tell a trusted adult, Report
# Remove for the person in it, Childline); told more of it later, the short steps again
SHARED_IMAGE, SHARED_IMAGE_AGAIN = "utter_answer_shared_image", "utter_answer_shared_image_again"
# the model's readings of such a message that are answered this way: a disclosure (of pictures,
# an assault, harassment...), or a reading that names no kind when the words show a picture
AUDIENCE = "young_person"  # this policy answers young people only
SHARED_IMAGE_INTENTS = DISCLOSURE_INTENTS | WEAK_INTENTS | {"ask_does_it_count", "out_of_scope"}
# and, told after such a message, its follow-ups ("ok", "what now"): read once, not per message
SHARED_IMAGE_OR_FOLLOW_UP = SHARED_IMAGE_INTENTS | FOLLOW_UP_INTENTS
# C22: a question no kind answers, asked once a disclosure was answered (the conversation's topic
# may be none: "my supervisor keeps touching me" read only as start_disclosure) gets the honest
# "I don't know that, here is who can answer", not "Sorry, I'm not sure I understood"
TOLD_REPLIES = frozenset({TOLD_MORE, FOLLOW_UP, FOLLOW_UP_AGAIN, SAME_TOPIC_MORE, SHARED_IMAGE})


def next_action(tracker: DialogueStateTracker) -> Optional[str]:
    """The action to run now, or None to leave the turn to the other policies."""
    if tracker.get_slot("trusted_adult") or tracker.active_loop_name:
        return None
    turn = latest_turn(tracker)
    if turn is None:
        return None
    since, before = turn.since, turn.before
    if (
        turn.intent == CHECK_INTENT
        and not has_crisis_cue(turn.user.parse_data)
        and (about_a_relative(turn.user.text) or (weak_check(turn.user.parse_data) and _relative_told(turn)))
    ):
        # C22: a brother's or sister's abuse the risk stage read as possible danger ("my little
        # sister told me her boyfriend hurts her") got "Are you in danger right now?" three turns
        # running: 999 first for the child or the writer (the emergency marker, no question about
        # the writer), the worry about them and the routes; more of it later, only the classifier
        # reading it as danger, is thanked, not asked about again
        if RELATIVE_ACK not in before:
            return next_in_plan([RELATIVE_DANGER_FIRST, RELATIVE_ACK, SIGNPOST], since)
        return next_in_plan(
            _fresh(before, [SAME_TOPIC_MORE], [FOLLOW_UP, CONTINUE], [FOLLOW_UP_AGAIN]), since
        )
    if (
        turn.intent == CHECK_INTENT
        and weak_check(turn.user.parse_data)
        and (model_intent_of(turn.user.parse_data) in TOLD_INTENTS)
    ):
        # C14: a disclosure only the classifier read as possible danger ("my foster carer's son
        # messages me at night ... walked in on me in the bath"): 999 first, thanks and belief and
        # the routes, without "Are you in danger right now?", whose answers held the next turns
        # (999 three turns running, the routes never named)
        thanks = next(
            (r for r in (TOLD_MORE, FOLLOW_UP, FOLLOW_UP_AGAIN) if r not in before), FOLLOW_UP_AGAIN
        )
        return next_in_plan([SAFETY_LINE, thanks, SIGNPOST], since)
    if _demand_read_as_danger(turn):
        return next_in_plan([DANGER_FIRST_LINES[turn.intent], IMAGE_ADVICE, DANGER_QUESTION], since)
    earlier = (turn_of(e.parse_data, e.text) for e in turn.earlier)  # read only when needed
    if since in ([GLAD_SAFE], [NEXT_STEPS]):
        # after the danger question's answer (a clear "safe", or the emergency route kept): the
        # disclosure made before it gets its routes too, after 999 when the route was kept
        return CONTINUE if conversation_topic(earlier) else None
    if since[:1] in ([GLAD_SAFE], [NEXT_STEPS]):
        return ACTION_LISTEN_NAME if since[-1] == CONTINUE else None
    if answers_a_danger_question(turn):
        return None
    said_before = next(
        (short for (i, r), short in SAID_AGAIN.items() if i == turn.intent and r in before), None
    )
    said_before = said_before if said_before not in before else None  # a third time: its own rule
    plan = [said_before] if said_before else _plan(turn.intent, turn.user.text, earlier, before)
    if (
        plan is None
        and turn.intent == NOT_READ_INTENT
        and NOT_READ in before
        and NOT_READ_AGAIN not in before
    ):
        # a second message the model cannot read, not straight after the first (the rule covers
        # that): the other "not understood", not the same one again (C12, C13, C14: "is it weird
        # that im telling a bot first" three turns after "Sorry, I'm not sure I understood")
        plan = [NOT_READ_AGAIN]
    elif plan is None and turn.intent == NOT_READ_INTENT and {NOT_READ, NOT_READ_AGAIN} <= set(before):
        # C21: a third message the model cannot read, once both "not understood" replies were
        # given, got the first one again (the rule's): a question is said honestly not to be
        # known, with who can answer it; anything else gets the invitation to tell it in their own
        # words ("there's no wrong way to write it"), then the short "I'm still here"
        if turn.user.text and asks_a_question(turn.user.text):
            plan = _fresh(before, [UNKNOWN_QUESTION], [UNKNOWN_QUESTION_AGAIN], [FOLLOW_UP_AGAIN])
        else:
            plan = _fresh(before, [INVITE], [FOLLOW_UP_AGAIN])
    return next_in_plan(plan, since) if plan else None


# C8's first run: "nvm" then "not now", "ok" after the menu twice: the same social reply twice.
# (intent, reply given before) -> the short reply said instead, once
SAID_AGAIN = {
    ("say_not_now", "utter_not_now"): "utter_not_now_again",
    ("deny", "utter_not_now"): "utter_not_now_again",
    ("affirm", "utter_help_options"): "utter_help_options_again",
    # C13, C14: "do u save these chats" asked again later got the whole privacy block twice
    ("ask_privacy", "utter_privacy"): "utter_privacy_again",
    # C13: "is it dramatic to feel unsafe going to parties with them" after "does it count"
    ("ask_does_it_count", "utter_acknowledge_not_sure"): "utter_acknowledge_not_sure_again",
}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class TopicFollowUpPolicy(SingleActionPolicy):
    DEFAULT_PRIORITY = DEFAULT_PRIORITY
    NEXT_ACTION = staticmethod(next_action)


def _plan(intent: Optional[str], text: Optional[str], earlier, before=()) -> Optional[list[str]]:
    earlier = list(earlier) if intent in READ_EARLIER_ONCE_MORE else earlier
    if text and asks_for_no_list(text) and intent in NO_LIST_INTENTS and INVITE not in before:
        # C19: "can you just listen, no numbers" got "Sorry, I'm not sure I understood": the
        # invitation to tell as much or as little as they want, with one person to talk to
        return [INVITE]
    if (
        intent in (NOT_READ_INTENT, "out_of_scope")  # (start_disclosure has its own rule: the same)
        and text
        and announces_something(text)
        and INVITE not in before
        and not topic_of_turn(intent, text)  # "need help, someone is blackmailing me" tells it
        and not conversation_topic(earlier)
    ):
        # C20: an opener that announces something ("can i talk about something private", "sorry
        # if i write this weird, i have autism") got "Sorry, I'm not sure I understood": the
        # invitation to tell as much or as little as they want (it has "Not now")
        return [INVITE]
    if intent == NOT_NOW_INTENT and not {NOT_NOW_FRIEND, NOT_NOW_TOLD} & set(before):
        if _told_before(FRIEND_TOPIC, earlier) or any(i == FRIEND_INTENT for i, _, _ in earlier):
            return [NOT_NOW_FRIEND]
        if conversation_topic(earlier):
            return [NOT_NOW_TOLD]
    if intent in DISCLOSURE_INTENTS and any(asks_for_no_list(t) for _, t, _ in earlier):
        # C19: a list of numbers right after "i dont want a list of numbers": what they told is
        # thanked, with one person to talk to, not the routes' list (urgent levels keep their
        # own rules and lines: this policy never answers them)
        return _fresh(before, [FOLLOW_UP], [FOLLOW_UP_AGAIN])
    this = topic_of_turn(intent, text)
    if (
        intent in SHARED_IMAGE_OR_FOLLOW_UP
        and _shares_an_image(intent, text, this, earlier)
        and not (text and asks_a_question(text) and not shared_someones_image(text))
    ):
        # C22: told once, the steps; more of it, or "ok", the short steps, then the plain "still
        # here" (never the victim's "it's not your fault"); a question asked with it is answered
        # after the steps ("i sent her pics round, will i get arrested?")
        plan = _fresh(before, [SHARED_IMAGE], [SHARED_IMAGE_AGAIN], [FOLLOW_UP_AGAIN])
        asked = [a for a in answers_for(text, AUDIENCE, given=tuple(before)) if a not in (*before, *plan)]
        return plan + asked[:1]
    if (
        intent in RELATIONSHIP_INTENTS | DISCLOSURE_INTENTS
        and this
        and _told_before(this, earlier)
        or intent in RELATIONSHIP_INTENTS
        and this != RELATIONSHIP_TOPIC
        and conversation_topic(chain([(intent, text, None)], earlier)) == RELATIONSHIP_TOPIC
    ):
        # more of a disclosure already acknowledged (told over several messages, or more about
        # the same partner): a short "thank you for telling me more", not the whole reply again;
        # the routes come back every other time
        return _fresh(before, [SAME_TOPIC_MORE], [FOLLOW_UP, CONTINUE], [FOLLOW_UP_AGAIN])
    if (
        this == FRIEND_TOPIC
        and intent in DISCLOSURE_INTENTS | WEAK_INTENTS
        and text
        and about_a_relative(text)
        and RELATIVE_ACK not in before
    ):
        # C22: a brother's, sister's or cousin's abuse read by the model as the writer's own ("I
        # believe you ... an adult who is meant to look after you") or as a friend's ("your
        # friend"): the worry about a relative, then the friend_concern routes
        return [RELATIVE_ACK, SIGNPOST]
    if intent in RELATIONSHIP_INTENTS and this == RELATIONSHIP_TOPIC:
        return [RELATIONSHIP_ACK, SIGNPOST]
    if intent == GROOMING_INTENT and this == ASSAULT_TOPIC and ASSAULT_ACK not in before:
        # C20: a sexual assault with no sign of grooming, read by the model as grooming ("woke up
        # and this lad from my course was on top of me") got "When an adult asks you to keep
        # secrets, send pictures or meet up, that's grooming": the assault's acknowledgement
        return [ASSAULT_ACK, SIGNPOST]
    if (
        (intent == PAST_INTENT and text and not told_before_now(text))
        or (intent == FRIEND_INTENT and text and friend_not_at_risk(text))
    ) and conversation_topic(earlier) not in (None, this):
        # C19: more of the disclosure already told, read by the model as past abuse with nothing
        # in the words saying when ("they used my pics ... the whole year has seen it" after fake
        # nudes got "It doesn't matter how long ago it happened"), or as a worry about a friend
        # who is only a place or an adviser ("my mum thinks i stayed at my friends", "my friend
        # said to just send it to the head"): the short thanks, then the routes, not the other
        # kind's reply
        return _fresh(before, [SAME_TOPIC_MORE], [FOLLOW_UP, CONTINUE], [FOLLOW_UP_AGAIN])
    if (
        this == FORCED_MARRIAGE_TOPIC
        and intent in FORCED_MARRIAGE_INTENTS
        and FORCED_MARRIAGE_ACK not in before
    ):
        # C14, C15: "can my parents make me get married if im 16" got the invitation to share, and a
        # passport taken before a summer "visit" only 999 scripts: what the law says, that it is
        # not her fault, and the Forced Marriage Unit first
        return [FORCED_MARRIAGE_ACK, SIGNPOST]
    if (
        intent in EXPOSURE_INTENTS
        and text
        and is_exposure(text)
        and not {TOLD_MORE, HARASSMENT_ACK} & set(before)
    ):
        # C19: "a man showed me his private parts" got "Sorry, I'm not sure I understood": thanks,
        # belief, not your fault, and the routes (harassment's; 999 comes from the risk stage
        # when he is still near now)
        return [TOLD_MORE, SIGNPOST]
    if intent in WEAK_INTENTS | {HARASSMENT_INTENT} and this == GROOMING_TOPIC:
        # an adult partner named in words the model could not read, or read as harassment
        return [GROOMING_ACK, SIGNPOST]
    if intent == FRIEND_INTENT and text and situation_of([text]) == "sextortion":
        return [FRIEND_ACK, FRIEND_SEXTORTION, SIGNPOST]  # a friend blackmailed with pictures
    if intent in WEAK_INTENTS | RELATIONSHIP_INTENTS and this == IMAGE_TOPIC:
        return [IMAGE_ACK, SIGNPOST]
    if intent == REPORT_PROCESS_INTENT and REPORT_PROCESS_REPLY in before:
        return _fresh(before, [UNKNOWN_QUESTION], [UNKNOWN_QUESTION_AGAIN], [FOLLOW_UP_AGAIN])
    if (
        intent in WEAK_INTENTS
        and (
            (intent == DISCLOSURE_START and INVITE in before)
            or (text and not asks_a_question(text) and before[-1:] and before[-1] in ASKED_FIRST)
        )
        and not conversation_topic(earlier)
    ):
        # what happened, told after "tell me as much or as little as you want" (C5's first run:
        # the invitation again) or after an answer to whether it counts (C7's: "not
        # understood"), in words the model cannot put a kind to: thanks, belief and the routes
        return _fresh(before, [TOLD_MORE, SIGNPOST], [SAME_TOPIC_MORE])
    if intent in FOLLOW_UP_INTENTS and conversation_topic(earlier):
        if text and asks_a_question(text):
            # a question no kind of data/conversation/questions.yml answers (QuestionAnswerPolicy
            # answers the others first): said honestly, with who can answer it, not "you don't
            # have to work it all out tonight" (C6's first run: 13 conversations)
            return _fresh(before, [UNKNOWN_QUESTION], [UNKNOWN_QUESTION_AGAIN], [FOLLOW_UP_AGAIN])
        return _fresh(before, [FOLLOW_UP, CONTINUE], [FOLLOW_UP_AGAIN], [SAME_TOPIC_MORE])
    if (
        intent in FOLLOW_UP_INTENTS
        and text
        and asks_a_question(text)
        and _answered_a_disclosure_or_ended_a_route(before)
    ):
        # C19: a question once the emergency route has ended (999 said and "are you safe?" asked
        # again), in a conversation with no disclosure topic: said honestly, with who can answer,
        # not "Sorry, I'm not sure I understood"
        return _fresh(before, [UNKNOWN_QUESTION], [UNKNOWN_QUESTION_AGAIN])
    return None


def _relative_told(turn) -> bool:
    """C22: this message, or the conversation so far (after the relative's acknowledgement), is a
    young person's worry about a brother's, sister's or cousin's abuse, not their own."""
    text = turn.user.text or ""
    if about_a_relative(text):
        return True
    if RELATIVE_ACK not in turn.before:
        return False
    earlier = (turn_of(e.parse_data, e.text) for e in turn.earlier)
    return conversation_topic(earlier) == FRIEND_TOPIC and not tells_of_me(text)


def _shares_an_image(intent, text, this, earlier) -> bool:
    """This message tells that the writer sent on someone else's picture (shared_image), read by
    the model as a disclosure or with a picture in its words; or it tells more of that (a
    disclosure of pictures, or a message the model could not read) after an earlier message did."""
    if text and shared_someones_image(text):
        return intent in DISCLOSURE_INTENTS or this == IMAGE_TOPIC or _told_before(IMAGE_TOPIC, earlier)
    return (
        this in (IMAGE_TOPIC, None)
        and intent in DISCLOSURE_INTENTS | WEAK_INTENTS | FOLLOW_UP_INTENTS
        and any(shared_someones_image(t) for _, t, _ in earlier)
    )


def _answered_a_disclosure_or_ended_a_route(before) -> bool:
    """The conversation gave a disclosure's reply (an acknowledgement, the thanks for more; not the
    answer to "does it count?", ASKED_FIRST) or ended the emergency route: a question after it is
    not "not understood"."""
    return bool((ROUTE_ASKED | TOLD_REPLIES) & set(before)) or any(
        r.startswith("utter_acknowledge_") and r not in ASKED_FIRST for r in before
    )


def _demand_read_as_danger(turn) -> bool:
    """A young person's message the risk stage read as a check or danger now whose words show a
    threat to share pictures unless they pay or send more (trusted_adults.situation_of:
    sextortion), with no crisis cue (CrisisCheckPolicy's), not an answer to a danger question
    (DangerQuestionPolicy's), and no "don't pay" said yet in the conversation."""
    return (
        turn.intent in DANGER_FIRST_LINES
        and not answers_a_danger_question(turn)
        and not has_crisis_cue(turn.user.parse_data)
        and not DONT_PAY_SAID & set(turn.before)
        and situation_of([turn.user.text or ""]) == "sextortion"
    )


def told_before_now(text: str) -> bool:
    """The word classes find a time before now in `text` ("when i was 9", "years ago", "last
    summer", "used to": TOLD_BEFORE_NOW_PARTS)."""
    parts = assess_risk(text, default_risk_data(), use_classifier=False, check_language=False).parts
    return bool(TOLD_BEFORE_NOW_PARTS & parts)


def _told_before(topic: str, earlier) -> bool:
    """An earlier message of the conversation already disclosed this topic (then acknowledged)."""
    return any(topic_of_turn(intent, text, model) == topic for intent, text, model in earlier)


def _fresh(before, *plans: list[str]) -> list[str]:
    """The first plan whose reply was not given yet in this conversation (no reply twice); when
    all were, the last (the shortest)."""
    return next((plan for plan in plans if plan[0] not in before), plans[-1])
