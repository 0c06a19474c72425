"""`python -m bot validate-directory [PATH]` and `python -m bot export-directory`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bot.directory.loader import DEFAULT_ROOT
from bot.directory.validate import check_directory


def validate_main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot validate-directory", description="Check the service directory for mistakes."
    )
    parser.add_argument(
        "path",
        nargs="?",
        default=str(DEFAULT_ROOT),
        help="folder of service files (default: data/services), or one file in it",
    )
    parser.add_argument("--quiet", action="store_true", help="print errors only, not warnings")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    args = parser.parse_args(argv)
    target = Path(args.path)
    try:
        report = check_directory(_tree_of(target) if target.is_file() else target)
    except Exception as error:  # noqa: BLE001 - an administrator must never see a traceback
        print(f"could not check {args.path}: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    if target.is_file():  # checked with the rest of the tree (fallbacks), reported for this file only
        report.problems = [p for p in report.problems if Path(p.file).resolve() == target.resolve()]
    for problem in report.errors:
        print(f"ERROR   {problem}")
    if not args.quiet:
        for kind, problems in _grouped(report.warnings):
            print(f"warning: {kind} ({len(problems)})")
            for problem in problems:
                print(f"    {problem}")
        for kind, problems in _grouped(report.notes):
            print(
                f"known and handled: {kind} ({len(problems)}): "
                + ", ".join(p.subject or f"{p.file} line {p.line}" for p in problems)
            )
    errors, warnings, notes = len(report.errors), len(report.warnings), len(report.notes)
    print(
        f"{len(report.services)} listings, {len(report.boroughs)} boroughs: "
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}, "
        f"{notes} known gap{'s' * (notes != 1)} already covered by a fallback"
    )
    unconfirmed = sum(s.status != "closed" and not s.is_current(date.today()) for s in report.services)
    if unconfirmed and not target.is_file():
        print(
            f"{unconfirmed} listings not confirmed by a person in the last 180 days: "
            "python -m bot directory review"
        )
    if errors or (args.strict and warnings):
        return 1
    return 0


def _grouped(problems) -> list[tuple[str, list]]:
    """Problems of the same kind together, kinds in order of first appearance."""
    groups: dict[str, list] = {}
    for problem in problems:
        groups.setdefault(problem.kind or "other", []).append(problem)
    return list(groups.items())


def _tree_of(file: Path) -> Path:
    """The service folder a single file belongs to (the nearest parent holding national.yml)."""
    for parent in file.resolve().parents:
        if (parent / "national.yml").exists():
            return parent
    return file.resolve().parent


def export_main(argv: list[str]) -> int:
    from bot.directory.export import render_html, render_markdown  # only this command needs it
    from bot.directory.loader import load_directory
    from bot.directory.model import DirectoryError

    parser = argparse.ArgumentParser(
        prog="python -m bot export-directory",
        description="Write the directory, per borough, as HTML or Markdown.",
    )
    parser.add_argument("--format", choices=("html", "md"), default="html")
    parser.add_argument("--output", help="file to write (default: print)")
    parser.add_argument(
        "--path", default=str(DEFAULT_ROOT), help="folder of service files (default: data/services)"
    )
    args = parser.parse_args(argv)
    try:
        directory = load_directory(Path(args.path))
    except DirectoryError as error:
        print(str(error), file=sys.stderr)
        return 1
    document = render_html(directory) if args.format == "html" else render_markdown(directory)
    if args.output:
        Path(args.output).write_text(document, encoding="utf-8")
        print(f"wrote {args.output}")
    else:
        sys.stdout.write(document)
    return 0
