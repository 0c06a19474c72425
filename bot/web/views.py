"""The gateway's routes. Handlers log no message text, no session token, no sender id and no IP."""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from aiohttp import web

from bot.web.forget import ConversationStore
from bot.web.rasa_client import BotMessage, RasaClient, RasaUnavailable, Reply, clean_typed_text
from bot.web.safety_text import SafetyText
from bot.web.sessions import SessionStore, WebSession
from bot.web.settings import Settings

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"


@dataclass
class Gateway:
    """Everything the handlers share; one per app, built by create_app."""

    settings: Settings
    text: SafetyText
    pages: dict[str, str]
    sessions: SessionStore
    # Set by the client-session cleanup context while the app runs.
    rasa: Optional[RasaClient] = None
    conversations: Optional[ConversationStore] = None


GATEWAY = web.AppKey("gateway", Gateway)
routes = web.RouteTableDef()


def _html(page: str) -> web.Response:
    return web.Response(text=page, content_type="text/html", charset="utf-8")


def _say(text: str) -> Reply:
    return Reply((BotMessage(text),))


def _chat_json(session: Optional[WebSession], reply: Reply, status: int = 200,
               fallback: bool = False) -> web.Response:
    body = {"session": session.token if session else None, **reply.to_json(), "fallback": fallback}
    return web.json_response(body, status=status)


async def _read_json(request: web.Request, gateway: Gateway) -> dict | web.Response:
    """The request's JSON object, or the response to send instead (413 / 400)."""
    try:
        if (request.content_length or 0) > gateway.settings.max_body_bytes:
            raise web.HTTPRequestEntityTooLarge(gateway.settings.max_body_bytes, request.content_length)
        raw = await request.read()  # the app's client_max_size also stops chunked bodies
    except web.HTTPRequestEntityTooLarge:
        return _chat_json(None, _say(gateway.text.too_large), status=413)
    try:
        body = json.loads(raw or b"{}")
    except (ValueError, UnicodeDecodeError, RecursionError):  # deep nesting fits in 16 KB
        body = None
    if not isinstance(body, dict):
        return web.json_response({"error": "expected a JSON object"}, status=400)
    return body


def _cross_site(request: web.Request) -> bool:
    return request.headers.get("Sec-Fetch-Site") == "cross-site"


@routes.get("/")
async def chat_page(request: web.Request) -> web.Response:
    return _html(request.app[GATEWAY].pages["chat"])


@routes.get("/privacy")
async def privacy_page(request: web.Request) -> web.Response:
    return _html(request.app[GATEWAY].pages["privacy"])


@routes.get("/directory")
async def directory_page(request: web.Request) -> web.Response:
    return _html(request.app[GATEWAY].pages["directory"])


@routes.get("/healthz")
async def healthz(request: web.Request) -> web.Response:
    gateway = request.app[GATEWAY]
    assert gateway.rasa is not None
    status = await gateway.rasa.health()
    return web.json_response(status, status=200 if all(status.values()) else 503)


@routes.post("/api/chat")
async def chat(request: web.Request) -> web.Response:
    gateway = request.app[GATEWAY]
    assert gateway.rasa is not None
    if _cross_site(request):
        raise web.HTTPForbidden()
    body = await _read_json(request, gateway)
    if isinstance(body, web.Response):
        return body

    # The token is only ever looked up, never adopted: unknown tokens get a new session.
    session = gateway.sessions.get(body.get("session"))
    if session is None:
        session = gateway.sessions.create()
        if session is None:
            return _chat_json(None, _say(gateway.text.rate_limited), status=429)
    if not gateway.sessions.allow_message(session):
        return _chat_json(session, _say(gateway.text.rate_limited), status=429)

    payload, message = body.get("payload"), body.get("message")
    if payload is not None:
        if not isinstance(payload, str) or not session.accepts_payload(payload):
            return _chat_json(session, _say(gateway.text.button_expired), status=400)
        text = payload
    else:
        if not isinstance(message, str):
            return web.json_response({"error": "message must be text"}, status=400)
        if len(message) > gateway.settings.max_message_chars:
            # Refused whole rather than cut: nothing unread is silently dropped, and the refusal
            # itself carries 999 and Childline in case the long message was urgent.
            return _chat_json(session, _say(gateway.text.too_long(gateway.settings.max_message_chars)),
                              status=422)
        text = clean_typed_text(message)
        if not text:
            return web.json_response({"session": session.token, "error": "empty message"},
                                     status=400)

    try:
        reply = await gateway.rasa.send(session.sender_id, text)
    except RasaUnavailable as error:
        log.warning("chat: sending the safety message instead of a reply (%s)", error)
        return _chat_json(session, _say(gateway.text.fallback), fallback=True)
    session.offer(b.payload for m in reply.messages for b in m.buttons)
    return _chat_json(session, reply)


@routes.post("/api/forget")
async def forget(request: web.Request) -> web.Response:
    """Called by "Delete this chat" and by quick exit (navigator.sendBeacon, text/plain body)."""
    gateway = request.app[GATEWAY]
    assert gateway.conversations is not None
    if _cross_site(request):
        raise web.HTTPForbidden()
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
