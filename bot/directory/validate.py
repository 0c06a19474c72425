"""Check every file under data/services/ and build the listings from the ones that pass.

`check_directory(root)` never raises on bad data: it returns a Report whose problems say file,
line and field in words an administrator understands. The loader turns errors into a
DirectoryError; the CLI prints everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from bot.directory.boroughs import london_boroughs
from bot.directory.hours import parse_hours
from bot.directory.model import Borough, Labelled, Service
from bot.directory.schema import (
    BOROUGH_FIELDS,
    FIELD_CHECKS,
    FIXED_NUMBERS,
    NULLABLE_REQUIRED,
    REQUIRED,
    SERVICE_FIELDS,
    TOP_LEVEL,
    WIDE_AREAS,
    check_date,
    check_id,
    check_source_date,
    check_sources,
    check_url,
)
from bot.directory.freshness import parse_source_date
from bot.directory.routes import ROUTES_FILE, Routes, load_routes, route_problems
from bot.directory.yaml_lines import LineDict, LineList, YamlSyntaxError, read_yaml

RENAMED = {
    "last_verified": "last_verified is replaced by two dates: source_date (the date on the page the "
    "facts came from) and confirmed (the day a person checked the live service; "
    "null until someone has). See data/services/README.md",
    "last_verified_basis": "last_verified_basis is now source_date_note (which page the date is from)",
}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str | None
    message: str  # starts with the field name when there is one
    level: str  # "error" | "warning" | "note" (known and handled, e.g. by a fallback)
    kind: str = ""  # what sort of problem, for grouping ("low confidence", "duplicate id")
    subject: str = ""  # the listing id it is about, when there is one

    def __str__(self) -> str:
        where = f"{self.file} line {self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)
    boroughs: list[Borough] = field(default_factory=list)
    borough_lines: dict = field(default_factory=dict)  # borough id -> {field: line}
    declared_ids: set = field(default_factory=set)  # ids written, even on a listing with errors
    unreadable: bool = False  # a file was not YAML: its ids are unknown
    routes: Routes | None = None  # routes.yml, when it loaded

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "warning"]

    @property
    def notes(self) -> list[Problem]:
        """Known gaps the directory already handles (a fallback covers them): not warnings."""
        return [p for p in self.problems if p.level == "note"]


def service_files(root: Path) -> list[Path]:
    """national.yml first, then london/, then boroughs/, each sorted: a stable, readable order."""
    # routes.yml is the routing table, not listings (bot/directory/routes.py): checked below
    files = [
        p
        for p in sorted(root.rglob("*.yml")) + sorted(root.rglob("*.yaml"))
        if p.relative_to(root).as_posix() != ROUTES_FILE
    ]
    order = {"national": 0, "london": 1, "boroughs": 2}
    return sorted(
        set(files), key=lambda p: (order.get(p.relative_to(root).parts[0].split(".")[0], 3), str(p))
    )


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def check_directory(root: Path, today: date | None = None) -> Report:
    today = today or date.today()
    report = Report()
    if not root.is_dir():
        report.problems.append(Problem(str(root), 0, None, "is not a folder of service files", "error"))
        return report
    files = service_files(root)
    if not files:
        report.problems.append(
            Problem(display_path(root), 0, None, "contains no .yml service files", "error")
        )
    seen: dict[str, tuple[str, int]] = {}
    lines: dict[str, tuple[str, int]] = {}
    for path in files:
        _check_file(path, report, seen, lines, today)
    _check_links(report, lines)
    _check_coverage(report, display_path(root))
    _check_routes(root, report, seen)
    return report


def _check_routes(root: Path, report: Report, seen: dict) -> None:
    """data/services/routes.yml: present, well formed, naming only listings that exist."""
    path = root / ROUTES_FILE
    if not path.exists():
        report.problems.append(
            Problem(
                display_path(path),
                0,
                None,
                "is missing: it says which services each topic offers",
                "error",
                "routes",
            )
        )
        return
    listings_broken = bool(report.errors)  # a rejected listing would show as a dangling route
    try:
        routes = load_routes(path)
    except (ValueError, yaml.YAMLError) as error:
        problems = [str(error)]
    else:
        problems = [] if listings_broken else route_problems(routes, seen)
        report.routes = routes
    for message in problems:
        report.problems.append(Problem(display_path(path), 0, None, message, "error", "routes"))


def _check_file(path: Path, report: Report, seen: dict, lines: dict, today: date) -> None:
    name = display_path(path)

    def problem(
        line: int,
        field_name: str | None,
        message: str,
        level: str = "error",
        kind: str = "",
        subject: str = "",
    ) -> None:
        report.problems.append(Problem(name, line, field_name, message, level, kind, subject))

    try:
        data = read_yaml(path)
    except YamlSyntaxError as error:
        problem(error.line, None, error.message)
        report.unreadable = True
        return
    if data is None:
        problem(0, None, "is empty: it needs a 'services:' list", "warning", "empty file")
        return
    if not isinstance(data, LineDict):
        problem(getattr(data, "line", 1), None, "must start with 'services:' (a list of listings)")
        return
    for key, line in data.repeated:
        problem(line, str(key), f"{key} appears twice in this file")
    for key in data:
        if key not in TOP_LEVEL:
            problem(
                data.line_of(key),
                str(key),
                f"'{key}' is not expected at the top of a service file (only 'services' and 'borough')",
            )
    borough_id = None
    if "borough" in data:
        borough_id = _check_borough(data["borough"], data.line_of("borough"), path, problem, report)
    listings = data.get("services")
    if listings is None:
        if "borough" not in data:
            problem(data.line, "services", "services is missing: the file needs a 'services:' list")
        return
    if not isinstance(listings, LineList):
        problem(
            data.line_of("services"),
            "services",
            "services must be a list of listings, each starting with '- id:'",
        )
        return
    for index, item in enumerate(listings):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            report.declared_ids.add(item["id"])  # links to a broken listing: one error, not two
        service = _check_service(item, listings.line_of(index), problem, today, borough_id)
        if service is None:
            continue
        line = listings.line_of(index)
        if service.id in seen:
            first_file, first_line = seen[service.id]
            # an error: a copied listing with the same id once silently replaced a real service
            problem(
                line,
                "id",
                f"id '{service.id}' is used twice (first in {first_file} line {first_line}): give each listing its own id",
                "error",
                "duplicate id",
            )
            continue
        seen[service.id] = (name, line)
        lines[service.id] = (name, item.line_of("fallback") if isinstance(item, LineDict) else line)
        report.services.append(Service(**{**service.__dict__, "file": name}))


def _check_service(item, line: int, problem, today: date, borough_id: str | None) -> Service | None:
    if not isinstance(item, LineDict):
        problem(line, None, "each listing must be a set of 'field: value' lines starting with '- id:'")
        return None
    label = f"{item.get('id')}" if isinstance(item.get("id"), str) else f"listing at line {line}"
    failed = False
    for key, key_line in item.repeated:
        problem(key_line, str(key), f"{key} appears twice in {label}")
        failed = True
    for key in item:
        if key in RENAMED:
            problem(item.line_of(key), str(key), RENAMED[key])
            failed = True
        elif key not in SERVICE_FIELDS:
            problem(
                item.line_of(key), str(key), f"'{key}' is not a field a listing can have (check the spelling)"
            )
            failed = True
    for key in REQUIRED:
        nullable = key in NULLABLE_REQUIRED and key in item and item[key] is None
        if not nullable and (key not in item or item[key] is None or item[key] == ""):
            problem(item.line if key not in item else item.line_of(key), key, f"{key} is missing in {label}")
            failed = True
    for key, value in item.items():
        if key == "confirmed":
            message = check_date(value, today) if value is not None else None
        elif key == "source_date":
            message = check_source_date(value, today)
        else:
            check = FIELD_CHECKS.get(key)
            message = check(value) if check else None
        if message and not (key in REQUIRED and value is None):
            problem(_line_within(value, message, item.line_of(key)), key, f"{key} {message}")
            failed = True
    if failed:
        return None
    return _build_service(item, line, problem, today, borough_id)


def _line_within(value, message: str, default: int) -> int:
    """Point at the nested day, list item or entry the message is about, not just the field."""
    if isinstance(value, LineDict):
        for key, inner in value.items():
            if f"'{inner}'" in message or f"'{key}'" in message or message.startswith(f"{key}:"):
                return value.line_of(key)
    if isinstance(value, LineList):
        for index, inner in enumerate(value):
            shown = inner.get("label") if isinstance(inner, dict) else inner
            if f"'{shown}'" in message or (shown and message.startswith(f"{shown}:")):
                return value.line_of(index)
    return default


def _build_service(item: LineDict, line: int, problem, today: date, borough_id: str | None) -> Service:
    def warn(key: str, message: str, kind: str, level: str = "warning") -> None:
        problem(item.line_of(key), key, message, level, kind, sid)

    sid = item["id"]
    min_age, max_age = item.get("min_age"), item.get("max_age")
    if min_age is not None and max_age is not None and min_age > max_age:
        problem(item.line_of("max_age"), "max_age", f"max_age {max_age} is below min_age {min_age} in {sid}")
    known = london_boroughs()
    for area in item["areas"] if isinstance(item["areas"], list) else []:
        if area not in WIDE_AREAS and area not in known:
            warn(
                "areas",
                f"areas '{area}' in {sid} is not national, london or a London borough id (see bot/directory/data/london_boroughs.yml), so nobody there would see it",
                "unknown area",
                "error",
            )
    if item["confidence"] == "low":
        handled = bool(item.get("fallback"))
        warn(
            "confidence",
            f"confidence of {sid} is low: it is never offered first"
            + (f" ({item.get('fallback')} is offered before it)" if handled else "; give it a fallback"),
            "low confidence, offered after its fallback" if handled else "low confidence without a fallback",
            "note" if handled else "warning",
        )
    if item["status"] in ("unverified", "closed") or item["confidence"] == "low":
        if not item.get("fallback"):
            warn(
                "status",
                f"{sid} is {item['status']} (confidence {item['confidence']}) but has no fallback listing",
                "no fallback",
            )
    hours = parse_hours(item.get("hours"))
    contacts = [item.get(k) for k in ("phone", "text", "email", "web")]
    if item["status"] == "active" and not any(contacts):
        warn("status", f"{sid} is active but has no phone, text, email or web address", "no way to reach it")
    if item.get("phone") and hours.spans and not item.get("out_of_hours_phone") and not item.get("fallback"):
        warn(
            "hours",
            f"{sid} is not open all the time and has no out_of_hours_phone or fallback for when it is shut",
            "nothing when shut",
        )
    if item.get("role") == "front_door" and not hours.always and not item.get("out_of_hours_phone"):
        fallback = item.get("fallback")
        warn(
            "out_of_hours_phone",
            f"{sid} has no out-of-hours number: out of office hours people are sent to {fallback or 'nothing'}",
            "front door without an out-of-hours number, sent to its fallback"
            if fallback
            else "front door with nothing out of hours",
            "note" if fallback else "warning",
        )
    if item.get("fixed_number_source") and item.get("phone") not in FIXED_NUMBERS:
        problem(
            item.line_of("fixed_number_source"),
            "fixed_number_source",
            f"fixed_number_source is only for national numbers set by government ({', '.join(sorted(FIXED_NUMBERS))}), not {item.get('phone')}",
        )
    if "national" in (item["areas"] if isinstance(item["areas"], list) else []) and not item.get("coverage"):
        warn(
            "coverage",
            f"{sid} is national but has no coverage (uk, england_and_wales, england ...): outside London it cannot say where it works",
            "national line without coverage",
        )
    if item.get("fallback") == sid:
        problem(item.line_of("fallback"), "fallback", f"fallback of {sid} points to itself")
    return Service(
        id=sid,
        name=item["name"],
        summary=item["summary"],
        topics=tuple(item["topics"]),
        audiences=tuple(item["audiences"]),
        min_age=min_age,
        max_age=max_age,
        phone=item.get("phone"),
        text=item.get("text"),
        email=item.get("email"),
        web=item.get("web"),
        hours=hours,
        anonymous=item.get("anonymous"),
        areas=tuple(item["areas"]),
        sources=tuple(item["sources"]),
        source_date=parse_source_date(item["source_date"]),
        source_date_note=item.get("source_date_note"),
        confirmed=item.get("confirmed"),
        confirmed_source=item.get("confirmed_source"),
        fixed_number_source=item.get("fixed_number_source"),
        coverage=item.get("coverage"),
        confidence=item["confidence"],
        status=item["status"],
        fallback=item.get("fallback"),
        hours_note=item.get("hours_note"),
        age_note=item.get("age_note"),
        self_referral_min_age=item.get("self_referral_min_age"),
        younger_route=item.get("younger_route"),
        how_to_contact=item.get("how_to_contact"),
        out_of_hours_phone=item.get("out_of_hours_phone"),
        phone_note=item.get("phone_note"),
        out_of_hours_note=item.get("out_of_hours_note"),
        extra_phones=tuple(Labelled(e["label"], e["number"]) for e in item.get("extra_phones") or ()),
        extra_webs=tuple(Labelled(e["label"], e["url"]) for e in item.get("extra_webs") or ()),
        address=item.get("address"),
        notes=item.get("notes"),
        coverage_note=item.get("coverage_note"),
        role=item.get("role"),
        borough=borough_id,
        free=item.get("free"),
        silent_call_note=item.get("silent_call_note"),
        interpreter_note=item.get("interpreter_note"),
    )


def _check_borough(block, line: int, path: Path, problem, report: Report) -> str | None:
    if not isinstance(block, LineDict):
        problem(line, "borough", "borough must be a set of 'field: value' lines (id, name, ons_code ...)")
        return None
    failed = False
    for key in block:
        if key not in BOROUGH_FIELDS:
            problem(block.line_of(key), str(key), f"'{key}' is not a borough field (check the spelling)")
            failed = True
    bid = block.get("id")
    if check_id(bid):
        problem(block.line_of("id"), "id", f"borough id {check_id(bid)}")
        return None
    known = london_boroughs()
    if bid not in known:
        problem(
            block.line_of("id"),
            "id",
            f"borough '{bid}' is not one of the 33 London authorities (see bot/directory/data/london_boroughs.yml)",
            "error",
            "unknown borough",
        )
        return None
    elif block.get("ons_code") not in (None, known[bid]["ons_code"]):
        problem(
            block.line_of("ons_code"),
            "ons_code",
            f"ons_code '{block.get('ons_code')}' is not the code of {known[bid]['name']} ({known[bid]['ons_code']})",
        )
        failed = True
    if path.stem != bid:
        problem(
            block.line_of("id"),
            "id",
            f"borough id '{bid}' does not match the file name {path.name}",
            "warning",
            "file name",
        )
    if not isinstance(block.get("name"), str) or not block.get("name"):
        problem(block.line_of("name"), "name", "name is missing for this borough")
        failed = True
    url_problem = check_url(block.get("council_web"))
    if url_problem:
        problem(block.line_of("council_web"), "council_web", f"council_web {url_problem}")
        failed = True
    src_problem = check_sources(block.get("sources"))
    if src_problem:
        problem(block.line_of("sources"), "sources", f"sources {src_problem}")
        failed = True
    for key in ("front_door", "lado"):
        if block.get(key) is not None and check_id(block.get(key)):
            problem(block.line_of(key), key, f"{key} {check_id(block.get(key))}")
            failed = True
    if failed:
        return bid
    report.boroughs.append(
        Borough(
            id=bid,
            name=block["name"],
            ons_code=block.get("ons_code"),
            council_web=block.get("council_web"),
            front_door=block.get("front_door"),
            lado=block.get("lado"),
            sources=tuple(block["sources"]),
            file=display_path(path),
            notes=block.get("notes"),
            lado_note=block.get("lado_note"),
            local_help_note=block.get("local_help_note"),
        )
    )
    report.borough_lines[bid] = {k: block.line_of(k) for k in ("front_door", "lado")}
    return bid


def _check_links(report: Report, lines: dict) -> None:
    """Fallbacks and borough references must point at a listing that exists (not checked while a
    file cannot be read: its listings are unknown, and the syntax error is the one to fix)."""
    if report.unreadable:
        return
    ids = {s.id for s in report.services} | report.declared_ids
    for service in report.services:
        if service.fallback and service.fallback not in ids:
            file, line = lines[service.id]
            report.problems.append(
                Problem(
                    file,
                    line,
                    "fallback",
                    f"fallback '{service.fallback}' of {service.id} points to no listing",
                    "error",
                    "dangling link",
                )
            )
    for borough in report.boroughs:
        for key in ("front_door", "lado"):
            target = getattr(borough, key)
            if target and target not in ids:
                line = report.borough_lines.get(borough.id, {}).get(key, 0)
                report.problems.append(
                    Problem(
                        borough.file,
                        line,
                        key,
                        f"{key} '{target}' of {borough.name} points to no listing",
                        "error",
                        "dangling link",
                    )
                )


def _check_coverage(report: Report, root: str) -> None:
    present = {b.id for b in report.boroughs}
    missing = [bid for bid in london_boroughs() if bid not in present]
    if report.boroughs and missing:
        report.problems.append(
            Problem(
                root,
                0,
                "borough",
                f"no borough file for: {', '.join(missing)}",
                "warning",
                "missing borough file",
            )
        )
