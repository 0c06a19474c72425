"""Bot text -> segments with links: phone numbers (tel:), text numbers (sms:) and the web addresses
the service directory holds (https:). Pure; one implementation for both ways the page is drawn:
the server renders segments as HTML for the page without JavaScript, and sends them as JSON to
chat.js, which builds text nodes and <a> elements from them (never innerHTML).

    linker = Linker.from_directory(load_directory())
    linker.segments("Childline: call 0800 1111 or visit childline.org.uk")
    -> [Segment("Childline: call "), Segment("0800 1111", "tel:08001111"),
        Segment(" or visit "), Segment("childline.org.uk", "https://www.childline.org.uk")]

Only web addresses that are in data/services/ become links, and their target is the directory's
own URL, so a link never goes anywhere the directory does not name.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Iterable, Optional

# The formats the directory uses: 999, 112, 101, 111, 116 123, 0800 1111, 0808 800 5000, London
# 020 numbers, mobile 07 numbers; and 5-6 digit short codes, which are only numbers when "text"
# comes before them ("text 85258", "text SHOUT to 85258").
# A whole UK number however it is spaced ("08 08 16 89 111") comes first; and no match may start
# or end next to another digit group, so a part of a longer number never becomes a wrong link.
_NUMBER = re.compile(
    r"(?<!\d)(?<!\d )(?:"
    r"0(?: ?\d){9,10}|0\d{2,4}(?: ?\d{3,4}){1,2}|116 ?\d{3}|(?:999|112|111|101)|(\d{5,6})"
    r")(?!\d)(?! \d)"
)
_LAST_VERB = re.compile(
    r"\b(call|ring|phone|dial|text)\b(?!.*\b(?:call|ring|phone|dial|text)\b)", re.I | re.S
)
# A short web address as the bot writes it (bot.directory.render.short_web): host[/path]
_WEB = re.compile(
    r"(?<![\w@/.-])(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/[\w\-./%?=&]*)?)", re.I
)
EXTERNAL_SCHEMES = ("https:", "http:")


@dataclass(frozen=True)
class Segment:
    text: str
    href: Optional[str] = None

    @property
    def external(self) -> bool:
        """A web page of another site: opened in a new tab, so this tab keeps quick exit."""
        return bool(self.href) and self.href.startswith(EXTERNAL_SCHEMES)

    def to_json(self) -> dict:
        return {"text": self.text, "href": self.href} if self.href else {"text": self.text}


def short_web(url: str) -> str:
    """https://www.childline.org.uk/ -> childline.org.uk (as bot.directory.render writes it)."""
    url = re.sub(r"^https?://", "", url)
    url = url[4:] if url.startswith("www.") else url
    return url.rstrip("/")


class Linker:
    def __init__(self, web_addresses: Iterable[str] = ()) -> None:
        """web_addresses: full URLs from the directory; their short forms become links."""
        self._web = {short_web(url).lower(): url for url in web_addresses if url}

    @classmethod
    def from_directory(cls, directory) -> "Linker":
        urls = []
        for service in directory.services:
            urls.append(service.web)
            urls += [labelled.value for labelled in service.extra_webs]
        for borough in directory.boroughs:
            urls.append(borough.council_web)
        return cls(u for u in urls if u)

    def segments(self, text: str) -> list[Segment]:
        links = sorted(self._numbers(text) + self._webs(text))
        out: list[Segment] = []
        last = 0
        for start, end, href in links:
            if start < last:  # overlapping matches: the first one wins
                continue
            if start > last:
                out.append(Segment(text[last:start]))
            out.append(Segment(text[start:end], href))
            last = end
        if last < len(text):
            out.append(Segment(text[last:]))
        return out

    def _numbers(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        for match in _NUMBER.finditer(text):
            verb = _LAST_VERB.search(text[max(0, match.start() - 30) : match.start()])
            is_text = verb is not None and verb.group(1).lower() == "text"
            if match.group(1) and not is_text:
                continue  # a short code without "text": just a number
            # part of a service's name, as in "Emergency services (999): call 999": link the call only
            if text[match.start() - 1 : match.start()] == "(" and text[match.end() : match.end() + 2] == "):":
                continue
            digits = match.group(0).replace(" ", "")
            found.append((match.start(), match.end(), ("sms:" if is_text else "tel:") + digits))
        return found

    def _webs(self, text: str) -> list[tuple[int, int, str]]:
        found = []
        for match in _WEB.finditer(text):
            address = match.group(0).rstrip(".,;:)")
            url = self._web.get(short_web(address).lower())
            if url:
                found.append((match.start(), match.start() + len(address), url))
        return found

    def html(self, text: str) -> str:
        """The text as escaped HTML with <a> elements (for the server-rendered page)."""
        return "".join(segment_html(s) for s in self.segments(text))


def segment_html(segment: Segment) -> str:
    text = html.escape(segment.text)
    if not segment.href:
        return text
    extra = ' target="_blank" rel="noopener noreferrer"' if segment.external else ""
    return f'<a href="{html.escape(segment.href)}"{extra}>{text}</a>'
