"""The service directory: load, validate and query data/services/, and resolve boroughs.

from bot.directory import load_directory, DirectoryError, Directory, Service
d = load_directory()            # <repo>/data/services; load_directory(path) for another copy
d.get("childline")              # KeyError if unknown
"""

from bot.directory.loader import DEFAULT_ROOT, load_directory
from bot.directory.model import Borough, Directory, DirectoryError, Service

__all__ = ["DEFAULT_ROOT", "Borough", "Directory", "DirectoryError", "Service", "load_directory"]
