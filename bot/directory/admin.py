"""`python -m bot directory review|confirm|validate`: the administrator's round of checks.

- review: every listing nobody confirmed on the live service in the last 180 days, oldest first
  (undated and never-confirmed first), with the page to check.
- confirm ID [--source URL] [--on YYYY-MM-DD]: record that a person checked the listing on the
  live service today (or --on), in its YAML file, keeping comments and layout; the directory is
  validated again and the file put back if the edit broke anything.
- validate [PATH] [--strict]: the same as `python -m bot validate-directory`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bot.directory.freshness import CONFIRMED_FOR_DAYS
from bot.directory.loader import DEFAULT_ROOT
from bot.directory.model import Service
from bot.directory.validate import check_directory
from bot.directory.yaml_edit import ListingNotFound, set_confirmed


def page_to_check(service: Service) -> str | None:
    """The service's own page when it has one, else the first page its facts came from."""
    return service.web or (service.sources[0] if service.sources else None)


def needs_confirming(services, today: date) -> list[Service]:
    """Listings offered to users (not closed) and not confirmed within CONFIRMED_FOR_DAYS, oldest
    first: no date at all first, then by the confirmation date or else the source's date."""
    stale = [s for s in services if s.status != "closed" and not s.is_current(today)]
    return sorted(stale, key=lambda s: (s.freshness_date is not None, s.freshness_date or date.min, s.id))


def review(root: Path, today: date, out=sys.stdout) -> int:
    report = check_directory(root, today=today)
    if report.errors:
        print(
            f"the directory has {len(report.errors)} error(s): run python -m bot validate-directory first",
            file=out,
        )
        return 1
    todo = needs_confirming(report.services, today)
    for service in todo:
        if service.confirmed:
            age = f"last confirmed {service.confirmed.isoformat()}"
        elif service.source_date:
            age = f"never confirmed; source dated {service.source_date.text}"
        else:
            age = "never confirmed; source undated"
        print(
            f"{service.id}  ({age})\n    check: {page_to_check(service) or 'no page: find one'}\n    file:  {service.file}",
            file=out,
        )
    print(
        f"{len(todo)} of {len(report.services)} listings need confirming on the live service "
        f"(not confirmed in the last {CONFIRMED_FOR_DAYS} days). After checking one: "
        "python -m bot directory confirm ID --source URL",
        file=out,
    )
    return 0


def confirm(root: Path, service_id: str, source: str | None, on: date, out=sys.stdout) -> int:
    report = check_directory(root, today=on)
    if report.errors:
        print(
            f"the directory has {len(report.errors)} error(s): fix them first (python -m bot validate-directory)",
            file=out,
        )
        return 1
    service = next((s for s in report.services if s.id == service_id), None)
    if service is None:
        print(f"no listing with id '{service_id}'", file=out)
        return 1
    source = source or page_to_check(service)
    if not source:
        print(
            f"{service_id} has no page: give the one you checked with --source URL (or --source phone)",
            file=out,
        )
        return 1
    path = Path(service.file)
    if not path.is_absolute() and not path.exists():
        path = Path.cwd() / path
    try:
        before = set_confirmed(path, service_id, on, source)
    except ListingNotFound as error:
        print(str(error), file=out)
        return 1
    after = check_directory(root, today=on)
    if after.errors:  # e.g. --source was not a web address: put the file back as it was
        path.write_text(before, encoding="utf-8")
        print("not recorded: " + "; ".join(str(p) for p in after.errors), file=out)
        return 1
    print(f"recorded: {service_id} confirmed on {on.isoformat()} via {source} ({service.file})", file=out)
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot directory", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--path", default=str(DEFAULT_ROOT), help="folder of service files (default: data/services)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("review", help="list the listings that need confirming, oldest first")
    confirm_parser = commands.add_parser(
        "confirm", help="record that you checked a listing on the live service"
    )
    confirm_parser.add_argument("id")
    confirm_parser.add_argument(
        "--source", help="the page you checked, or 'phone' (default: the page review shows)"
    )
    confirm_parser.add_argument(
        "--on", type=date.fromisoformat, default=None, help="YYYY-MM-DD (default: today)"
    )
    commands.add_parser("validate", help="the same as python -m bot validate-directory", add_help=False)
    args, rest = parser.parse_known_args(argv)
    if args.command == "validate":
        from bot.directory.cli import validate_main

        return validate_main(rest)
    if rest:
        parser.error(f"unrecognised arguments: {' '.join(rest)}")
    root = Path(args.path)
    if args.command == "review":
        return review(root, date.today())
    return confirm(root, args.id, args.source, args.on or date.today())
