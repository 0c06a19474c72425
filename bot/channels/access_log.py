"""Both channels serve HTTP with aiohttp (the gateway; the bridge's webhook listener)."""

from __future__ import annotations

import logging


def disable_access_log() -> None:
    """No access log, whoever runs the app (run_app, a test server, a supervisor): aiohttp's
    default line holds the client's IP address (hazard H07)."""
    logging.getLogger("aiohttp.access").disabled = True
