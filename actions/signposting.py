"""action_signpost: who can help with what the young person told us, for their age."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.directory_access import current_directory, london_now
from bot.conversation.replies import signpost_reply
from bot.conversation.topics import topic_for_intent
from bot.directory.borough_slot import borough_in_context


class ActionSignpost(Action):
    def name(self) -> str:
        return "action_signpost"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        topic = topic_for_intent(intent, tracker.get_slot("topic"))
        # an "idk" said to another question never stands for the borough (bot.directory.borough_slot)
        borough = borough_in_context(tracker.get_slot("borough"), tracker.events, tracker.latest_message)
        reply = signpost_reply(current_directory(), topic=topic,
                               age_band=tracker.get_slot("age_band"),
                               audience=tracker.get_slot("audience"),
                               borough=borough, now=london_now())
        dispatcher.utter_message(**reply.as_message())
        return [SlotSet("topic", topic)]
