"""The gateway's app factory: `create_app(settings)` -> aiohttp Application.

from bot.web.app import create_app
from bot.web.settings import Settings
app = create_app(Settings.from_env())
"""

from __future__ import annotations

import asyncio
import logging
from typing import AsyncIterator, Callable, Optional

from aiohttp import web

from bot.channels.access_log import disable_access_log
from bot.channels.forget import ConversationStore, ForgetHook
from bot.channels.rasa_client import RasaClient, new_http_session
from bot.channels.safety_text import SafetyText, load_safety_text
from bot.directory.model import Directory
from bot.web import pages
from bot.web.links import Linker
from bot.web.security import add_security_headers
from bot.web.services_page import services_page
from bot.web.sessions import SessionStore
from bot.web.settings import Settings
from bot.web.views import GATEWAY, Gateway, routes


log = logging.getLogger(__name__)

SWEEP_INTERVAL_S = 60.0


def find_directory_export(directory: Optional[Directory]) -> Optional[Callable[[], str]]:
    """The directory's HTML export for administrators (bot.directory.export) as a function
    returning our page body, or None when there is none. Rendered once at start-up."""
    try:
        from bot.directory.export import render_html
    except ImportError:
        return None
    if directory is None:
        return None
    return lambda: pages.html_body(render_html(directory))


def _load_directory() -> Optional[Directory]:
    try:
        from bot.directory import load_directory

        return load_directory()
    except Exception as error:  # the chat must still start; the safety text has its own check
        log.error("the service directory could not be loaded (%s)", type(error).__name__)
        return None


def create_app(
    settings: Settings,
    *,
    safety_text: Optional[SafetyText] = None,
    forget_hook: Optional[ForgetHook] = None,
    sweep_interval_s: float = SWEEP_INTERVAL_S,
) -> web.Application:
    text = safety_text or load_safety_text()
    directory = _load_directory()
    linker = Linker.from_directory(directory) if directory else Linker()
    gateway = Gateway(
        settings=settings,
        text=text,
        linker=linker,
        directory=directory,
        pages={
            "chat": pages.chat_page(text, linker),
            "privacy": pages.privacy_page(text, linker),
            "quick_exit": pages.quick_exit_page(text, linker),
            "services": (
                services_page(text, linker, directory)
                if directory
                else pages.admin_directory_page(text, linker, None)
            ),
            "admin_directory": pages.admin_directory_page(text, linker, find_directory_export(directory)),
        },
        sessions=SessionStore(
            max_sessions=settings.max_sessions,
            idle_s=settings.session_idle_s,
            rate_limit=settings.rate_limit,
            new_session_limit=settings.new_session_rate_limit,
        ),
    )
    disable_access_log()  # __main__ also passes access_log=None
    app = web.Application(client_max_size=settings.max_body_bytes)
    app[GATEWAY] = gateway
    app.add_routes(routes)
    app.on_response_prepare.append(add_security_headers)

    async def rasa_client(app: web.Application) -> AsyncIterator[None]:
        async with new_http_session() as http:
            gateway.rasa = RasaClient(
                http,
                settings.rasa_url,
                settings.action_server_url,
                settings.rasa_timeout_s,
                routing=settings.rasa_routing,
            )
            gateway.conversations = ConversationStore(
                gateway.rasa, local=[gateway.sessions.drop_sender], hook=forget_hook
            )
            sweeper = asyncio.create_task(_sweep(gateway, sweep_interval_s))
            try:
                yield
            finally:
                sweeper.cancel()
                await asyncio.gather(sweeper, return_exceptions=True)
                gateway.rasa.close()

    app.cleanup_ctx.append(rasa_client)
    return app


async def _sweep(gateway: Gateway, interval_s: float) -> None:
    """Forget, in Rasa too, the conversations of web sessions that idled out or were evicted."""
    while True:
        await asyncio.sleep(interval_s)
        assert gateway.conversations is not None
        for sender_id in gateway.sessions.take_ended():
            await gateway.conversations.forget(sender_id)
