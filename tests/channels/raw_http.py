"""Raw HTTP for the tests that send what no client library would (malformed requests, requests
around the channels): tests/channels/test_fuzz_malformed_http.py and tests/serve/test_canary_scan.py.

    send_raw(port, request, wait_s) -> bytes   the server's answer on 127.0.0.1:port
    status_of(answer) -> int | None            its HTTP status, None when it is not HTTP
"""

from __future__ import annotations

import socket


def send_raw(port: int, request: bytes, wait_s: float = 2.0) -> bytes:
    """Send bytes and read the answer until the server closes or `wait_s` passes without data
    (a body cut short is waited for: then the answer is empty)."""
    with socket.create_connection(("127.0.0.1", port), timeout=wait_s) as sock:
        try:
            sock.sendall(request)
        except OSError:
            return b""  # the server closed before reading it all: an answer too
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (ConnectionResetError, socket.timeout):
            pass
        return b"".join(chunks)


def status_of(answer: bytes) -> int | None:
    if not answer.startswith(b"HTTP/"):
        return None
    return int(answer.split(b" ", 2)[1])
