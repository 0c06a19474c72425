"""DirectoryNLG: Rasa's templated NLG plus directory placeholders (configured in endpoints.yml).

It runs inside the Rasa process, so urgent replies (999, Childline) are complete even when the
action server is down. A button already offered earlier in the same turn is left off
(bot.nlg.turn_buttons). It refuses to start when a response names a listing or field that the
directory cannot fill: a missing number must never reach a young person as "[[...]]".
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import Any, Dict, Optional, Text
from zoneinfo import ZoneInfo

from rasa.core.nlg.response import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.directory.reload import EDIT_CHECK_SECONDS, DirectoryCache
from bot.nlg.placeholders import UnresolvedPlaceholder, fill_message, unresolved_in_responses
from bot.nlg.turn_buttons import offered_this_turn, without_offered_buttons

logger = logging.getLogger(__name__)
LONDON = ZoneInfo("Europe/London")


class DirectoryNLG(TemplatedNaturalLanguageGenerator):
    def __init__(
        self, endpoint_config: Optional[EndpointConfig] = None, domain: Optional[Domain] = None
    ) -> None:
        domain = domain or Domain.empty()
        super().__init__(domain.responses)
        options = (endpoint_config.kwargs if endpoint_config else {}) or {}
        root = options.get("directory")
        self._directory = DirectoryCache(Path(root) if root else None, check_every=EDIT_CHECK_SECONDS)
        # the directory as validated against every response at start-up: the fallback when a
        # later (valid) edit removes a listing that a response still names
        self._startup_directory = self._directory.get()
        problems = unresolved_in_responses(domain.responses, self._startup_directory)
        if problems:
            raise ValueError("responses name directory facts that do not exist:\n  " + "\n  ".join(problems))

    async def generate(
        self, utter_action: Text, tracker: DialogueStateTracker, output_channel: Text, **kwargs: Any
    ) -> Optional[Dict[Text, Any]]:
        message = await super().generate(utter_action, tracker, output_channel, **kwargs)
        if message is None:
            return None
        # a button already offered earlier in this turn is not offered again (issue 13 item 6)
        message = without_offered_buttons(message, offered_this_turn(tracker.events))
        now = datetime.now(LONDON)
        try:
            return fill_message(message, self._directory.get(), now=now)
        except UnresolvedPlaceholder as error:
            logger.error("response %s: %s; using the directory as loaded at start-up", utter_action, error)
            return fill_message(message, self._startup_directory, now=now)
