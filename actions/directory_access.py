"""The action server's view of the service directory: reloaded when an administrator edits it."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.directory.model import Directory
from bot.directory.reload import EDIT_CHECK_SECONDS, DirectoryCache

LONDON = ZoneInfo("Europe/London")


@lru_cache(maxsize=1)
def _cache() -> DirectoryCache:
    return DirectoryCache(check_every=EDIT_CHECK_SECONDS)


def current_directory() -> Directory:
    return _cache().get()


def london_now() -> datetime:
    return datetime.now(LONDON)
