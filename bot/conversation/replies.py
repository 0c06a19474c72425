"""Signposting replies built from the directory: who can help, for this topic, age and borough."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.directory.model import Directory
from bot.directory.render import contact_line
from bot.directory.select import Situation, select_services

MAX_OFFERS = 4
NOT_NOW = ("Not now", "/say_not_now")
AGE_BUTTONS = (
    ("I'm under 13", '/inform_age{"age_band": "under_13"}'),
    ("13 to 15", '/inform_age{"age_band": "13_15"}'),
    ("16 or 17", '/inform_age{"age_band": "16_17"}'),
    ("18 or over", '/inform_age{"age_band": "18_plus"}'),
)
FOLLOW_UPS = (
    ("How reporting works", "/ask_report_police"),
    ("Support near me", "/ask_local_support"),
)


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[tuple[str, str], ...] = ()

    def as_message(self) -> dict:
        """Keyword arguments for CollectingDispatcher.utter_message."""
        message: dict = {"text": self.text}
        if self.buttons:
            message["buttons"] = [{"title": t, "payload": p} for t, p in self.buttons]
        return message


def offer_lines(
    directory: Directory,
    situation: Situation,
    limit: int = MAX_OFFERS,
    leave_out: frozenset[str] = frozenset(),
) -> list[str]:
    """'• <contact line>' for the first `limit` services for the situation, skipping the ids in
    `leave_out` (a listing the reply already named)."""
    lines = []
    offers = [o for o in select_services(directory, situation) if o.service.id not in leave_out]
    for offer in offers[:limit]:
        line = contact_line(offer.service, now=situation.now)
        if offer.note:
            line = line.rstrip(".") + ". " + offer.note
        lines.append(f"• {line}")
    return lines


def directory_audience(audience: str | None) -> str:
    """A young person worried about a friend is still a young person (the topic says 'friend')."""
    return "young_person" if audience in (None, "friend") else audience


def disclosure_situation(
    topic: str, age_band: str | None, audience: str | None, borough: str | None, now: datetime
) -> Situation:
    """The directory's Situation for signposting what someone told us (not urgent)."""
    return Situation(
        urgency=None,
        topic=topic,
        age_band=age_band,
        audience=directory_audience(audience),
        borough=borough,
        recent=topic == "medical_forensic",
        now=now,
    )


def signpost_reply(
    directory: Directory,
    topic: str,
    age_band: str | None,
    audience: str | None,
    borough: str | None,
    now: datetime,
) -> Reply:
    situation = disclosure_situation(topic, age_band, audience, borough, now)
    lines = [
        "People who can help:",
        *offer_lines(directory, situation),
        "You choose what happens next. You don't have to do anything right now.",
    ]
    if age_band is None and situation.audience == "young_person":
        lines.append(
            "If you tell me roughly how old you are, I can show the services that fit "
            "your age. You don't have to."
        )
        return Reply("\n".join(lines), AGE_BUTTONS + (NOT_NOW,))
    return Reply("\n".join(lines), FOLLOW_UPS + (NOT_NOW,))


FOLLOW_UP_ROUTES = 2
SELF_HARM_TOPIC = "self_harm"
CRISIS_LINES = frozenset({"samaritans", "shout"})


def topic_followup_reply(
    directory: Directory,
    topic: str,
    age_band: str | None,
    audience: str | None,
    borough: str | None,
    now: datetime,
    include_childline: bool,
    with_buttons: bool = True,
) -> Reply:
    """A short return to what the young person told us earlier (issue 13: after a follow-up, an
    interruption or a danger check answered "safe"): the topic's own first routes, not the whole
    list again. Childline is left out when the response just before already named it; no buttons
    after a reply whose own buttons answer a danger question (they must stay the last ones)."""
    situation = disclosure_situation(topic, age_band, audience, borough, now)
    named = frozenset() if include_childline else frozenset({"childline"})
    if topic != SELF_HARM_TOPIC:
        # the crisis lines are not "for what you told me about earlier" when nobody spoke of
        # hurting themselves (C7's first run: Samaritans and Shout to a 10-year-old worried about
        # being told off, after "does it count")
        named |= CRISIS_LINES
    offers = offer_lines(directory, situation, FOLLOW_UP_ROUTES, leave_out=named)
    if not offers:
        # nothing left to add (a friend's topic whose first route, Childline, was just named):
        # no heading over an empty list (C7's first run: 2 conversations)
        return Reply("", ())
    lines = ["For what you told me about earlier, these can help:", *offers]
    return Reply("\n".join(lines), FOLLOW_UPS + (NOT_NOW,) if with_buttons else ())
