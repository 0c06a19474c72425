"""Response headers every gateway response carries (pages, JSON, static files and errors)."""

from __future__ import annotations

from aiohttp import web

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",  # no inline scripts, no eval, no third parties
        "style-src 'self'",  # no inline styles
        "img-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    # Nothing is cached: Back after quick exit must not show a stored copy of the chat (H06).
    "Cache-Control": "no-store",
    "Pragma": "no-cache",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=(), payment=(), usb=()",
}


async def add_security_headers(request: web.Request, response: web.StreamResponse) -> None:
    """on_response_prepare signal: runs for every response, including static files and errors."""
    response.headers.update(SECURITY_HEADERS)
    # aiohttp's static handler sets ETag/Last-Modified; with no-store they only help fingerprint.
    for name in ("ETag", "Last-Modified"):
        response.headers.popall(name, None)
