"""Rasa's REST input, held to what the channels send (credentials.yml names this class).

Same URL and behaviour as Rasa's own `rest` channel (/webhooks/rest/webhook), except that a
message in intent syntax (`/intent{...}`) that is not an allowed button payload
(bot.channels.payloads) is refused with 400 before Rasa reads it: it is neither parsed, nor
stored, nor quoted in a warning. Rasa listens on 127.0.0.1 only; this is the second line.
"""

from __future__ import annotations

import logging
from typing import Any, Optional, Text

from rasa.core.channels.rest import RestInput
from sanic.exceptions import SanicException
from sanic.request import Request

from bot.channels.payloads import allowed_payloads, looks_like_intent_syntax

log = logging.getLogger(__name__)


class RefusedPayload(SanicException):
    status_code = 400
    quiet = True  # Sanic logs nothing for it


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"  # the same webhook URL as Rasa's own REST channel

    def _extract_message(self, req: Request) -> Optional[Text]:
        text: Any = super()._extract_message(req)
        if (
            isinstance(text, str)
            and looks_like_intent_syntax(text)
            and not allowed_payloads().accepts(text.strip())
        ):
            log.warning(
                "rest: a message in intent syntax that is no button of the domain was "
                "refused (its text is not logged)"
            )
            raise RefusedPayload("not a button of this assistant")
        return text
