"""The directory's data types: immutable, built only by the loader after validation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from bot.directory.freshness import SourceDate, age_words, freshness_date, is_current
from bot.directory.hours import Hours
from bot.directory.routes import Routes


class DirectoryError(Exception):
    """The directory cannot be used. `problems` holds one readable line per mistake."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"the service directory has {count} mistake{'s' if count != 1 else ''}"
        super().__init__(head + ":\n  " + "\n  ".join(self.problems))


@dataclass(frozen=True)
class Labelled:
    label: str
    value: str


@dataclass(frozen=True)
class Service:
    id: str
    name: str
    summary: str
    topics: tuple[str, ...]
    audiences: tuple[str, ...]
    min_age: int | None
    max_age: int | None
    phone: str | None
    text: str | None
    email: str | None
    web: str | None
    hours: Hours
    anonymous: bool | None
    areas: tuple[str, ...]
    sources: tuple[str, ...]
    source_date: SourceDate | None  # date on the page the facts were read from (None: undated)
    confidence: str
    status: str
    fallback: str | None
    file: str = ""
    source_date_note: str | None = None  # which page the source_date is from, in words
    confirmed: date | None = None  # a person confirmed the facts on the live service
    confirmed_source: str | None = None  # the page (or "phone") the confirmation used
    fixed_number_source: str | None = None  # government page: the number is a national one (999)
    coverage: str | None = None  # national lines: uk, uk_and_ireland, england_and_wales, england, national
    hours_note: str | None = None
    age_note: str | None = None
    self_referral_min_age: int | None = None
    younger_route: str | None = None
    how_to_contact: str | None = None  # plain words a young person needs to get in touch
    phone_note: str | None = None  # e.g. "option 2"
    out_of_hours_phone: str | None = None
    out_of_hours_note: str | None = None
    free: bool | None = None  # only true when a source says calls are free
    extra_phones: tuple[Labelled, ...] = ()
    extra_webs: tuple[Labelled, ...] = ()
    address: str | None = None
    notes: str | None = None
    coverage_note: str | None = None
    # how to use the line when you cannot speak, or speak another language (999 only so far)
    silent_call_note: str | None = None
    interpreter_note: str | None = None
    role: str | None = None  # "front_door" / "lado" for borough listings
    borough: str | None = None  # the borough file it came from

    @property
    def verified(self) -> bool:
        """Safe to offer as a first route: active and not low confidence."""
        return self.status == "active" and self.confidence != "low"

    def is_current(self, today: date) -> bool:
        """Confirmed by a person within freshness.CONFIRMED_FOR_DAYS days of `today`, or a national
        number fixed by government (999) with the government page that says so."""
        return self.fixed_number_source is not None or is_current(self.confirmed, today)

    def age_words(self, today: date) -> str | None:
        """ "Info from 2022" etc. for a listing that is not current; None when it is."""
        return None if self.is_current(today) else age_words(self.confirmed, self.source_date, today)

    @property
    def freshness_date(self) -> date | None:
        """The confirmation date, else the earliest day the source date can mean, else None."""
        return freshness_date(self.confirmed, self.source_date)

    def suits_age(self, age: int | None) -> bool:
        if age is None:
            return True
        if self.min_age is not None and age < self.min_age:
            return False
        return self.max_age is None or age <= self.max_age


@dataclass(frozen=True)
class Borough:
    id: str
    name: str
    ons_code: str | None
    council_web: str | None
    front_door: str | None  # service id
    lado: str | None  # service id
    sources: tuple[str, ...]
    file: str = ""
    notes: str | None = None
    lado_note: str | None = None  # why there is no LADO route (the search that found none)
    local_help_note: str | None = None  # why there is no local specialist route


@dataclass(frozen=True)
class Directory:
    services: tuple[Service, ...]
    boroughs: tuple[Borough, ...] = ()
    routes: Routes | None = None  # data/services/routes.yml (bot.directory.routes)
    _by_id: dict = field(default_factory=dict, repr=False, compare=False)
    _boroughs_by_id: dict = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({s.id: s for s in self.services})
        self._boroughs_by_id.update({b.id: b for b in self.boroughs})

    def get(self, service_id: str) -> Service:
        """The listing with this id; KeyError if there is none."""
        return self._by_id[service_id]

    def find(self, service_id: str | None) -> Service | None:
        return self._by_id.get(service_id) if service_id else None

    def borough(self, borough_id: str) -> Borough:
        return self._boroughs_by_id[borough_id]

    def find_borough(self, borough_id: str | None) -> Borough | None:
        return self._boroughs_by_id.get(borough_id) if borough_id else None

    def serving(self, borough_id: str | None) -> tuple[Service, ...]:
        """Listings for a borough: national, London-wide and the borough's own. Borough not known
        (None): national and London-wide, as users are assumed to be in London; outside_london:
        national only."""
        if borough_id == "outside_london":
            wanted = {"national"}
        else:
            wanted = {"national", "london"} | ({borough_id} if borough_id else set())
        return tuple(s for s in self.services if wanted.intersection(s.areas))
