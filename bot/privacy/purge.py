"""`python -m bot purge --older-than 60m`: delete conversations idle for longer than that.

Meant for cron or a Kubernetes CronJob beside an SQL tracker store (SQLite or PostgreSQL); the
stores also purge themselves while Rasa uses them, so this covers quiet periods. The default
in-memory store lives inside the Rasa process: nothing outside it can reach it, and it needs no
purge from here (it deletes idle conversations itself).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from bot import REPO_ROOT

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """'90s', '60m', '2h', '1d' (or plain minutes) -> seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a duration: {text!r} (try 60m, 2h or 1d)")
    seconds = float(match.group(1)) * UNITS[match.group(2) or "m"]
    if seconds <= 0:
        raise argparse.ArgumentTypeError("the duration must be more than zero")
    return seconds


def store_from_endpoints(endpoints: Path):
    """The tracker store Rasa would build from this endpoints file, unwrapped."""
    from rasa.core.tracker_store import TrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(str(endpoints), "tracker_store")
    if config is None:
        return None
    store = TrackerStore.create(config, Domain.empty())
    return getattr(store, "_tracker_store", store)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot purge", description="Delete conversations idle for longer than a time."
    )
    parser.add_argument(
        "--older-than",
        type=parse_duration,
        required=True,
        help="idle time, e.g. 60m, 2h, 1d (a plain number means minutes)",
    )
    parser.add_argument(
        "--endpoints",
        type=Path,
        default=REPO_ROOT / "endpoints.yml",
        help="the endpoints file Rasa runs with (default: endpoints.yml)",
    )
    args = parser.parse_args(argv)
    from bot.rasa_plugins.sql_tracker_store import ExpiringSQLTrackerStore

    store = store_from_endpoints(args.endpoints)
    if not isinstance(store, ExpiringSQLTrackerStore):
        print(
            f"{args.endpoints}: no SQL tracker store configured. The in-memory store lives inside "
            "Rasa and deletes idle conversations itself; nothing to purge from here."
        )
        return 0
    deleted = store.purge_older_than(args.older_than)
    print(f"Deleted {deleted} conversation(s) idle for more than {args.older_than:.0f} s.")
    if deleted and store.engine.dialect.name == "postgresql":
        vacuum_events(store)
        print("Vacuumed the events table (deleted rows' space is reclaimed, docs/deploy.md).")
    return 0


def vacuum_events(store) -> None:
    """PostgreSQL keeps deleted rows as dead tuples until VACUUM; autovacuum would get to them
    eventually, this does it now. Plain VACUUM: no table lock, Rasa keeps writing meanwhile."""
    import sqlalchemy as sa

    table = store.SQLEvent.__tablename__
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(sa.text(f'VACUUM "{table}"'))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
