"""Hot reload: an edited service file takes effect on the next lookup, without retraining or a
restart. A broken edit keeps the last good directory in service and logs why (file, line,
field - never anything a user wrote)."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from bot.directory.loader import DEFAULT_ROOT, load_directory
from bot.directory.model import Directory, DirectoryError

logger = logging.getLogger(__name__)


# How often the running assistant looks for an administrator's edit: often enough that an edit
# shows within a second, rarely enough that a reply does not stat every listing file.
EDIT_CHECK_SECONDS = 1.0


class DirectoryCache:
    def __init__(self, root: Path | str | None = None, check_every: float = 0.0) -> None:
        self.root = Path(root) if root is not None else DEFAULT_ROOT
        self.check_every = check_every  # seconds between file checks (0 = every call)
        self._lock = threading.Lock()
        self._directory: Directory | None = None
        self._signature: tuple | None = None
        self._checked_at = 0.0
        self.last_error: DirectoryError | None = None

    def get(self) -> Directory:
        """The current directory, reloaded first if any service file was added, removed or changed.
        Raises DirectoryError only if no good version has ever loaded."""
        with self._lock:
            now = time.monotonic()
            if self._directory is not None and now - self._checked_at < self.check_every:
                return self._directory
            self._checked_at = now
            signature = self._files_signature()
            if signature != self._signature:
                self._signature = signature
                self._reload()
            if self._directory is None:
                raise self.last_error or DirectoryError([f"{self.root}: no service directory loaded"])
            return self._directory

    def _reload(self) -> None:
        try:
            directory = load_directory(self.root)
        except DirectoryError as error:
            self.last_error = error
            kept = "keeping the last good directory" if self._directory else "no good directory yet"
            logger.error("service directory edit rejected (%s): %s", kept, "; ".join(error.problems))
            return
        self._directory, self.last_error = directory, None
        logger.info("service directory loaded: %d listings", len(directory.services))

    def _files_signature(self) -> tuple:
        entries = []
        for path in sorted(self.root.rglob("*.y*ml")):
            try:
                stat = path.stat()
            except FileNotFoundError:  # removed between listing and stat
                continue
            entries.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(entries)
