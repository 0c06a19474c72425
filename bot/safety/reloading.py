"""Safety data (the lexicon, or the risk stage's lexicon + parts + levels) that follows admin
edits on disk without a retrain or restart.

current() checks the files' (name, size, mtime) at most every `min_interval` seconds; when they
changed it reloads, and when the new files are broken it keeps serving the last good lexicon and
logs the validation error (file and rule, never message text). A broken signature is remembered
so the same bad edit is not re-parsed on every message.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from typing import Any, Callable

from bot.safety.lexicon import LexiconError, load_lexicon

logger = logging.getLogger(__name__)


def lexicon_signature(directory: Path) -> tuple:
    """(name, size, mtime) of every *.yml in `directory` and its sub-folders one level down (the
    urgency classifier's examples are in data/safety/urgency_examples/)."""
    entries = []
    directory = Path(directory)
    for path in sorted([*directory.glob("*.yml"), *directory.glob("*/*.yml")]):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((str(path.relative_to(directory)), stat.st_size, stat.st_mtime_ns))
    return tuple(entries)


class ReloadingLexicon:
    def __init__(
        self,
        directory: Path | str,
        min_interval: float = 1.0,
        clock=time.monotonic,
        loader: Callable[[Path], Any] = load_lexicon,
        refused: tuple[type[Exception], ...] = (LexiconError,),
    ):
        """`refused`: the errors that mean "a broken edit" for this loader (kept out of service)."""
        self.directory = Path(directory)
        self._load = loader
        self._refused = refused
        self.min_interval = min_interval
        self._clock = clock
        self._signature = lexicon_signature(self.directory)
        self._lexicon = self._load(self.directory)  # at start-up a broken lexicon is fatal
        self._checked_at = clock()
        self._rejected: tuple | None = None

    @property
    def loaded(self) -> Any:
        """The data served now, without checking the files (current() checks them)."""
        return self._lexicon

    def current(self) -> Any:
        now = self._clock()
        if now - self._checked_at < self.min_interval:
            return self._lexicon
        self._checked_at = now
        signature = lexicon_signature(self.directory)
        if signature != self._signature and signature != self._rejected:
            try:
                self._lexicon = self._load(self.directory)
                self._signature, self._rejected = signature, None
                logger.info("safety lexicon reloaded from %s", self.directory)
            except self._refused as error:
                self._rejected = signature
                logger.error("safety lexicon edit refused, keeping the last good one: %s", error)
        return self._lexicon
