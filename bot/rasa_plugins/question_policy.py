"""QuestionAnswerPolicy: a question asked inside a conversation gets its answer (issue 13: "answer
what was asked"), instead of the earlier reply again or "not understood".

A Rasa policy (config.yml; priority 10, above TopicFollowUpPolicy's 9 and TrustedAdultPolicy's 8;
not trained). When the latest message asks questions that data/conversation/questions.yml
answers for the writer's audience (a young person, or the trusted adult in slot
`trusted_adult`), it predicts those responses (at most two, in the order asked, none already
given in the conversation), then action_listen.

It abstains, so the other replies come first:
- urgent turns: danger now, possible danger, medical emergencies, self-harm, another language
  (999 first is never delayed by an answer); a recent assault until its reply has been given once;
- right after a danger question (DangerQuestionPolicy reads the answer) and while a form runs;
- a young person's first disclosure (its acknowledgement and routes come first; questions asked
  after it are answered) and an adult's turn before any guidance for their situation was given;
- intents with their own replies: privacy, forgetting, "not now", local support, greetings.
A member of staff's "who do I call" that names a borough ("Southwark. who do I call") gets that
borough's routes (action_give_staff_guidance, C8) instead of "tell me the borough". Every other
response it names is in domain.yml.
"""

from __future__ import annotations

from itertools import chain
from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation.questions import answers_for, audience_of, current_questions
from bot.conversation.topics import conversation_topic, topic_of_turn, turn_of
from bot.conversation.trusted_adults import (
    GENERAL,
    SITUATIONS,
    SPEAKERS,
    situation_of,
    staff_role,
)
from bot.rasa_plugins.danger_question_policy import _names_a_borough as names_a_place
from bot.rasa_plugins.trusted_adult_policy import LEAVE_FORM as LEFT_FORM
from bot.rasa_plugins.trusted_adult_policy import SLOT as TRUSTED_ADULT_SLOT
from bot.rasa_plugins.trusted_adult_policy import guidance_response
from bot.rasa_plugins.single_action_policy import SingleActionPolicy, next_in_plan
from bot.rasa_plugins.turn_policy import Turn, answers_a_danger_question, latest_turn

DEFAULT_PRIORITY = 10
URGENT_INTENTS = frozenset(
    {
        "report_immediate_danger",
        "report_possible_danger",
        "report_medical_emergency",
        "disclose_self_harm",
        "use_other_language",
    }
)
LOCAL_SUPPORT_INTENT = "ask_local_support"
RECENT_ASSAULT, RECENT_ASSAULT_REPLY = "disclose_recent_assault", "utter_recent_assault"
OWN_REPLY_INTENTS = frozenset(
    {
        "ask_privacy",
        "request_forget",
        "say_not_now",
        "ask_local_support",
        "inform_location",
        "greet",
        "say_goodbye",
        "say_thanks",
    }
)
# own replies that give way when the message also asks a question of ours ("Thanks. Should I
# let her mum know?" got "You're welcome"; "should I delete the app and all the messages?" got
# the offer to delete this chat): the question is answered instead
GIVE_WAY_TO_A_QUESTION = frozenset({"greet", "say_goodbye", "say_thanks", "request_forget"})
# C20: an adult's "Do I write down what he said? Exactly what words?" was read as a privacy
# question and got "I'm a computer program. I don't ask for your name": an adult's question of
# ours is answered instead of the privacy reply (a young person's "is this private" keeps it)
ADULT_GIVE_WAY = frozenset({"ask_privacy"})
ADULT_GUIDANCE_PREFIXES = ("utter_staff_", "utter_parent_")
# every situation's guidance response, for every kind of adult (TrustedAdultPolicy names them)
SITUATION_GUIDANCE = frozenset(
    guidance_response(speaker, situation, lead, employer)
    for speaker in SPEAKERS
    for situation in (*SITUATIONS, GENERAL)
    for lead, employer in ((False, False), (True, False), (False, True))
)
WHO_TO_CALL = ("utter_staff_answer_who_to_call", "utter_staff_lead_answer_who_to_call")  # + "again"
SIGNPOST = "action_signpost"  # a disclosure's routes, the last of its rule's reply
BOROUGH_ROUTES = "action_give_staff_guidance"  # the borough's front door and LADO (actions/staff.py)


def next_action(tracker: DialogueStateTracker) -> Optional[str]:
    """The answer to run now, action_listen once all are given, or None to abstain."""
    if tracker.active_loop_name:
        return None
    turn = latest_turn(tracker)
    if turn is None:
        return None
    adult = tracker.get_slot(TRUSTED_ADULT_SLOT)
    # a member of staff who said they are the safeguarding lead gets the lead's answers (C9)
    texts = [turn.user.text or ""] + [e.text or "" for e in turn.earlier]
    # C22: an employer writing about their young worker has no DSL: their own answers
    lead, employer = staff_role(adult, texts)
    audience = audience_of(adult, lead, employer)
    if (
        _others_answer_first(turn, audience)
        and not (
            audience != "young_person"
            and turn.crisis_by_classifier_alone
            and not answers_a_danger_question(turn)
        )
        and not _situations_question_first(turn, audience)
    ):
        # an adult's question the urgency classifier alone read as a crisis ("can I ring the
        # MASH myself or wait for the DSL?") is answered; without an answer, the crisis check
        return None

    def topic() -> Optional[str]:
        earlier = (turn_of(e.parse_data, e.text) for e in turn.earlier)
        return conversation_topic(chain([turn_of(turn.user.parse_data, turn.user.text)], earlier))

    def topics_told() -> frozenset[str]:
        turns = [turn_of(turn.user.parse_data, turn.user.text)] + [
            turn_of(e.parse_data, e.text) for e in turn.earlier
        ]
        return frozenset({topic_of_turn(*t) for t in turns} | {conversation_topic(turns)}) - {None}

    # the message's own words first: most messages ask nothing, and then the conversation is
    # never read. An answer already given in this conversation is not given again word for
    # word: the question asked again gets its short answer, when the kind has one
    def situation() -> Optional[str]:
        return situation_of([turn.user.text or ""] + [e.text or "" for e in turn.earlier])

    answers = answers_for(
        turn.user.text,
        audience,
        given=tuple(turn.before),
        topic=topic,
        topics_told=topics_told,
        situation=situation,
        earlier_texts=lambda: [e.text or "" for e in turn.earlier],
    )
    if (
        audience in ("staff", "safeguarding_lead")
        and names_a_place(turn.user)
        and any(a.startswith(WHO_TO_CALL) for a in answers)
    ):
        # "Southwark. who do I call": that borough's front door and LADO, even when the routes
        # without a borough were shown before, not "tell me the borough" (C8's first run)
        plan = [BOROUGH_ROUTES]
    else:
        plan = [a for a in answers if a not in turn.before]
    if not plan:
        return None
    if audience == "young_person" and _first_disclosure(turn):
        # C22: a worry told with the first disclosure (the abuser at a family occasion ahead) is
        # answered once the disclosure's own reply and routes were given, not left for later
        return _after_the_disclosure(turn, topic)
    if audience != "young_person" and not any(a.startswith(ADULT_GUIDANCE_PREFIXES) for a in turn.before):
        return None
    if audience != "young_person" and _new_situation_first(turn, adult, lead, employer):
        return None  # TrustedAdultPolicy: the new situation's guidance, then these answers (C13)
    since = turn.since
    if audience != "young_person" and since[:1] == [LEFT_FORM]:
        since = since[1:]  # TrustedAdultPolicy ended the borough question for this turn (C12)
    return next_in_plan(plan, since)


def _others_answer_first(turn: Turn, audience: str = "young_person") -> bool:
    intent = turn.intent
    gives_way = GIVE_WAY_TO_A_QUESTION | (ADULT_GIVE_WAY if audience != "young_person" else frozenset())
    if intent in URGENT_INTENTS or (intent in OWN_REPLY_INTENTS and intent not in gives_way):
        return True
    if intent == RECENT_ASSAULT and RECENT_ASSAULT_REPLY not in turn.before:
        return True
    return answers_a_danger_question(turn)


def _situations_question_first(turn: Turn, audience: str) -> bool:
    """C17: an adult asking for local help ("where do I even get help for HIM", read as
    ask_local_support, whose own reply is the borough question) in a situation with its own
    answer to that (questions.yml kinds with `situations`: the writer's own child is the one
    accused) gets that answer, not the borough question for a child who was harmed. C20: so do
    kinds marked `over_local_support` ("if the head brushes it off, anywhere else I can go?")."""
    if audience == "young_person" or turn.intent != LOCAL_SUPPORT_INTENT:
        return False
    kinds = tuple(k for k in current_questions() if k.situations or k.over_local_support)
    texts = [turn.user.text or ""] + [e.text or "" for e in turn.earlier]
    return bool(
        answers_for(
            turn.user.text,
            audience,
            kinds=kinds,
            given=tuple(turn.before),
            situation=lambda: situation_of(texts),
        )
    )


def _new_situation_first(turn: Turn, adult: str, lead: bool, employer: bool = False) -> bool:
    """Only the general guidance was given so far (an opener: "one of my boxers told me something
    tonight"), and this message tells a situation whose guidance was not given: that guidance
    comes first (TrustedAdultPolicy gives it, then these answers). Once a situation's own guidance
    was given, later readings do not hold the answers back."""
    texts = [turn.user.text or ""] + [e.text or "" for e in turn.earlier]
    situation = situation_of(texts)
    if situation == GENERAL or guidance_response(adult, situation, lead, employer) in turn.before:
        return False
    general = {guidance_response(adult, GENERAL, lead, employer)}
    return not any(a in SITUATION_GUIDANCE and a not in general for a in turn.before)


def _after_the_disclosure(turn: Turn, topic) -> Optional[str]:
    """The answers of kinds marked `after_a_first_disclosure` that the first disclosure's message
    asks or tells, once the rules gave its reply and routes (action_signpost), else None."""
    since = list(turn.since)
    if SIGNPOST not in since:
        return None
    kinds = tuple(k for k in current_questions() if k.after_a_first_disclosure)
    later = [
        a
        for a in answers_for(turn.user.text, "young_person", kinds=kinds, topic=topic)
        if a not in turn.before
    ]
    if not later:
        return None
    return next_in_plan(since[: since.index(SIGNPOST) + 1] + later, since)


def _first_disclosure(turn: Turn) -> bool:
    """This message discloses something and nothing was disclosed before it."""
    this = turn_of(turn.user.parse_data, turn.user.text)
    if conversation_topic([this]) is None:
        return False
    earlier = (turn_of(e.parse_data, e.text) for e in turn.earlier)
    return conversation_topic(earlier) is None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class QuestionAnswerPolicy(SingleActionPolicy):
    DEFAULT_PRIORITY = DEFAULT_PRIORITY
    NEXT_ACTION = staticmethod(next_action)
