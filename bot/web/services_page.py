"""The young people's "Services you can contact" page: pick what it is about (and, if you want, a
borough and an age), get a short list of who to contact, in the order bot.directory.select gives.

The choice is POSTed, so what a young person looked for never appears in an address or in the
browser's history list. The administrators' full export lives at /admin/directory.
"""

from __future__ import annotations

import html
from typing import Mapping, Optional

from bot.channels.safety_text import SafetyText
from bot.directory.model import Directory
from bot.directory.render import contact_line
from bot.directory.select import Situation, select_services
from bot.web.links import Linker
from bot.web.pages import _page, fill, template

# What a young person might be looking for, in their words -> the directory's topic.
TOPICS = (
    ("harassment", "Sexual harassment, online or in person"),
    ("assault", "Sexual assault or rape"),
    ("image_abuse", "Nude pictures or videos of me shared, or threats to share them"),
    ("grooming", "Someone I met online is pressuring me"),
    ("adult_abuse", "An adult is abusing me"),
    ("non_recent", "Something that happened a long time ago"),
    ("self_harm", "Thinking about hurting myself"),
    ("anonymous_reporting", "Reporting it without giving my name"),
    ("reporting", "Reporting it to the police"),
    ("friend_concern", "I'm worried about a friend"),
    ("emotional_support", "I just want to talk to someone"),
)
AGE_BANDS = (
    ("", "I'd rather not say"),
    ("under_13", "Under 13"),
    ("13_15", "13 to 15"),
    ("16_17", "16 or 17"),
    ("18_plus", "18 or over"),
)
MAX_RESULTS = 6  # short and readable on a phone; the chat can give more


def _choice(value: Optional[str], allowed) -> Optional[str]:
    return value if value in allowed else None


def services_page(
    text: SafetyText, linker: Linker, directory: Directory, form: Mapping[str, str] | None = None
) -> str:
    """The page; with `form` (topic, borough, age from the POST), the services for that choice.
    Unknown values are ignored, never echoed."""
    form = form or {}
    topic = _choice(form.get("topic"), dict(TOPICS))
    boroughs = sorted(directory.boroughs, key=lambda b: b.name)
    borough = _choice(form.get("borough"), {b.id for b in boroughs})
    age = _choice(form.get("age"), {band for band, _ in AGE_BANDS if band})

    topic_choices = "".join(
        f'<div class="radio"><input type="radio" id="topic-{key}" name="topic" value="{key}"'
        f"{' checked' if key == topic else ''} required>"
        f'<label for="topic-{key}">{html.escape(label)}</label></div>'
        for key, label in TOPICS
    )
    borough_options = '<option value="">I\'d rather not say</option>' + "".join(
        f'<option value="{html.escape(b.id)}"{" selected" if b.id == borough else ""}>{html.escape(b.name)}</option>'
        for b in boroughs
    )
    age_options = "".join(
        f'<option value="{band}"{" selected" if band == (age or "") else ""}>{html.escape(label)}</option>'
        for band, label in AGE_BANDS
    )
    results = ""
    if topic:
        offers = select_services(
            directory, Situation(topic=topic, borough=borough, age_band=age, audience="young_person")
        )
        items = []
        for offer in offers[:MAX_RESULTS]:
            service = offer.service
            note = f"<p>{linker.html(offer.note)}</p>" if offer.note else ""
            items.append(
                f'<article class="service"><h3>{html.escape(service.name)}</h3>'
                f"<p>{html.escape(service.summary)}</p>"
                f'<p class="contact">{linker.html(contact_line(service))}</p>{note}</article>'
            )
        where = next((b.name for b in boroughs if b.id == borough), None)
        heading = dict(TOPICS)[topic] + (f" ({where})" if where else "")
        results = (
            f'<section class="results" aria-labelledby="results-title">'
            f'<h2 id="results-title" tabindex="-1">{html.escape(heading)}</h2>'
            + ("".join(items) or "<p>No services found for this choice.</p>")
            + "</section>"
        )
    body = fill(
        template("services.html"),
        {"emergency": text.emergency},
        raw={
            "topic_choices": topic_choices,
            "borough_options": borough_options,
            "age_options": age_options,
            "results": results,
        },
    )
    return _page("services", text, linker, "Services you can contact", body)
