"""What a channel catches when Rasa gives it nothing to show: it answers with the static safety
reply instead (bot.channels.safety_text; hazard H08)."""

from __future__ import annotations


class RasaUnavailable(Exception):
    """Rasa did not answer in time, answered with an error, or answered with nothing usable."""


class PayloadRefused(RasaUnavailable):
    """A message in intent syntax that is no button of the domain (bot.channels.payloads): it
    was not sent. A RasaUnavailable, so the channel answers with the static safety reply."""
