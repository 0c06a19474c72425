"""Edit a service file in place keeping its comments, quotes and layout (ruamel.yaml round trip).

Used by `python -m bot directory confirm` so that an administrator's comments ("# NOTE: OOH left
null: CONFLICT ...") survive a recorded confirmation. Reading for validation stays in yaml_lines.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML


class ListingNotFound(LookupError):
    """No listing with that id in the file."""


def round_trip_yaml() -> YAML:
    """ruamel.yaml set up to write these files as administrators write them (null kept as null,
    quotes kept, lists indented under their key, no line wrapping)."""
    yaml = YAML()
    yaml.representer.add_representer(
        type(None), lambda rep, _: rep.represent_scalar("tag:yaml.org,2002:null", "null")
    )
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def set_confirmed(path: Path, service_id: str, on: date, source: str) -> str:
    """Write `confirmed: <on>` and `confirmed_source: <source>` into the listing `service_id` of
    `path`, replacing earlier values in place (a new confirmed_source goes right after confirmed).
    Returns the file's previous text so a caller can put it back. Raises ListingNotFound."""
    yaml = round_trip_yaml()
    before = path.read_text(encoding="utf-8")
    data = yaml.load(before)
    item = next((i for i in (data or {}).get("services") or [] if i.get("id") == service_id), None)
    if item is None:
        raise ListingNotFound(f"no listing '{service_id}' in {path}")
    if "confirmed" in item:
        item["confirmed"] = on
    else:
        keys = list(item.keys())
        at = keys.index("source_date_note") + 1 if "source_date_note" in keys else len(keys)
        item.insert(at, "confirmed", on)
    if "confirmed_source" in item:
        item["confirmed_source"] = source
    else:
        item.insert(list(item.keys()).index("confirmed") + 1, "confirmed_source", source)
    write_atomically(path, yaml, data)
    return before


def write_atomically(path: Path, yaml: YAML, data) -> None:
    """Write to a temporary file in the same folder, then rename: the hot reload never reads half
    a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            yaml.dump(data, stream)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
