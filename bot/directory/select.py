"""Which services to offer for a situation, in order. Pure: no I/O, no Rasa.

Rules (docs/conversation-design.md, SAFETY.md H03/H04):
- urgent: 999 first;
- ages: Rape Crisis 24/7 line 16+, Childline under 19, Report Remove under 18, the Havens
  self-referral 13+ (under 13: police or children's social care, never self-referral wording);
- assault in the last 7 days: the Havens; image abuse: Report Remove and CEOP;
- closed listings never; unverified or low-confidence ones only after their fallback (their
  contact_line says "may have changed"); a line shut right now goes after the open ones
  (contact_line(service, now) gives its hours and "closed now");
- staff: NSPCC Helpline, the borough's front door, the LADO;
- a listing a person confirmed in the last 180 days goes before one nobody has (within the open
  lines and within the shut ones; 999 stays first): every offer in one reply meets the same need.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot.directory.model import Directory, Service
from bot.directory.routes import Routes

AGE_BANDS = {"under_13": (0, 12), "13_15": (13, 15), "16_17": (16, 17), "18_plus": (18, 120)}
ADULT_AUDIENCES = ("staff", "adult", "parent_carer")

# Which services each topic offers, and in which order, is data: data/services/routes.yml
# (bot.directory.routes; validated by `python -m bot validate-directory`).
# what a national line's coverage says to someone outside London (uk and uk_and_ireland: nothing)
COVERAGE_WORDS = {
    "england_and_wales": "It covers England and Wales only.",
    "england": "It covers England only.",
    "national": "Check it covers where you are.",
}


@dataclass(frozen=True)
class Situation:
    urgency: str | None = None  # "emergency" | "crisis" | None
    topic: str | None = None  # see schema.TOPICS
    age_band: str | None = None  # under_13 | 13_15 | 16_17 | 18_plus | None (not known)
    audience: str = "young_person"  # young_person | staff | adult | parent_carer
    borough: str | None = None  # borough id, "outside_london" or None
    recent: bool = False  # assault in the last 7 days
    now: datetime | None = None  # for "closed now"; None = do not judge opening hours


@dataclass(frozen=True)
class Offer:
    service: Service
    note: str = ""  # full sentences the contact line does not already say
    closed_now: bool = False  # shut at Situation.now (listed after the open ones)

    @property
    def may_have_changed(self) -> bool:
        """Unverified or low confidence: contact_line marks it "may have changed"."""
        return not self.service.verified


def select_services(directory: Directory, situation: Situation) -> list[Offer]:
    chooser = _Chooser(directory, situation)
    for key in _plan(directory.routes, situation):
        chooser.add(key)
    return chooser.ordered()


def arrange(directory: Directory, services: list[Service], situation: Situation) -> list[Offer]:
    """The order select_services gives, for listings a reply section has already chosen (a
    borough's front door, the LADO, the NSPCC Helpline): open now first, each shut line's open
    fallback brought forward, confirmed before unconfirmed."""
    chooser = _Chooser(directory, situation)
    for service in services:
        if service.id not in chooser.seen:
            chooser.seen.add(service.id)
            chooser.offers.append(Offer(service))
    return chooser.ordered()


def _plan(routes: Routes, situation: Situation) -> list[str]:
    plan: list[str] = []
    if situation.urgency in ("emergency", "crisis"):
        plan.append("emergency_999")
    if situation.urgency == "crisis" or situation.topic == "self_harm":
        plan += routes.crisis
    if situation.audience == "staff":
        plan += routes.staff_first
    if situation.recent and situation.topic in (None, "assault", "medical_forensic"):
        if situation.borough == "outside_london":
            plan += routes.recent_assault_outside_london
        if situation.age_band == "under_13":  # no self-referral to the Havens under 13 (H04)
            plan += routes.recent_assault_under_13_first
        plan += routes.recent_assault
    plan += routes.for_topic(situation.topic)
    plan.append(f"TOPIC:{situation.topic}")
    return list(dict.fromkeys(plan))  # each step once, first position kept


def _reachable(service: Service) -> bool:
    return any((service.phone, service.text, service.email, service.web))


class _Chooser:
    def __init__(self, directory: Directory, situation: Situation) -> None:
        self.d, self.s = directory, situation
        self.offers: list[Offer] = []
        self.seen: set[str] = set()
        # closed listings, and listings with no way to reach them, are never offered
        self.available = {
            svc.id
            for svc in directory.serving(situation.borough)
            if svc.status != "closed" and _reachable(svc)
        }
        self.borough = directory.find_borough(situation.borough)
        adult = situation.audience in ADULT_AUDIENCES
        self.band = AGE_BANDS.get(situation.age_band or ("18_plus" if adult else ""))

    # -- plan keys ---------------------------------------------------------------------------
    def add(self, key: str) -> None:
        if key == "FRONT_DOOR":
            self._front_door()
        elif key == "LADO":
            if self.borough and self.borough.lado:
                self._service(self.borough.lado)
        elif key.startswith("TOPIC:"):
            topic = key.split(":", 1)[1]
            for svc in self.d.serving(self.s.borough):
                local = "national" not in svc.areas and svc.role != "front_door"
                if local and topic in svc.topics:
                    self._service(svc.id)
        else:
            self._service(key)

    def _front_door(self) -> None:
        if not self.borough:
            return
        if self.borough.front_door and self.borough.front_door in self.available:
            self._service(self.borough.front_door)
            if self.d.get(self.borough.front_door).verified:
                return
        # no verified number for this borough: the national line plus the council website
        council = (
            f"{self.borough.name} council website: {self.borough.council_web}."
            if self.borough.council_web
            else ""
        )
        line = self._national_line()
        if line.id in self.seen:
            self._annotate(line.id, council)
        else:
            self._service(line.id, note=council)

    def _annotate(self, service_id: str, note: str) -> None:
        self.offers[:] = [
            Offer(o.service, _join(o.note, note)) if o.service.id == service_id and note not in o.note else o
            for o in self.offers
        ]

    # -- one listing -------------------------------------------------------------------------
    def _service(self, service_id: str, note: str = "") -> None:
        svc = self.d.find(service_id)
        if svc is None or svc.id in self.seen or svc.id not in self.available:
            return
        if not self._suits(svc):
            return
        if svc.id == "the_havens" and self.s.age_band == "under_13":
            self._under_13_havens(svc)
            return
        if not svc.verified:
            self._service(self._usable_fallback(svc).id)
        note = _join(note, self._age_note(svc))
        if self.s.borough == "outside_london":  # the user may be anywhere: say where a line works
            note = _join(note, COVERAGE_WORDS.get(svc.coverage or "", ""))
        self.seen.add(svc.id)
        self.offers.append(Offer(svc, note))

    def _under_13_havens(self, havens: Service) -> None:
        """Under 13s cannot refer themselves: offer the police route, never the Havens number."""
        self.seen.add(havens.id)
        police = self.d.find("police_101")
        if police and police.id not in self.seen:
            self.seen.add(police.id)
            self.offers.append(Offer(police, havens.younger_route or ""))
        elif police:
            self._annotate(police.id, havens.younger_route or "")

    def _usable_fallback(self, svc: Service) -> Service:
        """The listing's own fallback if it suits this user, else the national line for them."""
        fallback = self.d.find(svc.fallback)
        if fallback is not None and fallback.verified and self._suits(fallback):
            return fallback
        return self._national_line()

    def _national_line(self) -> Service:
        """The national line for people like this user: Childline under 19, NSPCC Helpline for adults."""
        young = self.s.audience == "young_person" and (self.band is None or self.band[0] <= 18)
        return self.d.get("childline" if young else "nspcc_helpline")

    def _suits(self, svc: Service) -> bool:
        if svc.id == "emergency_999":
            return True
        if self.s.audience not in svc.audiences:
            return False
        if self.band is None:
            # a young person who has not said their age may be 11: a service with a minimum age
            # waits until they say it (C5's first run: Rape Crisis, 16 and over, to 15-year-olds)
            return self.s.audience != "young_person" or not svc.min_age
        low, _ = self.band
        if svc.min_age is not None and low < svc.min_age:
            return False
        return svc.max_age is None or low <= svc.max_age

    def _age_note(self, svc: Service) -> str:
        if svc.id == "the_havens" and svc.self_referral_min_age and self.s.audience == "young_person":
            return f"You can call them yourself if you are {svc.self_referral_min_age} or over."
        return ""

    # -- order -------------------------------------------------------------------------------
    def ordered(self) -> list[Offer]:
        """Lines open now (or always, or hours unknown) first; ones shut right now after, with their
        hours, and each shut line's fallback brought forward when that one is open."""
        if self.s.now is None:
            return self._confirmed_first(self.offers)
        open_now, shut = [], []
        for offer in self.offers:
            if self._shut(offer.service):
                svc = offer.service
                shut.append(Offer(svc, offer.note, closed_now=True))
                cover = self._open_fallback(svc)
                if cover is not None:
                    self.seen.add(cover.id)
                    # "open now" only when its hours say so (a bank holiday can leave them unknown)
                    known_open = cover.hours.is_open(self.s.now) is True
                    note = (
                        f"Open now while {svc.name} is closed."
                        if known_open
                        else f"Try this while {svc.name} is closed."
                    )
                    open_now.append(Offer(cover, note))
            else:
                open_now.append(offer)
        return self._confirmed_first(open_now) + self._confirmed_first(shut)

    def _confirmed_first(self, offers: list[Offer]) -> list[Offer]:
        """Stable: 999 first, then listings confirmed in the last 180 days, then the rest."""
        today = self.s.now.date() if self.s.now is not None else date.today()
        return sorted(
            offers, key=lambda o: (o.service.id != "emergency_999", not o.service.is_current(today))
        )

    def _shut(self, svc: Service) -> bool:
        return svc.hours.is_open(self.s.now) is False and not svc.out_of_hours_phone

    def _open_fallback(self, svc: Service) -> Service | None:
        """Along the fallback chain (at most 4 steps): the first usable listing known to be open
        now, else the first whose hours now are not known (a bank holiday); None if that one is
        already offered or there is none."""
        current, hops, unknown = self.d.find(svc.fallback), 0, None
        while current is not None and hops < 4:
            usable = current.verified and current.id in self.available and self._suits(current)
            if usable and not self._shut(current):
                if current.hours.is_open(self.s.now) is not None or current.out_of_hours_phone:
                    return None if current.id in self.seen else current
                unknown = unknown or current
            current, hops = self.d.find(current.fallback), hops + 1
        return None if unknown is None or unknown.id in self.seen else unknown


def _join(first: str, second: str) -> str:
    return " ".join(p for p in (first, second) if p)
