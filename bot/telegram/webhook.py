"""Webhook mode: a small aiohttp app that takes Telegram's POSTs, checks the secret token
Telegram sends in X-Telegram-Bot-Api-Secret-Token (403 otherwise, before anything is read or
created) and hands the update to the Application: python-telegram-bot's "custom webhook"
pattern (examples/customwebhookbot), on the gateway's own aiohttp.

Why not `Application.run_webhook(secret_token=...)` (checked against python-telegram-bot 22.8 and
tornado 6.6.1 on 2026-11-30): its tornado server reads the whole body before the secret is
checked, up to tornado's default limit of 100 MB per request (HTTPServer max_buffer_size; the
webhook server sets no max_body_size); it compares the token with `!=`, not in constant time; and
when an update cannot be read it logs the whole update, message text included, at CRITICAL. Here
the secret is compared with hmac.compare_digest before the body is read, bodies stop at
MAX_UPDATE_BYTES, and nothing of a refused request is logged. python-telegram-bot still does
setWebhook(secret_token=...), update parsing and callback data (insert_callback_data)."""

from __future__ import annotations

import asyncio
import hmac
import re
import signal
from typing import Optional

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.channels.access_log import disable_access_log
from bot.telegram.bridge import ALLOWED_UPDATES
from bot.telegram.retry import STARTUP_BACKOFF, Backoff, until_it_answers
from bot.telegram.settings import Settings


SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# What Telegram accepts as secret_token (setWebhook): 1-256 of A-Z a-z 0-9 _ -
VALID_SECRET = re.compile(r"[A-Za-z0-9_-]{16,256}")
MAX_UPDATE_BYTES = 1024 * 1024


def check_webhook_settings(settings: Settings) -> None:
    if not settings.telegram_webhook_secret or not VALID_SECRET.fullmatch(settings.telegram_webhook_secret):
        raise ValueError("TELEGRAM_WEBHOOK_SECRET must be 16-256 characters of A-Z, a-z, 0-9, _ or -")
    if not settings.telegram_webhook_url or not settings.telegram_webhook_url.startswith("https://"):
        raise ValueError("TELEGRAM_WEBHOOK_URL must be the public https:// address of the webhook")


def create_webhook_app(application: Application, settings: Settings) -> web.Application:
    expected = (settings.telegram_webhook_secret or "").encode()

    async def receive(request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not expected or not hmac.compare_digest(given, expected):
            raise web.HTTPForbidden()
        try:
            data = await request.json()
            update = Update.de_json(data, application.bot)
            if update is not None:
                # a button's press back to the ButtonPress it was built with (as the updater does
                # for getUpdates): python-telegram-bot's arbitrary callback data
                application.bot.insert_callback_data(update)
        except Exception:  # malformed: say nothing about it
            raise web.HTTPBadRequest() from None
        if update is not None:
            await application.update_queue.put(update)
        return web.Response(text="ok")

    disable_access_log()
    app = web.Application(client_max_size=MAX_UPDATE_BYTES)
    app.router.add_post(settings.telegram_webhook_path, receive)
    return app


async def serve_webhook(
    application: Application,
    settings: Settings,
    stop: Optional[asyncio.Event] = None,
    startup_backoff: Backoff = STARTUP_BACKOFF,
) -> None:
    """Run until SIGINT/SIGTERM (or until `stop` is set): register the webhook with Telegram,
    then serve it. Telegram unreachable or failing at start-up is waited for, with backoff."""
    if stop is None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
    await until_it_answers(application.initialize, "getMe", stop, startup_backoff)
    if stop.is_set():  # stopped while waiting for Telegram
        await application.shutdown()
        return
    if application.post_init:
        await application.post_init(application)
    runner = web.AppRunner(create_webhook_app(application, settings), access_log=None)
    try:
        await until_it_answers(
            lambda: application.bot.set_webhook(
                url=settings.telegram_webhook_url,
                secret_token=settings.telegram_webhook_secret,
                allowed_updates=ALLOWED_UPDATES,
            ),
            "setWebhook",
            stop,
            startup_backoff,
        )
        if stop.is_set():
            return
        await application.start()
        await runner.setup()
        await web.TCPSite(runner, settings.telegram_webhook_host, settings.telegram_webhook_port).start()
        print(
            f"Telegram bridge: webhook listening on http://{settings.telegram_webhook_host}:"
            f"{settings.telegram_webhook_port}{settings.telegram_webhook_path}",
            flush=True,
        )
        await stop.wait()
    finally:
        await runner.cleanup()
        if application.running:
            await application.stop()
        if application.post_shutdown:
            await application.post_shutdown(application)
        await application.shutdown()
