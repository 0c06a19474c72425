"""TrustedAdultPolicy: once a trusted adult is writing (slot `trusted_adult`: "staff" or
"parent_carer", from the TrustedAdultSpeaker entity), answer their turns with the guidance for the
situation they describe, never with the replies written for a young person who was harmed.

A Rasa policy (config.yml; priority 8, above DangerQuestionPolicy's 7 and RulePolicy's 6; not
trained). On the turn after an adult's message whose intent is in ADULT_TURN_INTENTS it predicts
`utter_staff_<situation>` or `utter_parent_<situation>` (bot.conversation.trusted_adults reads the
situation from the adult's messages, newest first; staff who said they are the safeguarding lead
get LEAD_RESPONSES, never "tell your DSL", and always their borough's routes); for staff situations that need the borough's
front door or LADO it then predicts action_give_staff_guidance; then action_listen. Guidance
already given in the conversation becomes the short utter_trusted_adult_more, then
utter_trusted_adult_more_again, then utter_trusted_adult_more_last (no reply word for word twice;
only after all three does the guidance come round again: C9 and C10, an adult's sixth message got
the whole guidance a second time).

Danger now told by an adult (report_immediate_danger) gets utter_adult_emergency first (999 for
the child or the adult, the emergency marker; not "get to a safer place" and no "Are you in danger
right now?", which would treat the adult as the victim: C5's first run), then the answer to a
question the message asks (data/conversation/questions.yml, once their guidance was given: C7),
else the situation's guidance as above. A child's suicide plan or self-harm told by an adult (disclose_self_harm, or
danger now whose risk-stage rules include a crisis one: "my son has a plan to end his life, he's
in his room now", B10) gets utter_adult_crisis instead (999 first if the child might act now or is
hurt, staying with them, the lines for a worried adult and the crisis lines), then listen: the
abuse guidance does not fit it.

It abstains (all-zero prediction) when no trusted adult is writing, right after a danger question
(DangerQuestionPolicy answers) unless the adult's message is something new rather than an answer
(a question, or five words or more, with nothing urgent in it and no danger in its words: a DSL
asked "Are you in danger?" before saying who they were, C5; "I'm safe, I'm her dad, but she's
still with him" answers it, B21), while a form is active, and for intents with their own
replies: medical emergencies, self-harm and other languages keep their 999-first rules for adults
too (an adult's self-harm telling gets utter_adult_crisis, above), and privacy, forgetting, "not now", greetings and borough answers keep theirs.
Every response it names is in domain.yml, so it needs no action server except for the borough's
routes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Optional

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.trackers import DialogueStateTracker

from bot.conversation.questions import answers_for, audience_of
from bot.conversation.crisis_about_others import about_someone_else
from bot.conversation.trusted_adults import (
    GENERAL,
    current_patterns,
    situation_of,
    staff_role,
)
from bot.rasa_plugins.danger_question_policy import asks_a_question, moves_on
from bot.safety.danger_answer import names_a_danger
from bot.rasa_plugins.safety_net import SAFETY_NET_KEY, has_crisis_cue, stage_level
from bot.rasa_plugins.single_action_policy import SingleActionPolicy, next_in_plan
from bot.rasa_plugins.turn_policy import CRISIS_INTENT, answers_a_danger_question, latest_turn
from bot.safety.risk import default_risk_data

DEFAULT_PRIORITY = 8
SLOT = "trusted_adult"
# the adult's turns this policy answers; every other intent keeps its own rule
ADULT_TURN_INTENTS = frozenset(
    {
        "nlu_fallback",
        "out_of_scope",
        "affirm",
        "deny",
        "ask_help_options",
        "challenge_bot",
        "start_disclosure",
        "disclose_assault",
        "disclose_harassment",
        "disclose_image_abuse",
        "disclose_grooming",
        "disclose_adult_abuse",
        "disclose_past_abuse",
        "ask_does_it_count",
        "disclose_friend_concern",
        "disclose_recent_assault",
        "report_possible_danger",
        "confirm_safe",
        "correct_misunderstanding",
        "ask_report_police",
        "ask_report_anonymously",
        "ask_what_happens_after_report",
        "ask_will_others_find_out",
        "ask_is_it_my_fault",
        "ask_real_person",
        "ask_staff_guidance",
        # the model reads "she goes home at 3:15" as an age; an adult's ages are read by the
        # AgeExtractor whatever the intent, so the turn is still the adult's (C3's first run)
        "inform_age",
    }
)
# staff situations whose answer needs the borough's children's services front door and LADO
NEEDS_BOROUGH_ROUTES = frozenset(
    {"disclosure", "staff_allegation", "exploitation", "forced_marriage", GENERAL}
)
STAFF_GENERAL = "utter_staff_guidance"  # the DSL steps every member of staff gets
# a parent about someone who works or volunteers with children (or a fostering household) has
# its own reply with the LADO (C13, C15); harassment shares the disclosure reply
PARENT_SITUATIONS = {"harassment": "disclosure"}
# C17: a member of staff writing of their own child accused ("my son has been excluded for ...")
# gets the child-on-child guidance (KCSIE part five) the harassment reply gives
STAFF_SITUATIONS = {"harmful_behaviour": "harassment"}
FOLLOW_ON = "action_give_staff_guidance"
SAME_AGAIN = "utter_trusted_adult_more"
MORE_AGAIN = "utter_trusted_adult_more_again"  # the second such turn (C5, C6: no reply twice)
MORE_LAST = "utter_trusted_adult_more_last"  # the third (C9, C10: not the whole guidance again)
SHORT_REPLIES = (SAME_AGAIN, MORE_AGAIN, MORE_LAST)  # in this order, each once
NOT_KNOWN = "utter_trusted_adult_not_known"  # a question the guidance and answers do not cover
# "what do i do?", "what now?": the guidance already given is the answer ("the steps above")
STEPS_QUESTION = re.compile(
    r"^\W*(so |ok |okay |right )?(what (do|should|can|shall|must) (i|we) do( now| next| then)?|what now|what next|now what|"
    r"what are the steps|what happens now|help)\W*$",
    re.IGNORECASE,
)
BOROUGH_FORM = "local_support_form"  # "Which London borough does the child live in?"
LEAVE_FORM = "action_deactivate_loop"
# answers the form keeps for itself ("no" and "not now" leave it with their own reply: rules)
FORM_ANSWER_INTENTS = frozenset({"deny"})
DANGER_NOW_INTENT = "report_immediate_danger"
CHECK_INTENT = "report_possible_danger"  # the risk stage's `check` (or the model's urgent guess)
DANGER_NOW_FIRST = "utter_adult_emergency"  # 999 first, then the situation's guidance
# C16: a medical emergency told by an adult got the young person's reply ("When you're safe, you
# can talk to someone" with the crisis lines): an ambulance in the adult's terms, then guidance
MEDICAL_INTENT, MEDICAL_FIRST = "report_medical_emergency", "utter_adult_medical"
CRISIS_FIRST = "utter_adult_crisis"  # 999 first if they might act now, then the crisis lines


# the safeguarding lead's own guidance (C9: a DSL was told "tell your DSL"): their route is the
# children's services front door, the LADO and the police; situations without their own use the
# lead's general guidance
LEAD_RESPONSES = {
    "disclosure": "utter_staff_lead_disclosure",
    "exploitation": "utter_staff_lead_disclosure",
    "harassment": "utter_staff_lead_disclosure",
    "recent_assault": "utter_staff_lead_recent_assault",
    "staff_allegation": "utter_staff_lead_staff_allegation",
    "image_nudes": "utter_staff_lead_image",
    "sextortion": "utter_staff_lead_image",
    "forced_marriage": "utter_staff_lead_forced_marriage",
    "harmful_behaviour": "utter_staff_lead_disclosure",
}
LEAD_GENERAL = "utter_staff_lead_guidance"
# C22: an employer or business owner writing about their young worker: no DSL to tell; their own
# route (999 if danger now, the police, children's services, the NSPCC Helpline) in every situation
EMPLOYER_GUIDANCE = "utter_staff_employer_guidance"


def guidance_response(speaker: str, situation: str, lead: bool = False, employer: bool = False) -> str:
    """The domain response for a trusted adult's situation (names in domain.yml); `lead`: the
    member of staff said they are the safeguarding lead; `employer`: they employ the young person."""
    if speaker == "staff" and lead:
        return LEAD_RESPONSES.get(situation, LEAD_GENERAL)
    if speaker == "staff" and employer:
        return EMPLOYER_GUIDANCE
    if speaker == "staff":
        return (
            STAFF_GENERAL
            if situation == GENERAL
            else f"utter_staff_{STAFF_SITUATIONS.get(situation, situation)}"
        )
    return f"utter_parent_{PARENT_SITUATIONS.get(situation, situation)}"


def next_action(tracker: DialogueStateTracker) -> Optional[str]:
    """The action to run now for a trusted adult's turn, or None to leave it to the others."""
    speaker = tracker.get_slot(SLOT)
    if speaker not in ("staff", "parent_carer"):
        return None
    turn = latest_turn(tracker)
    if turn is None:
        return None
    if tracker.active_loop_name:
        # C12: the borough question left open while the adult goes on ("Should I talk to the
        # friend myself?") gave a young person's friend template and the question again: an
        # adult's turn that names no place ends the form, then gets their answer (below)
        if tracker.active_loop_name != BOROUGH_FORM or not _leaves_the_borough_form(turn):
            return None
        return LEAVE_FORM if not turn.since else None
    if turn.since[:1] == [LEAVE_FORM]:
        turn = replace(turn, since=turn.since[1:])
    medical = turn.intent == MEDICAL_INTENT
    danger_now = medical or turn.intent == DANGER_NOW_INTENT or _unsure_danger_told_first(turn)
    first = MEDICAL_FIRST if medical else DANGER_NOW_FIRST
    # a crisis only the urgency classifier read, with nothing else in the message, is not the
    # adult's own (C6: "he said she doesn't want anyone to know"): their guidance; a crisis the
    # words read, one the classifier read beside a cue the words found (pills missing, "do it
    # properly", not eating: B17), or danger now with a crisis cue, is a child's: 999 and the
    # crisis lines in an adult's terms (B10); so is one the classifier read where the words tell of
    # the child's own (C16: "he keeps saying he wants to disappear", "she also said 'I don't know
    # if I want to be here anymore'": "the steps above still apply")
    classifier_only = turn.crisis_by_classifier_alone
    crisis = not medical and (
        (
            turn.intent == CRISIS_INTENT
            and (not classifier_only or _has_crisis_cue_parts(turn) or about_someone_else(turn.user.text))
        )
        or (danger_now and has_crisis_cue(turn.user.parse_data))
    )  # an overdose taken is medical first: the ambulance
    if not (danger_now or crisis or classifier_only or turn.intent in ADULT_TURN_INTENTS):
        return None
    since, before = turn.since, turn.before
    after_danger_question = answers_a_danger_question(turn)
    if after_danger_question and (
        danger_now or crisis or not moves_on(turn.user) or names_a_danger(turn.user.text or "")
    ):
        # an answer to the danger question: DangerQuestionPolicy's. B21: "I'm safe, I'm her dad,
        # but she's still with him" is five words or more with no level, yet it answers: the
        # adult is safe, the child is not (a danger part in its words)
        return None
    if crisis:
        if not since:
            return CRISIS_FIRST
        return ACTION_LISTEN_NAME if since == [CRISIS_FIRST] else None
    if danger_now:
        if not since:
            return first
        if since[0] != first:
            return None
        since = since[1:]  # then the guidance, as for any of the adult's turns
        answers = _question_answers(turn, speaker)
        if answers:
            # after 999, the question the message asks, once their guidance was given (C7: "She's
            # waiting outside my room, what do I say to her now?" got "I don't want to guess")
            if since == answers:
                return ACTION_LISTEN_NAME
            return answers[len(since)] if since == answers[: len(since)] else None
    texts = [turn.user.text or ""] + [e.text or "" for e in turn.earlier]
    situation = situation_of(texts)
    lead, employer = staff_role(speaker, texts)
    response = guidance_response(speaker, situation, lead, employer)
    # the lead's every situation needs the front door they refer to, and the LADO (an employer's
    # guidance names its own routes: the borough routes are worded for a school's DSL)
    needs_routes = speaker == "staff" and not employer and (lead or situation in NEEDS_BOROUGH_ROUTES)
    if response in before and turn.intent == CHECK_INTENT:
        # C17: a question asked in a message the risk stage reads as `check`, once 999 came first
        # ("she's begging me not to call police ... I could just drive there"):
        # QuestionAnswerPolicy leaves urgent intents alone, so its answers are given here, not
        # "the steps above still apply"
        answers = _question_answers(turn, speaker)
        if answers:
            return next_in_plan(answers, since)
    if not since:
        # guidance already given in this conversation is not given again word for word: the short
        # "the steps above still apply" instead (and the full guidance if that was just said)
        given = response in before
        if given and needs_routes and _names_a_borough(turn.user):
            return FOLLOW_ON  # "we're in Southwark": that borough's front door and LADO (C5)
        text = turn.user.text or ""
        if given and asks_a_question(text) and not STEPS_QUESTION.match(text) and NOT_KNOWN not in before:
            # a question no answer of data/conversation/questions.yml fits (QuestionAnswerPolicy
            # answers the others first): said honestly, not "the steps above still apply" (C6)
            return NOT_KNOWN
        if not given:
            return response
        # the short replies in turn, each once, before the whole guidance comes round again
        return next((r for r in SHORT_REPLIES if r not in before), response)
    if since[0] == response and response not in before:
        # a situation's guidance given for the first time, then its borough routes, then the
        # questions the same message asks (C13: a coach's "forced himself on him ... should I tell
        # his parents?" got the answer alone and the Havens a turn late; QuestionAnswerPolicy
        # waits for the guidance)
        answers = [a for a in _question_answers(turn, speaker) if a != response]
        plan = [response, *([FOLLOW_ON] if needs_routes else []), *answers]
        return next_in_plan(plan, since)
    if since == [response] and needs_routes:
        return FOLLOW_ON
    if since[0] in (response, *SHORT_REPLIES, FOLLOW_ON, NOT_KNOWN):
        return ACTION_LISTEN_NAME
    return None


def _unsure_danger_told_first(turn) -> bool:
    """The risk stage's `check` (harm cues, not sure it is now) on an adult's message, the first
    time in the conversation: 999 first in the adult's terms ("if a child, or you, are in danger
    right now"), then their guidance, as `check` leads with 999 for a young person (issue 12). B17:
    an agent picking a player up tonight, a grandson sent to an address tonight, a nudes deadline
    at 4pm got the guidance alone. Once said, later such turns get the guidance: no 999 loop for
    an adult describing what happened (C12's false emergencies)."""
    return (
        turn.intent == CHECK_INTENT
        and stage_level(turn.user.parse_data) == "check"
        and DANGER_NOW_FIRST not in turn.before
        and not _no_danger_check_first(turn)
    )


def _no_danger_check_first(turn) -> bool:
    """C17: the conversation's situation is one where `check` does not lead with 999 (the writer's
    own child is the one accused: data/conversation/trusted_adults.yml no_danger_check_first)."""
    texts = [turn.user.text or ""] + [e.text or "" for e in turn.earlier]
    return situation_of(texts) in current_patterns().no_danger_check_first


def _has_crisis_cue_parts(turn) -> bool:
    """The risk stage found in the message a part its crisis combinations look for (means, not
    eating, "will try again": data/safety/levels.yml) other than one that only says how it was
    asked or felt (settings `how_asked_parts`), though no combination held (the parts are in the
    parse data: bot/rasa_plugins/safety_net.py)."""
    parts = set(((turn.user.parse_data or {}).get(SAFETY_NET_KEY) or {}).get("parts") or ())
    data = default_risk_data()
    return bool(parts & (data.rules.cues_of("crisis") - data.classifier.settings.how_asked_parts))


def _leaves_the_borough_form(turn) -> bool:
    """An adult's turn, inside the borough question, that is no answer to it: an intent this policy
    answers, no place named, nothing urgent."""
    return (
        turn.intent in ADULT_TURN_INTENTS
        and turn.intent not in FORM_ANSWER_INTENTS
        and not _names_a_borough(turn.user)
        and not turn.crisis_by_classifier_alone
    )


def _question_answers(turn, speaker: str) -> list[str]:
    """The answers (data/conversation/questions.yml) to the questions the adult's message asks,
    not given before; [] before any guidance for their situation was given."""
    if not any(a.startswith(("utter_staff_", "utter_parent_")) for a in turn.before):
        return []
    given = tuple(turn.before)
    texts = [turn.user.text or ""] + [e.text or "" for e in turn.earlier]
    lead, employer = staff_role(speaker, texts)
    answers = answers_for(
        turn.user.text,
        audience_of(speaker, lead, employer),
        given=given,
        situation=lambda: situation_of(texts),
    )
    return [a for a in answers if a not in given]


def _names_a_borough(user) -> bool:
    """The message names a place the LocationExtractor resolved (a borough or a choice of them)."""
    return any(e.get("entity") in ("borough", "borough_options") for e in (user.entities or []))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=False)
class TrustedAdultPolicy(SingleActionPolicy):
    DEFAULT_PRIORITY = DEFAULT_PRIORITY
    NEXT_ACTION = staticmethod(next_action)
