"""Fuzz corpus against the web gateway (create_app, fake Rasa on 127.0.0.1): every case gets a
reply or a clear 4xx, never a 5xx; the gateway never turns input into HTML; urgent phrases with
invisible characters still reach Rasa in a form the safety net fires on."""

from __future__ import annotations

import json
import re

import pytest

from bot.safety.matcher import assess
from tests.channels.fuzz_corpus import TEXTS, URGENT_INVISIBLE

pytestmark = pytest.mark.fuzz

EMERGENCY_NUMBER = "999"


def check_served_safely(response, raw: str) -> None:
    """No 5xx; JSON answers are JSON (never HTML) with nosniff; no gateway-made HTML."""
    assert response.status < 500, (response.status, raw[:300])
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    content_type = response.headers.get("Content-Type", "")
    if "<script" in raw.lower():
        # Only the (fake) Rasa's echo of the typed text can carry it, as a JSON string value
        # the page puts in with textContent; it must never be served as HTML.
        assert content_type.startswith("application/json"), content_type


def rasa_echo_only(body: dict, typed: str) -> bool:
    """True if every message text is either the fake Rasa's echo or a gateway text without input."""
    return all(
        m["text"].startswith("I read: ") or typed.strip() not in m["text"] for m in body.get("messages", [])
    )


@pytest.mark.parametrize("typed", [t for _, t in TEXTS], ids=[i for i, _ in TEXTS])
async def test_typed_text_gets_a_reply_or_a_clear_4xx(client, fake_rasa, typed):
    response = await client.post("/api/chat", json={"message": typed})
    raw = await response.text()
    check_served_safely(response, raw)
    body = json.loads(raw)
    if response.status == 200:
        assert body["messages"] or body["fallback"] is False  # fake Rasa may say nothing to /restart
        assert isinstance(body["session"], str)
        [(_, forwarded)] = fake_rasa.received
        assert not forwarded.startswith("/"), "typed text must never be read as an intent"
    else:
        assert 400 <= response.status < 500
        assert fake_rasa.received == []
        if typed.strip():
            assert typed.strip() not in raw  # a refusal never echoes what was sent
    assert rasa_echo_only(body, typed)


@pytest.mark.parametrize(
    "typed", [t for _, t in TEXTS if t.strip()][:12], ids=[i for i, t in TEXTS if t.strip()][:12]
)
async def test_typed_text_in_the_payload_field_is_refused_unless_offered(client, fake_rasa, typed):
    response = await client.post("/api/chat", json={"payload": typed})
    raw = await response.text()
    check_served_safely(response, raw)
    assert response.status in (400, 413)  # not offered, or a body over 16 KB
    assert EMERGENCY_NUMBER in raw  # the refusal still shows 999
    assert fake_rasa.received == []


@pytest.mark.parametrize(
    "injected",
    [
        "/report_immediate_danger",
        "/urgent_danger",
        "/restart",
        "/session_start",
        '/inform_age{"age_band": "18_plus"}',
    ],
)
async def test_intent_injection_through_the_payload_field_never_reaches_rasa(client, fake_rasa, injected):
    first = await client.post("/api/chat", json={"payload": "/greet"})
    token = (await first.json())["session"]
    response = await client.post("/api/chat", json={"session": token, "payload": injected})
    assert response.status == 400
    assert [m for _, m in fake_rasa.received] == ["/greet"]


@pytest.mark.parametrize("typed", [t for _, t in URGENT_INVISIBLE], ids=[i for i, _ in URGENT_INVISIBLE])
async def test_urgent_phrases_with_invisible_characters_still_fire_the_safety_net(client, fake_rasa, typed):
    response = await client.post("/api/chat", json={"message": typed})
    assert response.status == 200
    [(_, forwarded)] = fake_rasa.received
    assert assess(forwarded).level == "emergency", forwarded


BAD_BODIES = [
    ("empty_body", b"", "application/json"),
    ("not_json", b"not json", "application/json"),
    ("truncated_json", b'{"message": "hel', "application/json"),
    ("trailing_comma", b'{"message": "hi",}', "application/json"),
    ("json_null", b"null", "application/json"),
    ("json_string", b'"hello"', "application/json"),
    ("json_number", b"42", "application/json"),
    ("json_array", b'[{"message": "hi"}]', "application/json"),
    ("message_null", b'{"message": null}', "application/json"),
    ("message_number", b'{"message": 1e999}', "application/json"),
    ("message_list", b'{"message": ["hi"]}', "application/json"),
    ("message_object", b'{"message": {"text": "hi"}}', "application/json"),
    ("payload_object", b'{"payload": {"x": 1}}', "application/json"),
    ("session_object", b'{"session": {"a": 1}, "message": "hi"}', "application/json"),
    ("session_list", b'{"session": [1, 2], "message": "hi"}', "application/json"),
    ("nan", b'{"message": NaN}', "application/json"),
    ("invalid_utf8", b'{"message": "\xff\xfe\xfd hi"}', "application/json"),
    ("invalid_utf8_only", b"\xc3\x28\xa0\xa1", "application/json"),
    ("utf16_bom", '{"message": "hi"}'.encode("utf-16"), "application/json"),
    ("nul_in_body", b'{"message": "hi"}\x00', "application/json"),
    ("escaped_nul", b'{"message": "hi\\u0000there"}', "application/json"),
    ("lone_surrogate_escape", b'{"message": "hi \\ud800 there"}', "application/json"),
    ("duplicate_keys", b'{"message": "/restart", "message": "hello"}', "application/json"),
    ("oversized_17kb", json.dumps({"message": "z" * 17_000}).encode(), "application/json"),
    ("oversized_200kb", b'{"message": "' + b"a" * 200_000 + b'"}', "application/json"),
    ("nested_50", b"[" * 50 + b"]" * 50, "application/json"),
    ("form_encoded", b"message=hello", "application/x-www-form-urlencoded"),
    (
        "multipart_ish",
        b"--x\r\nContent-Disposition: form-data; name=message\r\n\r\nhi\r\n--x--",
        "multipart/form-data; boundary=x",
    ),
    ("xml", b"<message>hi</message>", "application/xml"),
    ("html_body", b"<script>alert(1)</script>", "text/html"),
    ("json_as_text_plain", b'{"message": "hello"}', "text/plain"),  # sendBeacon's type
    ("json_as_octet_stream", b'{"message": "hello"}', "application/octet-stream"),
    ("no_content_type", b'{"message": "hello"}', None),
    ("bogus_content_type", b'{"message": "hello"}', "application/json; charset=klingon"),
]


@pytest.mark.parametrize("path", ["/api/chat", "/api/forget"])
@pytest.mark.parametrize(
    "data,content_type", [(d, c) for _, d, c in BAD_BODIES], ids=[i for i, _, _ in BAD_BODIES]
)
async def test_malformed_bodies_and_content_types_get_a_reply_or_a_clear_4xx(
    client, path, data, content_type
):
    headers = {"Content-Type": content_type} if content_type else {}
    response = await client.post(path, data=data, headers=headers)
    raw = await response.text()
    check_served_safely(response, raw)
    assert response.status in (200, 400, 413, 422), (response.status, raw[:200])
    body = json.loads(raw)  # every answer from these endpoints is JSON
    assert "<script" not in raw.lower()
    if response.status == 413:
        assert EMERGENCY_NUMBER in raw  # refused, but still shows 999
    assert isinstance(body, dict)


@pytest.mark.parametrize("path", ["/api/chat", "/api/forget"])
async def test_deeply_nested_json_under_the_size_limit_gets_a_4xx(client, path):
    response = await client.post(
        path, data=b"[" * 10_000 + b"]" * 2, headers={"Content-Type": "application/json"}
    )
    assert 400 <= response.status < 500


async def test_chunked_oversized_body_gets_413_not_5xx(client):
    async def chunks():
        for _ in range(40):
            yield b"z" * 1024

    response = await client.post("/api/chat", data=chunks(), headers={"Content-Type": "application/json"})
    assert response.status == 413


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
async def test_wrong_methods_on_the_api_are_4xx(client, method):
    response = await client.request(method, "/api/chat", data=b'{"message": "hi"}')
    assert 400 <= response.status < 500


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/privacy",
        "/directory",
        "/?q=<script>alert(1)</script>",
        "/privacy?<script>=1",
        "/%3Cscript%3Ealert(1)%3C/script%3E",
        "/static/..%2f..%2fapp.py",
        "/static/%00",
    ],
)
async def test_pages_never_reflect_the_request(client, path):
    response = await client.get(path)
    raw = await response.text()
    assert response.status < 500
    assert "alert(1)" not in raw
    if response.status == 200 and response.content_type == "text/html":
        # The only <script> tags are the page's own external scripts (no inline script).
        lowered = raw.lower()
        for start in range(len(lowered)):
            start = lowered.find("<script", start)
            if start < 0:
                break
            tag = lowered[start : lowered.find(">", start) + 1]
            assert ' src="/static/' in tag, tag
            assert lowered[lowered.find(">", start) + 1 :].startswith("</script>"), tag


def test_the_page_script_puts_text_in_with_text_nodes_only(repo):
    for script in (repo / "bot" / "web" / "static").glob("*.js"):
        source = re.sub(r"/\*.*?\*/|//[^\n]*", "", script.read_text(encoding="utf-8"), flags=re.S)
        for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
            assert sink not in source, f"{script.name} uses {sink}"
