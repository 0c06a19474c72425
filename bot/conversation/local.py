"""Local replies: support in a borough, asking which borough, and the routes school staff need."""

from __future__ import annotations

from datetime import datetime

from bot.conversation.replies import FOLLOW_UPS, NOT_NOW, Reply, directory_audience, offer_lines
from bot.directory.model import Borough, Directory
from bot.directory.render import contact_line
from bot.directory.select import AGE_BANDS, Offer, Situation, arrange

SPECIALIST_TOPICS = frozenset({"assault", "non_recent", "harassment", "grooming", "adult_abuse"})
OUTSIDE_LONDON = "outside_london"
NOT_GIVEN = "not_given"  # "idk", "rather not say": bot.directory.location.NOT_GIVEN
CHOOSE_BOROUGH = ("Choose the borough", "/ask_local_support")


def _council_line(borough: Borough) -> str | None:
    return f"• {borough.name} Council: {borough.council_web}" if borough.council_web else None


def _not_shown(bullets: list[str], shown: list[str]) -> list[str]:
    """The bullets whose service (the words before the first colon) no line in `shown` names."""
    names = {line.split(":")[0] for line in shown}
    return [b for b in bullets if b.split(":")[0] not in names]


def _bullets(offers: list[Offer], now: datetime) -> list[str]:
    lines = []
    for offer in offers:
        line = contact_line(offer.service, now=now)
        lines.append(f"• {line.rstrip('.') + '. ' + offer.note if offer.note else line}")
    return lines


def _front_door_lines(
    directory: Directory, borough: Borough, now: datetime, adult_fallback: bool, audience: str = "staff"
) -> list[str]:
    """The borough's children's services, open-now first (a shut front door's open fallback is
    brought forward); when its number is not verified, the council website (and for adults the
    NSPCC Helpline, which is for adults: young people already have Childline)."""
    situation = Situation(audience=audience, borough=borough.id, now=now)
    front_door = directory.find(borough.front_door)
    if front_door:
        return _bullets(arrange(directory, [front_door], situation), now)
    lines = [line for line in [_council_line(borough)] if line]
    if adult_fallback:
        lines += _bullets(arrange(directory, [directory.get("nspcc_helpline")], situation), now)
    return lines


def local_support_reply(
    directory: Directory,
    borough: str | None,
    audience: str | None,
    age_band: str | None,
    topic: str | None,
    now: datetime,
) -> Reply:
    audience = directory_audience(audience)
    if audience == "staff":
        return staff_routes_reply(directory, borough, now)
    place = directory.find_borough(borough)
    where = place.id if place else (OUTSIDE_LONDON if borough == OUTSIDE_LONDON else None)
    situation = Situation(
        urgency=None,
        topic=topic or "emotional_support",
        age_band=age_band,
        audience=audience,
        borough=where,
        recent=topic == "medical_forensic",
        now=now,
    )
    if borough == NOT_GIVEN:  # declined or does not know: the routes that need no place, never nothing
        lines = [
            "That's fine, you don't have to say where you are. These services can help without knowing:",
            *offer_lines(directory, situation),
            "If you'd like local services later, tell me your borough or the first half of your postcode.",
        ]
        return Reply("\n".join(lines), FOLLOW_UPS[:1] + (NOT_NOW,))
    if place is None and where is None:  # no borough at all (the form normally fills one)
        lines = ["These services can help anywhere in London:", *offer_lines(directory, situation)]
        return Reply("\n".join(lines), (CHOOSE_BOROUGH, NOT_NOW))
    if place is None:
        intro = (
            "It looks like you're outside London. I only know local services in London, so "
            "these are national services. Each one says if it covers only part of the UK:"
        )
        return Reply("\n".join([intro, *offer_lines(directory, situation)]), FOLLOW_UPS + (NOT_NOW,))
    lines = [f"Support for people in {place.name}:", *offer_lines(directory, situation, limit=5)]
    lines += _specialist_lines(directory, place, situation, lines)
    front_door = _not_shown(  # the front door may already be in the list above (C5's first run)
        _front_door_lines(
            directory, place, now, adult_fallback=audience != "young_person", audience=audience
        ),
        lines,
    )
    if front_door:
        lines += [
            f"If you'd like an adult to help keep you safe, children's services in {place.name}:",
            *front_door,
        ]
    return Reply("\n".join(lines), FOLLOW_UPS[:1] + (NOT_NOW,))


def _specialist_lines(
    directory: Directory, place: Borough, situation: Situation, shown: list[str]
) -> list[str]:
    """Specialist sexual-violence help for this borough (its own or a sub-regional listing, e.g.
    the Lighthouse for north central London), or the recorded reason there is none, and the
    London-wide Havens; each listing once per reply."""
    low = AGE_BANDS.get(situation.age_band or "", (None, None))[0]
    local = [
        s
        for s in directory.services
        if place.id in s.areas
        and s.role not in ("front_door", "lado")
        and s.status != "closed"
        and SPECIALIST_TOPICS & set(s.topics)
        and situation.audience in s.audiences
        and (low is None or s.suits_age(low))
    ]
    lines = []
    if local:
        fresh = _not_shown(_bullets(arrange(directory, local, situation), situation.now), shown)
        if fresh:  # the local service may already be in the list above
            lines += [f"Specialist help for people in {place.name}:", *fresh]
    elif place.local_help_note:
        lines.append(f"I don't know a current local specialist service in {place.name} yet.")
    havens = directory.find("the_havens")
    if havens and not any("The Havens" in line for line in shown + lines):
        if situation.age_band == "under_13":  # under-13s cannot refer themselves (SAFETY.md, H04)
            if havens.younger_route:
                lines.append(f"After rape or sexual assault: {havens.younger_route}")
        else:
            lines += [
                "After rape or sexual assault, anywhere in London:",
                *_bullets(arrange(directory, [havens], situation), situation.now),
            ]
    return lines


def clarify_location_reply(directory: Directory, options: list[str]) -> Reply:
    """The choice for a place or postcode district split between boroughs, or between a borough
    and the rest of England (DA1: Bexley or outside London)."""
    places = [b for b in (directory.find_borough(o) for o in options) if b]
    if places:
        buttons = tuple((b.name, f'/inform_location{{"borough": "{b.id}"}}') for b in places)
        if OUTSIDE_LONDON in options:
            buttons += (("Outside London", f'/inform_location{{"borough": "{OUTSIDE_LONDON}"}}'),)
            return Reply("That area is partly in London. Is it one of these?", buttons)
        if len(places) == 1:  # a near-miss spelling: offered, never assumed
            return Reply(f"Did you mean {places[0].name}?", buttons)
        return Reply("That area covers more than one borough. Is it one of these?", buttons)
    # the form asks again straight after this, with the instructions
    return Reply("Sorry, I couldn't match that to a London borough.")


def staff_routes_reply(directory: Directory, borough: str | None, now: datetime) -> Reply:
    """Keeping Children Safe in Education, part 5: routes after the DSL has been told."""
    place = directory.find_borough(borough)
    nspcc = directory.get("nspcc_helpline")
    # "at any time" only over a line that is open at any time; a shut line's open fallback follows
    advice = arrange(directory, [nspcc], Situation(audience="staff", borough=borough, now=now))
    heading = "For advice at any time:" if nspcc.hours.always else "For advice:"
    common = [
        "If the concern is about a member of staff, the DSL or head teacher should contact "
        "the LADO (local authority designated officer) the same day."
    ]
    if place is None:
        text = "\n".join(
            [
                "The DSL refers to the children's services front door of the borough "
                "where the pupil lives. Tell me the borough and I'll show its contact "
                "details.",
                *common,
                heading,
                *_bullets(advice, now),
            ]
        )
        return Reply(text, (CHOOSE_BOROUGH, NOT_NOW))
    lines = [
        f"Children's services front door for {place.name}:",
        *_front_door_lines(directory, place, now, adult_fallback=True),
    ]
    lado = directory.find(place.lado)
    if lado:
        offers = arrange(directory, [lado], Situation(audience="staff", borough=place.id, now=now))
        lines += ["LADO (allegations against staff):", *_bullets(offers, now)]
    else:  # no sourced LADO route: say so, and where to ask, never nothing
        lines += [
            "LADO (allegations against staff):",
            f"• I don't have a checked LADO contact for {place.name}. Ask the children's "
            "services front door to put you through to the LADO, or the NSPCC Helpline.",
        ]
    lines += common
    shown = "\n".join(lines)
    unshown = [o for o in advice if f"• {o.service.name}:" not in shown]  # each line once
    if unshown:
        lines += [heading, *_bullets(unshown, now)]
    return Reply("\n".join(lines), (NOT_NOW,))
