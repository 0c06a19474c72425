"""bot/web/security.py: every kind of response (pages, JSON, static files, redirects, errors)
carries the security headers and no cookie or ETag."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", "/"),
        ("GET", "/privacy"),
        ("GET", "/directory"),
        ("GET", "/static/chat.js"),
        ("GET", "/quick-exit"),
        ("GET", "/services"),
        ("GET", "/admin/directory"),
        ("POST", "/chat"),
        ("POST", "/services"),
        ("POST", "/api/transcript"),
        ("GET", "/chat"),
        ("GET", "/chat/v/unknown"),
        ("GET", "/static/style.css"),
        ("GET", "/healthz"),
        ("GET", "/no-such-page"),
        ("POST", "/api/chat"),
        ("POST", "/api/forget"),
        ("GET", "/api/chat"),
    ],
)
async def test_every_response_carries_the_security_headers(client, method, path):
    response = await client.request(method, path, json={"message": "hi"} if method == "POST" else None)
    headers = response.headers
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert headers["Cache-Control"] == "no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in headers and "ETag" not in headers
