"""The view of the latest turn that the conversation policies read (TrustedAdultPolicy,
TopicFollowUpPolicy, QuestionAnswerPolicy, CrisisCheckPolicy; their base is
bot.rasa_plugins.single_action_policy.SingleActionPolicy).

    latest_turn(tracker) -> Turn | None   the newest user message, the actions run since it and
                                          the actions before it (listen and slot extraction left
                                          out), and the user messages before it, newest first
    danger_questions() -> dict            the danger questions (data/safety/danger_questions.yml):
                                          an answer to one belongs to DangerQuestionPolicy
    answers_a_danger_question(turn) -> bool   the message came right after a danger question (the
                                          disclosure's routes sent after the question do not count)
                                          and does not end the emergency route there (something
                                          new after the steps, `something_new: end`: C9)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.safety.lexicon import DEFAULT_DIR
from bot.rasa_plugins.safety_net import level_by_classifier_alone
from bot.safety.danger_answer import DANGER, read_answer
from bot.rasa_plugins.danger_question_policy import (
    END,
    PASS_THROUGH_ACTIONS,
    QUESTIONS_FILE,
    ends_after_a_weak_check,
    load_danger_questions,
    moves_on,
    question_before,
    question_ends_route,
    something_new,
)

EXTRACT_SLOTS = "action_extract_slots"
CRISIS_INTENT = "disclose_self_harm"


@dataclass(frozen=True)
class Turn:
    user: UserUttered
    since: list[str]  # actions run since the user's message
    before: list[str]  # actions before it, oldest first
    earlier: list[UserUttered]  # the user's earlier messages, newest first
    buttons: tuple = ()  # the buttons of the last bot message before it (Rasa's title/payload dicts)

    @property
    def intent(self) -> Optional[str]:
        return (self.user.intent or {}).get("name")

    @property
    def crisis_by_classifier_alone(self) -> bool:
        """The message is a crisis that only the urgency classifier read, not the word classes:
        the classifier learned young people's first messages, so the policies ask before giving
        the crisis reply (CrisisCheckPolicy) or answer an adult as the adult (C4, C6)."""
        return self.intent == CRISIS_INTENT and level_by_classifier_alone(self.user.parse_data) == "crisis"


def _actions(events) -> list[str]:
    return [
        e.action_name
        for e in events
        if isinstance(e, ActionExecuted) and e.action_name not in (ACTION_LISTEN_NAME, EXTRACT_SLOTS)
    ]


def latest_turn(tracker: DialogueStateTracker) -> Optional[Turn]:
    """The view of the newest user message (None before the first one)."""
    events = list(tracker.events)
    index = next((i for i in range(len(events) - 1, -1, -1) if isinstance(events[i], UserUttered)), None)
    if index is None:
        return None
    return Turn(
        user=events[index],
        since=_actions(events[index + 1 :]),
        before=_actions(events[:index]),
        earlier=[e for e in reversed(events[:index]) if isinstance(e, UserUttered)],
        buttons=tuple(question_before(events, index)[1]),
    )


@lru_cache(maxsize=1)
def danger_questions() -> dict:
    return load_danger_questions(DEFAULT_DIR / QUESTIONS_FILE)


def answers_a_danger_question(turn: Turn) -> bool:
    """Whether the turn's message answers a danger question: the last action before it, leaving
    out the actions DangerQuestionPolicy lets follow a question (the earlier disclosure's routes,
    action_continue_topic), is one. C6's first run: after "Please call 999 now ... Are you somewhere
    safe now?" plus the disclosure's routes, "im scared. newham. my mum is at work till 6" was read
    as a topic follow-up (no 999, no marker) because the routes came last."""
    asked = [action for action in turn.before if action not in PASS_THROUGH_ACTIONS]
    if not asked or asked[-1] not in danger_questions():
        return False
    # C9: something new after the emergency steps, once "are you safe?" has been asked again, ends
    # the route: the other policies answer it as they would anywhere
    entry = danger_questions()[asked[-1]]
    # C10: so does a question with nothing urgent in it, once "are you safe?" has been asked again
    if question_ends_route(entry, turn.user):
        return False
    # C13: the story going on after a check only the classifier raised, inside a conversation
    if ends_after_a_weak_check(asked[-1], turn.user, turn.earlier):
        return False
    # a question or a story with nothing urgent after a question that `moves_on` (the re-check,
    # the crisis check): DangerQuestionPolicy leaves it to the others, so it is no answer here
    # either (C12: "is it weird that im telling a bot first" after the crisis check got "not
    # understood", every policy having left it to another)
    if entry.get("moves_on") is True and moves_on(turn.user) and _reads_as_danger(entry, turn):
        return False
    return something_new(entry, turn.user, turn.buttons) != END


def _reads_as_danger(entry: dict, turn: Turn) -> bool:
    """The message read as an answer to the question says danger (anything but a clear safe or
    no): what DangerQuestionPolicy checks before letting a new question or story go on."""
    intent = (turn.user.intent or {}).get("name")
    return read_answer(turn.user.text or "", intent, turn.buttons, entry["yes_means"]) == DANGER
