"""Fill [[service_id]] and [[service_id.field]] placeholders from the service directory.

domain.yml never holds a phone number, opening time or web address: it names the listing and
the field, and the directory (data/services/) supplies the value. `[[childline]]` becomes the
listing's whole contact line; `[[childline.phone]]` just its phone number; `[[routes.crisis]]`
one bulleted contact line for each listing of that list in data/services/routes.yml.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterable, Iterator

from bot.directory.render import contact_line, field_text
from bot.directory.routes import BOROUGH_KEYS, LISTS

PLACEHOLDER = re.compile(r"\[\[([a-z0-9_]+)(?:\.([a-z_]+))?\]\]")


ROUTES = "routes"  # [[routes.crisis]]: a list from data/services/routes.yml, one bullet a listing


class UnresolvedPlaceholder(LookupError):
    """A response names a listing or field the directory does not have (or has no value for)."""


def fill_text(text: str, directory: Any, now: datetime | None = None) -> str:
    def replace(match: re.Match) -> str:
        service_id, field = match.group(1), match.group(2)
        if service_id == ROUTES:
            return route_lines(field, directory, now)
        try:
            service = directory.get(service_id)
        except KeyError:
            raise UnresolvedPlaceholder(f"no listing with id {service_id!r}") from None
        value = contact_line(service, now=now) if field is None else field_text(service, field)
        if not value:
            raise UnresolvedPlaceholder(f"listing {service_id!r} has no {field!r}")
        return value

    return PLACEHOLDER.sub(replace, text)


def route_lines(name: str | None, directory: Any, now: datetime | None = None) -> str:
    """'• <contact line>' for each listing in the routes list `name` (bot.directory.routes), one per
    line: the same list the directory's selection uses, so a reply and a signpost never differ."""
    if name not in LISTS:
        raise UnresolvedPlaceholder(f"routes has no list {name!r} (lists: {', '.join(LISTS)})")
    lines = []
    for service_id in getattr(directory.routes, name):
        if service_id in BOROUGH_KEYS:
            continue
        try:
            lines.append(f"• {contact_line(directory.get(service_id), now=now)}")
        except KeyError:
            raise UnresolvedPlaceholder(f"routes.{name} names no listing {service_id!r}") from None
    return "\n".join(lines)


def fill_message(message: Any, directory: Any, now: datetime | None = None) -> Any:
    """Fill every string inside a response (text, button titles, custom payloads)."""
    if isinstance(message, str):
        return fill_text(message, directory, now)
    if isinstance(message, dict):
        return {key: fill_message(value, directory, now) for key, value in message.items()}
    if isinstance(message, list):
        return [fill_message(item, directory, now) for item in message]
    return message


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def unresolved_in_responses(responses: dict[str, Iterable[dict]], directory: Any) -> list[str]:
    """Every placeholder in the domain's responses that the directory cannot fill, as messages."""
    problems = []
    for name, variations in responses.items():
        for variation in variations:
            for text in _strings(variation):
                for match in PLACEHOLDER.finditer(text):
                    try:
                        fill_text(match.group(0), directory)
                    except UnresolvedPlaceholder as error:
                        problems.append(f"{name}: {match.group(0)}: {error}")
    return problems
