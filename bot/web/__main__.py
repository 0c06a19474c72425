"""`python -m bot.web`: serve the chat gateway (prints "Chat: http://HOST:PORT" once listening,
unless GATEWAY_ANNOUNCE=off: `make run` prints the address itself when the whole stack is ready)."""

from __future__ import annotations

import asyncio
import os
import sys

from aiohttp import web

from bot.privacy import logging_policy
from bot.web.app import create_app
from bot.web.settings import Settings


def use_uvloop() -> bool:
    """uvloop (installed with Rasa's Sanic) halves the event loop's cost per request; make bench
    measured the gateway's CPU per message against Rasa's. Plain asyncio when it is missing."""
    try:
        import uvloop
    except ImportError:
        return False
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    return True


def main() -> int:
    use_uvloop()
    # no message text, ids, IP addresses or tokens in any line; no access log (hazard H07)
    logging_policy.configure()
    try:
        settings = Settings.from_env()
        app = create_app(settings)
    except Exception as error:  # settings or directory problems: say what, not a traceback
        print(f"The chat gateway cannot start: {error}", file=sys.stderr)
        return 1
    shown_host = "127.0.0.1" if settings.host in {"0.0.0.0", "::", ""} else settings.host
    announce = os.environ.get("GATEWAY_ANNOUNCE", "on") != "off"
    web.run_app(
        app,
        host=settings.host,
        port=settings.port,
        access_log=None,  # an access log would hold IP addresses; there is none
        print=(lambda _: print(f"Chat: http://{shown_host}:{settings.port}", flush=True))
        if announce
        else None,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
