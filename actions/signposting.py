"""action_signpost: who can help with what the young person told us, for their age."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.directory_access import current_directory, london_now
from bot.conversation.replies import signpost_reply, topic_followup_reply
from bot.conversation.topics import conversation_topic, topic_advice, topic_for_intent, topic_of_turn, turn_of
from bot.directory.borough_slot import borough_in_context


class ActionSignpost(Action):
    def name(self) -> str:
        return "action_signpost"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text")
        topic = topic_of_turn(intent, text) or topic_for_intent(intent, tracker.get_slot("topic"))
        # an "idk" said to another question never stands for the borough (bot.directory.borough_slot)
        borough = borough_in_context(tracker.get_slot("borough"), tracker.events, tracker.latest_message)
        reply = signpost_reply(
            current_directory(),
            topic=topic,
            age_band=tracker.get_slot("age_band"),
            audience=tracker.get_slot("audience"),
            borough=borough,
            now=london_now(),
        )
        dispatcher.utter_message(**reply.as_message())
        return [SlotSet("topic", topic)]


def _user_turns_newest_first(tracker: Tracker) -> list[tuple]:
    """(final intent, text, the model's own intent) of each user message, newest first."""
    return [
        turn_of(e.get("parse_data"), e.get("text"))
        for e in reversed(tracker.events)
        if e.get("event") == "user"
    ]


class ActionContinueTopic(Action):
    """Back to what was disclosed earlier: its first routes (bot.conversation.replies)."""

    def name(self) -> str:
        return "action_continue_topic"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict]:
        topic = conversation_topic(_user_turns_newest_first(tracker)) or tracker.get_slot("topic")
        if topic is None:
            return []
        # after utter_topic_followup Childline is already named; after "glad you're safe" it is not
        last_bot = next(
            (
                e.get("metadata", {}).get("utter_action")
                for e in reversed(tracker.events)
                if e.get("event") == "bot"
            ),
            None,
        )
        borough = borough_in_context(tracker.get_slot("borough"), tracker.events, tracker.latest_message)
        reply = topic_followup_reply(
            current_directory(),
            topic=topic,
            age_band=tracker.get_slot("age_band"),
            audience=tracker.get_slot("audience"),
            borough=borough,
            now=london_now(),
            include_childline=last_bot != "utter_topic_followup",
            with_buttons=last_bot == "utter_topic_followup",
        )
        # the topic's own advice, if domain.yml has it and it fits what was said, once
        advice = topic_advice(topic, [text for _intent, text, _model in _user_turns_newest_first(tracker)])
        said = {e.get("metadata", {}).get("utter_action") for e in tracker.events if e.get("event") == "bot"}
        if advice in (domain.get("responses") or {}) and advice not in said:
            dispatcher.utter_message(response=advice)
        if reply.text:  # nothing left to add: no empty list
            dispatcher.utter_message(**reply.as_message())
        return [SlotSet("topic", topic)]
