"""The gateway's routes. Handlers log no message text, no session token, no sender id and no IP.

The chat works two ways with the same server-side turn (`take_turn`):
  - without JavaScript (or before it has loaded): the form POSTs to /chat and gets the page back,
    drawn by the server with the conversation so far; the session token rides in a hidden field;
  - with chat.js: /api/chat and /api/transcript (JSON); the page keeps only the session token.
No message text is ever in an address: every message is POSTed.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Optional

from aiohttp import web

from bot.channels.errors import RasaUnavailable
from bot.channels.forget import ConversationStore
from bot.channels.rasa_client import RasaClient
from bot.channels.reply import BotMessage, Reply
from bot.channels.safety_text import SafetyText
from bot.channels.typed_text import clean_typed_text
from bot.directory.model import Directory
from bot.web import pages
from bot.web.links import Linker
from bot.web.one_time_views import OneTimeViews, View
from bot.web.services_page import services_page
from bot.web.sessions import SessionStore, WebSession
from bot.web.settings import Settings
from bot.web.transcript import Entry

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
# The bot's own "Delete this chat" button (domain.yml utter_privacy): the web channel deletes.
FORGET_PAYLOAD = "/request_forget"
DELETED = "This chat has been deleted."
EXPIRED_VIEW = (
    "This page doesn't show the chat again, to keep it private. If you were in the "
    "middle of a chat, it is deleted 1 hour after your last message."
)
NOT_DELETED = (
    "This chat is cleared from this page. Our computer didn't answer, so its copy will "
    "be deleted 1 hour after your last message."
)


@dataclass
class Gateway:
    """Everything the handlers share; one per app, built by create_app."""

    settings: Settings
    text: SafetyText
    linker: Linker
    directory: Optional[Directory]
    pages: dict[str, str]  # pages that are the same for everyone, drawn once
    sessions: SessionStore
    one_time_views: OneTimeViews = field(default_factory=OneTimeViews)
    # Set by the client-session cleanup context while the app runs.
    rasa: Optional[RasaClient] = None
    conversations: Optional[ConversationStore] = None


GATEWAY = web.AppKey("gateway", Gateway)
routes = web.RouteTableDef()


def _html(page: str, status: int = 200) -> web.Response:
    return web.Response(text=page, status=status, content_type="text/html", charset="utf-8")


def _say(text: str) -> Reply:
    return Reply((BotMessage(text),))


@dataclass
class Turn:
    """What one message or button press came to (the same for the form and the JSON API)."""

    session: Optional[WebSession]
    reply: Reply
    status: int = 200
    fallback: bool = False
    forgotten: Optional[bool] = None  # set when the bot's "Delete this chat" button was pressed
    error: Optional[str] = None  # a request the API refuses without a reply (400)
    give_back: bool = False  # refused unread (too long, too fast): give the words back


async def take_turn(gateway: Gateway, token: object, message: object, payload: object) -> Turn:
    """Send one typed message or button payload for the session `token` (unknown tokens get a
    new session; a token is never adopted) and record both sides in the session's transcript."""
    assert gateway.rasa is not None and gateway.conversations is not None
    text_ = gateway.text
    session = gateway.sessions.get(token)
    if session is None:
        session = gateway.sessions.create()
        if session is None:
            return Turn(None, _say(text_.rate_limited), status=429, give_back=True)
    if not gateway.sessions.allow_message(session):
        return Turn(session, _say(text_.rate_limited), status=429, give_back=True)

    if payload is not None:
        if not isinstance(payload, str) or not session.accepts_payload(payload):
            return Turn(session, _say(text_.button_expired), status=400)
        if payload == FORGET_PAYLOAD:
            forgotten = await gateway.conversations.forget(session.sender_id)
            return Turn(None, Reply(), forgotten=forgotten)
        shown, text = session.button_title(payload), payload
    else:
        if not isinstance(message, str):
            return Turn(session, Reply(), status=400, error="message must be text")
        if len(message) > gateway.settings.max_message_chars:
            # Refused whole rather than cut: nothing unread is silently dropped, and the refusal
            # itself carries 999 and Childline in case the long message was urgent.
            return Turn(
                session, _say(text_.too_long(gateway.settings.max_message_chars)), status=422, give_back=True
            )
        text = clean_typed_text(message)
        if not text:
            return Turn(session, Reply(), status=400, error="empty message")
        shown = text  # kept as Rasa gets it: a full postcode is cut here too (never stored whole)

    if shown:
        session.transcript.add_user(shown)
    try:
        reply = await gateway.rasa.send(session.sender_id, text)
        fallback = False
    except RasaUnavailable as error:
        log.warning("chat: sending the safety message instead of a reply (%s)", error)
        reply, fallback = _say(text_.fallback), True
    session.offer((b.payload, b.title) for m in reply.messages for b in m.buttons)
    session.transcript.add_reply(reply)
    return Turn(session, reply, fallback=fallback)


def _turn_json(gateway: Gateway, turn: Turn) -> web.Response:
    if turn.error:
        body = {"error": turn.error, **({"session": turn.session.token} if turn.session else {})}
        return web.json_response(body, status=turn.status)
    reply = turn.reply.to_json()
    for message, shown in zip(reply["messages"], turn.reply.messages):
        message["segments"] = [s.to_json() for s in gateway.linker.segments(shown.text)]
    body = {"session": turn.session.token if turn.session else None, **reply, "fallback": turn.fallback}
    if turn.forgotten is not None:
        body["forgotten"] = turn.forgotten
    return web.json_response(body, status=turn.status)


async def _read_body(request: web.Request, gateway: Gateway) -> bytes | web.Response:
    try:
        if (request.content_length or 0) > gateway.settings.max_body_bytes:
            raise web.HTTPRequestEntityTooLarge(gateway.settings.max_body_bytes, request.content_length)
        return await request.read()  # the app's client_max_size also stops chunked bodies
    except web.HTTPRequestEntityTooLarge:
        return web.json_response(
            {"session": None, **_say(gateway.text.too_large).to_json(), "fallback": False}, status=413
        )


async def _read_json(request: web.Request, gateway: Gateway) -> dict | web.Response:
    """The request's JSON object, or the response to send instead (413 / 400). A cross-site
    request is refused (HTTPForbidden raised) before anything is read."""
    _refuse_cross_site(request)
    raw = await _read_body(request, gateway)
    if isinstance(raw, web.Response):
        return raw
    try:
        body = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError):  # deep nesting fits in 16 KB
        body = None
    if not isinstance(body, dict):
        return web.json_response({"error": "expected a JSON object"}, status=400)
    return body


async def _read_form(request: web.Request, gateway: Gateway) -> Mapping[str, str] | web.Response:
    """A POSTed HTML form's fields (text values only), or the response to send instead. A
    cross-site request is refused (HTTPForbidden raised) before anything is read."""
    _refuse_cross_site(request)
    try:
        if (request.content_length or 0) > gateway.settings.max_body_bytes:
            raise web.HTTPRequestEntityTooLarge(gateway.settings.max_body_bytes, request.content_length)
        form = await request.post()
    except web.HTTPRequestEntityTooLarge:
        return _html(pages.chat_page(gateway.text, gateway.linker, status=gateway.text.too_large), status=413)
    except ValueError:
        form = {}
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _refuse_cross_site(request: web.Request) -> None:
    """Every POST reads its body through _read_json or _read_form, which call this first."""
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        raise web.HTTPForbidden()


@routes.get("/")
async def chat_page(request: web.Request) -> web.Response:
    return _html(request.app[GATEWAY].pages["chat"])


@routes.post("/chat")
async def chat_form(request: web.Request) -> web.Response:
    """The chat without JavaScript: the form's POST. Answered with a redirect to a one-time view
    (bot.web.one_time_views: Chromium would otherwise keep the POST's words on disk)."""
    gateway = request.app[GATEWAY]
    form = await _read_form(request, gateway)
    if isinstance(form, web.Response):
        return form
    token = form.get("session") or None

    def show(
        session: Optional[WebSession], status: str = "", shown_once: Reply = Reply(), typed: str = ""
    ) -> web.Response:
        code = gateway.one_time_views.put(
            View(session.token if session else "", status, tuple(m.text for m in shown_once.messages), typed)
        )
        raise web.HTTPSeeOther(f"/chat/v/{code}")

    if form.get("delete"):
        assert gateway.conversations is not None
        session = gateway.sessions.get(token)
        forgotten = await gateway.conversations.forget(session.sender_id) if session else True
        return show(None, status=DELETED if forgotten else NOT_DELETED)

    payload = form.get("payload") or None
    message = None if payload else form.get("message", "")
    if payload is None and not (message or "").strip():
        return show(gateway.sessions.peek(token), status="Type a message first.")
    turn = await take_turn(gateway, token, message, payload)
    if turn.forgotten is not None:
        return show(None, status=DELETED if turn.forgotten else NOT_DELETED)
    if turn.session is not None and turn.status != 200 and turn.reply.messages:
        # refused (too long, too fast, old button): shown once, not kept in the transcript
        return show(
            turn.session,
            shown_once=turn.reply,
            typed=message if turn.give_back and isinstance(message, str) else "",
        )
    return show(turn.session, status=turn.error or "")


@routes.get("/chat/v/{code}")
async def chat_form_view(request: web.Request) -> web.Response:
    """The page after a form POST, drawn by the server, once. Used or too old: a new chat."""
    gateway = request.app[GATEWAY]
    view = gateway.one_time_views.take(request.match_info["code"])
    if view is None:
        return _html(pages.chat_page(gateway.text, gateway.linker, status=EXPIRED_VIEW))
    session = gateway.sessions.peek(view.session_token) if view.session_token else None
    entries = list(session.transcript) if session else []
    entries += [Entry("bot", text) for text in view.shown_once]
    return _html(
        pages.chat_page(
            gateway.text,
            gateway.linker,
            session=session.token if session else "",
            entries=entries,
            urgency=session.transcript.urgency if session else (),
            status=view.status,
            typed=view.typed,
        )
    )


@routes.get("/chat")
async def chat_form_again(request: web.Request) -> web.Response:
    """A bookmarked /chat: start at the chat page."""
    raise web.HTTPSeeOther("/")


@routes.get("/privacy")
async def privacy_page(request: web.Request) -> web.Response:
    return _html(request.app[GATEWAY].pages["privacy"])


@routes.get("/quick-exit")
async def quick_exit_page(request: web.Request) -> web.Response:
    return _html(request.app[GATEWAY].pages["quick_exit"])


@routes.get("/services")
async def services(request: web.Request) -> web.Response:
    return _html(request.app[GATEWAY].pages["services"])


@routes.post("/services")
async def services_chosen(request: web.Request) -> web.Response:
    gateway = request.app[GATEWAY]
    form = await _read_form(request, gateway)
    if isinstance(form, web.Response):
        return form
    if gateway.directory is None:
        return _html(gateway.pages["services"])
    return _html(services_page(gateway.text, gateway.linker, gateway.directory, form))


@routes.get("/admin/directory")
async def admin_directory_page(request: web.Request) -> web.Response:
    return _html(request.app[GATEWAY].pages["admin_directory"])


@routes.get("/directory")
async def directory_moved(request: web.Request) -> web.Response:
    """The old address of the administrators' export."""
    raise web.HTTPMovedPermanently("/admin/directory")


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    gateway = request.app[GATEWAY]
    assert gateway.rasa is not None
    status = await gateway.rasa.health()  # also lists whether each Rasa worker answers
    ready = status["rasa"] and status["action_server"]
    return web.json_response(status, status=200 if ready else 503)


@routes.post("/api/chat")
async def chat(request: web.Request) -> web.Response:
    gateway = request.app[GATEWAY]
    body = await _read_json(request, gateway)
    if isinstance(body, web.Response):
        return body
    turn = await take_turn(gateway, body.get("session"), body.get("message"), body.get("payload"))
    return _turn_json(gateway, turn)


@routes.post("/api/transcript")
async def transcript(request: web.Request) -> web.Response:
    """The conversation so far, for a page that was reloaded: the browser keeps none of it."""
    gateway = request.app[GATEWAY]
    body = await _read_json(request, gateway)
    if isinstance(body, web.Response):
        return body
    session = gateway.sessions.peek(body.get("session"))
    if session is None:
        return web.json_response({"session": None, "entries": [], "urgency": []})
    return web.json_response(
        {
            "session": session.token,
            "entries": [pages.entry_json(entry, gateway.linker) for entry in session.transcript],
            "urgency": list(session.transcript.urgency),
        }
    )


@routes.post("/api/forget")
async def forget(request: web.Request) -> web.Response:
    """Called by "Delete this chat" and by quick exit (navigator.sendBeacon, text/plain body)."""
    gateway = request.app[GATEWAY]
    assert gateway.conversations is not None
    body = await _read_json(request, gateway)
    if isinstance(body, web.Response):
        return body
    session = gateway.sessions.get(body.get("session"))
    if session is None:
        # Nothing is held for this token: never issued, already forgotten, or idle and forgotten
        # by the sweeper. (After a gateway restart the mapping to Rasa's sender id is gone; Rasa's
        # tracker store then deletes the conversation after its idle time, endpoints.yml.)
        return web.json_response({"forgotten": True})
    forgotten = await gateway.conversations.forget(session.sender_id)
    return web.json_response({"forgotten": forgotten})


routes.static("/static", STATIC, append_version=False)
