"""The directory as a readable document for staff to browse or print: national and London-wide
services, then one section per borough, each listing with the date on its source page and, apart,
the date a person last confirmed it on the live service ("not yet" until someone has).
HTML is self-contained (inline style, no scripts, no external assets) and fully escaped."""

from __future__ import annotations

from datetime import date
from html import escape

from bot.directory.model import Borough, Directory, Service
from bot.directory.reload import DirectoryCache
from bot.directory.render import age_words, short_web

TITLE = "London safeguarding support directory"
CAVEAT = (
    "Each listing shows the date on the page its details were read from and, separately, "
    "the date a person last confirmed them on the live service. A listing not confirmed in "
    "the last 180 days may have changed: check the service's own website before relying "
    "on it. In an emergency call 999."
)
ATTRIBUTION = "Borough postcode data: contains ONS data (c) Crown copyright and database right (OGL v3)."
_CACHE: DirectoryCache | None = None


def _current(directory: Directory | None) -> Directory:
    """The given directory, or the live data/services (hot-reloaded) for the web gateway's /directory."""
    global _CACHE
    if directory is not None:
        return directory
    if _CACHE is None:
        _CACHE = DirectoryCache()
    return _CACHE.get()


STATUS_WORDS = {
    "active": "",
    "unverified": "NOT VERIFIED - may have changed",
    "closed": "CLOSED - do not use",
}


def sections(directory: Directory) -> list[tuple[str, str | None, list[Service], Borough | None]]:
    """(heading, anchor id, listings, borough) in reading order."""
    national = [s for s in directory.services if "national" in s.areas]
    london = [s for s in directory.services if "london" in s.areas and s.borough is None]
    result = [
        ("National services", "national", national, None),
        ("London-wide services", "london", london, None),
    ]
    for borough in sorted(directory.boroughs, key=lambda b: b.name):
        own = [s for s in directory.services if borough.id in s.areas]
        own.sort(key=lambda s: (s.role != "front_door", s.name))
        result.append((borough.name, borough.id, own, borough))
    return result


def freshness_rows(service: Service, today: date) -> list[tuple[str, str]]:
    """'Source date' and 'Confirmed' rows: what each date really records, per listing."""
    source = service.source_date.text if service.source_date else "undated"
    if service.source_date_note:
        source += f" ({service.source_date_note})"
    if service.confirmed is None:
        confirmed = "not yet confirmed by a person on the live service"
    else:
        confirmed = service.confirmed.isoformat() + (
            f" via {service.confirmed_source}" if service.confirmed_source else ""
        )
        if not service.is_current(today):
            confirmed += " (more than 180 days ago: may have changed)"
    rows = [("Source date", source), ("Confirmed", confirmed)]
    if service.fixed_number_source:
        rows.append(("National number", f"set by government: {service.fixed_number_source}"))
    return rows


def facts(service: Service, today: date | None = None) -> list[tuple[str, str]]:
    """Label/value pairs shown for one listing, in both formats."""
    rows = []
    if service.phone:
        rows.append(("Phone", service.phone + (f" ({service.phone_note})" if service.phone_note else "")))
    for extra in service.extra_phones:
        rows.append((f"Phone - {extra.label}", extra.value))
    if service.out_of_hours_phone:
        note = f" ({service.out_of_hours_note})" if service.out_of_hours_note else ""
        rows.append(("Out of hours", service.out_of_hours_phone + note))
    elif service.out_of_hours_note:
        rows.append(("Out of hours", service.out_of_hours_note))
    if service.text:
        rows.append(("Text", service.text))
    if service.email:
        rows.append(("Email", service.email))
    if service.web:
        rows.append(("Web", service.web))
    for extra in service.extra_webs:
        rows.append((f"Web - {extra.label}", extra.value))
    hours = service.hours.describe()
    if hours or service.hours_note:
        rows.append(("Hours", "; ".join(p for p in (hours, service.hours_note) if p)))
    ages = service.age_note or age_words(service)
    if ages:
        rows.append(("Ages", ages))
    if service.younger_route:
        rows.append(("Under 13", service.younger_route))
    if service.address:
        rows.append(("Address", service.address))
    if service.notes:
        rows.append(("Notes", service.notes))
    rows += freshness_rows(service, today or date.today())
    rows.append(
        (
            "Confidence",
            service.confidence
            + (f"; {STATUS_WORDS[service.status]}" if STATUS_WORDS[service.status] else ""),
        )
    )
    return rows


def borough_facts(borough: Borough) -> list[tuple[str, str]]:
    rows = [("Council website", borough.council_web or "not verified")]
    if not borough.front_door:
        rows.append(
            (
                "Children's services front door",
                "no number verified: use the NSPCC Helpline"
                + (" and the council website" if borough.council_web else ""),
            )
        )
    rows.append(
        (
            "LADO (allegations against staff)",
            f"see the listing '{borough.lado}' below"
            if borough.lado
            else (borough.lado_note or "not found: ask the front door or the NSPCC Helpline"),
        )
    )
    if borough.local_help_note:
        rows.append(("Local specialist help", borough.local_help_note))
    rows.append(("ONS code", borough.ons_code or "-"))
    return rows


def render_markdown(directory: Directory | None = None, today: date | None = None) -> str:
    directory = _current(directory)
    lines = [
        f"# {TITLE}",
        "",
        f"Generated {(today or date.today()).isoformat()}. {CAVEAT}",
        "",
        ATTRIBUTION,
        "",
    ]
    for heading, _, services, borough in sections(directory):
        lines += [f"## {heading}", ""]
        if borough:
            lines += [f"- **{_md(label)}:** {_md(value)}" for label, value in borough_facts(borough)] + [""]
        for service in services:
            lines += [f"### {_md(service.name)}", "", _md(service.summary), ""]
            lines += [f"- **{_md(label)}:** {_md(value)}" for label, value in facts(service, today)]
            lines += [
                "- **Sources:** " + ", ".join(f"<{u}>" if ">" not in u else _md(u) for u in service.sources),
                "",
            ]
    return "\n".join(lines).rstrip() + "\n"


def render_html(directory: Directory | None = None, today: date | None = None) -> str:
    directory = _current(directory)
    parts = [
        "<!doctype html>",
        '<html lang="en-GB">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(TITLE)}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.4}"
        "dl{display:grid;grid-template-columns:14rem 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}"
        "section{border-top:2px solid #333;margin-top:2rem}article{margin:1rem 0 1.5rem}"
        ".warn{color:#a00;font-weight:bold}nav a{margin-right:.6rem}@media print{nav{display:none}}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(TITLE)}</h1>",
        f"<p>Generated {escape((today or date.today()).isoformat())}. {escape(CAVEAT)}</p>",
        f"<p><small>{escape(ATTRIBUTION)}</small></p>",
    ]
    all_sections = sections(directory)
    parts.append(
        "<nav>"
        + "".join(f'<a href="#{escape(anchor)}">{escape(h)}</a>' for h, anchor, _, _ in all_sections)
        + "</nav>"
    )
    for heading, anchor, services, borough in all_sections:
        parts.append(f'<section id="{escape(anchor)}"><h2>{escape(heading)}</h2>')
        if borough:
            parts.append(_html_dl(borough_facts(borough)))
        for service in services:
            warn = STATUS_WORDS[service.status]
            parts.append(f'<article id="{escape(service.id)}"><h3>{escape(service.name)}</h3>')
            if warn:
                parts.append(f'<p class="warn">{escape(warn)}</p>')
            parts.append(f"<p>{escape(service.summary)}</p>")
            parts.append(_html_dl(facts(service, today) + [("Sources", None)], service.sources))
            parts.append("</article>")
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _html_dl(rows: list[tuple[str, str | None]], sources: tuple[str, ...] = ()) -> str:
    items = []
    for label, value in rows:
        if value is None:  # the sources row
            links = ", ".join(_link(u) for u in sources)
            items.append(f"<dt>{escape(label)}</dt><dd>{links}</dd>")
        elif value.startswith(("https://", "http://")):
            items.append(f"<dt>{escape(label)}</dt><dd>{_link(value)}</dd>")
        else:
            items.append(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>")
    return "<dl>" + "".join(items) + "</dl>"


def _link(url: str) -> str:
    return f'<a href="{escape(url, quote=True)}" rel="noopener noreferrer">{escape(short_web(url))}</a>'


def _md(text: str) -> str:
    """Escape the characters that would turn listing text into Markdown or HTML markup."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text
