"""bot/web/views.py: the gateway's routes over HTTP (create_app against the fake Rasa on 127.0.0.1).
The JSON API (/api/chat, /api/transcript, /api/forget) and /healthz: sessions, what is forwarded,
limits, Rasa down or slow, urgency, forgetting, logs. The chat without JavaScript (POST /chat drawn
by the server, its one-time views) and the conversation kept for a reload (issue 14). And the fuzz
corpus (marked fuzz): every case gets a reply or a clear 4xx, never a 5xx; the gateway never turns
input into HTML; urgent phrases with invisible characters still reach Rasa in a form the safety
net fires on."""

from __future__ import annotations

import asyncio
import html
import json
import logging
import re
import time

import pytest

from bot.channels.rate_limits import RateLimit
from bot.safety.matcher import assess
from bot.web.transcript import MAX_ENTRIES
from tests.channels.fakes import CRISIS_TEXT, EMERGENCY_TEXT, GREETING, closed_port_url
from tests.channels.fuzz_corpus import TEXTS, URGENT_INVISIBLE
from tests.web.helpers import EMERGENCY_NUMBER, assert_safety_lines, chat


# --- sessions -------------------------------------------------------------------------------------


async def test_first_message_gets_a_server_issued_session_and_rasa_sees_another_id(client, fake_rasa):
    status, body = await chat(client, payload="/greet")
    assert status == 200
    assert body["messages"][0]["text"] == GREETING
    assert [b["title"] for b in body["messages"][0]["buttons"]] == ["Something happened to me", "Not now"]
    assert body["urgency"] == [] and body["fallback"] is False
    token = body["session"]
    assert isinstance(token, str) and len(token) >= 43  # token_urlsafe(32): 256 bits
    [(sender, message)] = fake_rasa.received
    assert message == "/greet"
    assert len(sender) >= 43 and sender != token
    assert sender not in json.dumps(body)  # Rasa's recipient_id never reaches the browser


async def test_the_same_token_keeps_the_same_conversation(client, fake_rasa):
    _, first = await chat(client, message="hello")
    _, second = await chat(client, session=first["session"], message="again")
    assert second["session"] == first["session"]
    assert second["messages"][0]["text"] == "I read: again"
    assert len(set(fake_rasa.senders())) == 1


async def test_a_token_the_server_did_not_issue_is_never_adopted(client, fake_rasa):
    forged = "A" * 43
    status, body = await chat(client, session=forged, message="hello")
    assert status == 200
    assert body["session"] != forged
    assert forged not in fake_rasa.senders()


async def test_two_sessions_have_unrelated_sender_ids(client, fake_rasa):
    await chat(client, message="one")
    await chat(client, message="two")
    first, second = fake_rasa.senders()
    assert first != second


# --- what is forwarded ----------------------------------------------------------------------------


async def test_typed_slash_commands_are_read_as_words_not_intents(client, fake_rasa):
    # Rasa would treat "/..." as an intent and skip the safety net.
    await chat(client, message="/restart")
    await chat(client, message="  //i want to die")
    assert [m for _, m in fake_rasa.received] == ["restart", "i want to die"]


async def test_only_buttons_the_bot_offered_are_accepted(client, fake_rasa):
    _, greeting = await chat(client, payload="/greet")
    token = greeting["session"]
    status, body = await chat(client, session=token, payload="/say_not_now")
    assert status == 200 and body["messages"][0]["text"].startswith("That's OK")
    status, body = await chat(client, session=token, payload='/inform_age{"age_band":"18_plus"}')
    assert status == 400
    assert_safety_lines(body)
    assert [m for _, m in fake_rasa.received] == ["/greet", "/say_not_now"]


async def test_empty_and_malformed_requests_are_refused(client, fake_rasa):
    assert (await chat(client, message="   "))[0] == 400
    assert (await chat(client, message=42))[0] == 400
    response = await client.post("/api/chat", data=b"not json")
    assert response.status == 400
    response = await client.post("/api/chat", data=b"[1, 2]")
    assert response.status == 400
    assert fake_rasa.received == []


# --- limits ---------------------------------------------------------------------------------------


async def test_messages_over_the_limit_are_refused_kindly_with_999_and_childline(client, fake_rasa):
    status, body = await chat(client, message="x" * 2001)
    assert status == 422
    assert_safety_lines(body)
    assert "too long" in body["messages"][0]["text"]
    assert body["session"]
    assert fake_rasa.received == []
    status, _ = await chat(client, session=body["session"], message="y" * 2000)
    assert status == 200
    assert fake_rasa.received[0][1] == "y" * 2000


async def test_bodies_over_16_kb_get_413(client, fake_rasa):
    response = await client.post(
        "/api/chat", data=json.dumps({"message": "z" * 17000}), headers={"Content-Type": "application/json"}
    )
    assert response.status == 413
    assert_safety_lines(await response.json())

    async def chunks():
        for _ in range(20):
            yield b"z" * 1024

    response = await client.post("/api/chat", data=chunks())  # no Content-Length
    assert response.status == 413
    assert fake_rasa.received == []


async def test_per_session_rate_limit_answers_429_that_still_shows_999(make_client, fake_rasa):
    client = await make_client(rate_limit=RateLimit(3, 60))
    _, first = await chat(client, message="1")
    token = first["session"]
    for n in (2, 3):
        assert (await chat(client, session=token, message=str(n)))[0] == 200
    status, body = await chat(client, session=token, message="4")
    assert status == 429 and body["session"] == token
    assert_safety_lines(body)
    assert "wait a minute" in body["messages"][0]["text"]
    assert (await chat(client, message="another session"))[0] == 200  # others are unaffected
    assert len(fake_rasa.received) == 4


async def test_starting_sessions_is_rate_limited_too(make_client):
    client = await make_client(new_session_rate_limit=RateLimit(2, 60))
    assert (await chat(client, message="a"))[0] == 200
    assert (await chat(client, message="b"))[0] == 200
    status, body = await chat(client, message="c")
    assert status == 429 and body["session"] is None
    assert_safety_lines(body)


# --- Rasa down, slow, broken, silent --------------------------------------------------------------


async def assert_fallback(client) -> None:
    status, body = await chat(client, message="hello")
    assert status == 200 and body["fallback"] is True
    assert "something went wrong" in body["messages"][0]["text"]
    assert_safety_lines(body)
    assert body["urgency"] == []


async def test_rasa_down_gives_the_static_safety_message(make_client):
    await assert_fallback(await make_client(rasa_url=closed_port_url()))


async def test_rasa_slow_gives_the_safety_message_within_the_timeout(make_client, fake_rasa):
    fake_rasa.delay_s = 2.0
    client = await make_client(rasa_timeout_s=0.3)
    started = time.monotonic()
    await assert_fallback(client)
    assert time.monotonic() - started < 1.5


async def test_rasa_error_or_empty_reply_gives_the_safety_message(client, fake_rasa):
    fake_rasa.status = 500
    await assert_fallback(client)
    fake_rasa.status = 200
    status, body = await chat(client, message="say nothing")
    assert body["fallback"] is True
    assert_safety_lines(body)


# --- urgency --------------------------------------------------------------------------------------


async def test_urgency_marker_is_passed_on_only_when_rasa_sends_it(client):
    _, body = await chat(client, message="hes outside my house, I'm in danger")
    assert body["urgency"] == ["emergency"]
    assert [(m["text"], m["buttons"]) for m in body["messages"]] == [(EMERGENCY_TEXT, [])]
    assert {"text": "999", "href": "tel:999"} in body["messages"][0]["segments"]
    _, body = await chat(client, session=body["session"], message="i want to die")
    assert body["urgency"] == ["crisis"] and body["messages"][0]["text"] == CRISIS_TEXT
    _, body = await chat(client, session=body["session"], message="thanks")
    assert body["urgency"] == []


# --- health ---------------------------------------------------------------------------------------


async def test_healthz_is_200_only_when_rasa_and_the_action_server_answer(client, fake_rasa, make_client):
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"rasa": True, "action_server": True, "rasa_workers": [True]}
    fake_rasa.action_server_up = False
    response = await client.get("/healthz")
    assert response.status == 503
    assert (await response.json())["action_server"] is False
    down = await make_client(rasa_url=closed_port_url())
    response = await down.get("/healthz")
    assert response.status == 503 and (await response.json())["rasa"] is False


# --- forgetting -----------------------------------------------------------------------------------


async def test_forget_resets_rasa_drops_the_session_and_calls_the_hook(make_client, fake_rasa):
    hooked: list[str] = []

    async def hook(sender_id: str) -> None:
        hooked.append(sender_id)

    client = await make_client(forget_hook=hook)
    _, body = await chat(client, message="something private")
    token = body["session"]
    [sender] = fake_rasa.senders()
    # sendBeacon posts text/plain
    response = await client.post(
        "/api/forget",
        data=json.dumps({"session": token}),
        headers={"Content-Type": "text/plain;charset=UTF-8"},
    )
    assert response.status == 200 and await response.json() == {"forgotten": True}
    assert fake_rasa.messages_from(sender) == ["something private", "/restart"]
    assert hooked == [sender]
    _, after = await chat(client, session=token, message="hello again")
    assert after["session"] != token  # the old token is gone
    assert fake_rasa.received[-1][0] != sender


async def test_forget_with_an_unknown_token_touches_nothing(client, fake_rasa):
    response = await client.post("/api/forget", json={"session": "never-issued"})
    assert response.status == 200
    assert fake_rasa.received == []


async def test_forget_says_so_when_rasa_could_not_be_reached(make_client, fake_rasa):
    client = await make_client()
    _, body = await chat(client, message="hi")
    fake_rasa.status = 500
    response = await client.post("/api/forget", json={"session": body["session"]})
    assert await response.json() == {"forgotten": False}


async def test_cross_site_posts_are_refused(client, fake_rasa):
    response = await client.post(
        "/api/chat", json={"message": "hi"}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert response.status == 403
    response = await client.post(
        "/api/forget", json={"session": "x"}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert response.status == 403
    assert fake_rasa.received == []


# --- logs -----------------------------------------------------------------------------------------


async def test_logs_hold_no_message_text_token_sender_or_address(make_client, fake_rasa, caplog):
    caplog.set_level(logging.DEBUG)
    client = await make_client()
    _, body = await chat(client, message="my secret words")
    fake_rasa.status = 500
    await chat(client, session=body["session"], message="more secret words")
    await client.post("/api/forget", json={"session": body["session"]})
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "Rasa answered HTTP 500" in logged  # the failure itself is logged...
    for leak in ["secret words", body["session"], *fake_rasa.senders(), "127.0.0.1"]:
        assert leak not in logged  # ...but nothing about who or what


# --- the chat without JavaScript: POST /chat and its one-time views -------------------------------


def hidden_session(page: str) -> str:
    return re.search(r'name="session" id="session" value="([^"]*)"', page).group(1)


async def post_form(client, **fields):
    """POST the form and follow its redirect to the one-time view, as a browser does."""
    response = await client.post("/chat", data=fields)
    return response.status, html.unescape(await response.text())


async def test_the_form_post_redirects_to_a_view_that_shows_once(client, fake_rasa):
    response = await client.post("/chat", data={"message": "oncemarker words"}, allow_redirects=False)
    assert response.status == 303
    address = response.headers["Location"]
    assert address.startswith("/chat/v/") and "oncemarker" not in address
    first = html.unescape(await (await client.get(address)).text())
    assert "I read: oncemarker words" in first and hidden_session(first)
    again = html.unescape(await (await client.get(address)).text())  # a reload, Back, a restored tab
    assert "oncemarker" not in again and hidden_session(again) == ""
    assert "doesn't show the chat again" in again


async def test_the_form_posts_and_gets_the_page_back_with_the_conversation(client, fake_rasa):
    status, page = await post_form(client, message="hello formmarker")
    assert status == 200 and "I read: hello formmarker" in page and "formmarker" in page
    token = hidden_session(page)
    assert len(token) >= 40
    status, page = await post_form(client, session=token, message="hes outside my house, danger")
    assert hidden_session(page) == token
    assert [s for s, _ in fake_rasa.received] == [fake_rasa.received[0][0]] * 2  # one conversation
    # the urgent turn: Call 999 inside the reply and the banner shown, drawn by the server
    assert 'class="msg msg-bot msg-urgent"><div class="controls"' in page
    assert '<a class="control control-emergency" href="tel:999">Call 999</a>' in page
    assert '<div id="banner-emergency" class="banner-emergency">' in page  # not hidden
    assert EMERGENCY_TEXT.split(".")[0] in page


async def test_form_buttons_are_buttons_and_only_offered_ones_count(client, fake_rasa):
    _, page = await post_form(client, message="choices please")
    assert '<button type="submit" form="chat-form" name="payload" class="choice" value="/inform_age' in page
    token = hidden_session(page)
    _, page = await post_form(client, session=token, payload='/inform_age{"age_band": "band_1"}')
    assert 'You said: </span><span class="msg-text">Option 1' in page
    _, page = await post_form(client, session=token, payload="/not_offered")
    assert "That button doesn't work any more" in page
    assert fake_rasa.received[-1][1] == '/inform_age{"age_band": "band_1"}'


async def test_the_forms_delete_forgets_and_shows_an_empty_chat(client, fake_rasa):
    _, page = await post_form(client, message="deleteformmarker")
    token = hidden_session(page)
    sender = fake_rasa.received[0][0]
    _, page = await post_form(client, session=token, delete="yes", message="")
    assert "This chat has been deleted." in page and "deleteformmarker" not in page
    assert hidden_session(page) == ""
    assert fake_rasa.messages_from(sender)[-1] == "/restart"


async def test_an_empty_or_too_long_form_message_is_not_sent(client, fake_rasa):
    _, page = await post_form(client, message="   ")
    assert "Type a message first." in page and fake_rasa.received == []
    long = "a" * 2001
    status, page = await post_form(client, message=long)
    assert status == 200 and "too long" in page and f">{long}</textarea>" in page  # given back
    assert fake_rasa.received == []


async def test_get_chat_goes_to_the_chat_page_and_cross_site_posts_are_refused(client, fake_rasa):
    response = await client.get("/chat", allow_redirects=False)
    assert response.status == 303 and response.headers["Location"] == "/"
    for path in ("/chat", "/services"):
        response = await client.post(path, data={"message": "hi"}, headers={"Sec-Fetch-Site": "cross-site"})
        assert response.status == 403
    assert fake_rasa.received == []


# --- the conversation kept for a reload: /api/transcript, and the bot's own delete ----------------


async def test_transcript_gives_the_conversation_back_only_for_a_live_session(client, fake_rasa):
    response = await client.post("/api/chat", json={"message": "hes outside my house danger"})
    token = (await response.json())["session"]
    body = await (await client.post("/api/transcript", json={"session": token})).json()
    assert body["session"] == token and body["urgency"] == ["emergency"]
    mine, bot = body["entries"]
    assert mine == {
        "who": "me",
        "text": "hes outside my house danger",
        "segments": [{"text": "hes outside my house danger"}],
        "buttons": [],
        "urgency": [],
    }
    assert bot["who"] == "bot" and bot["urgency"] == ["emergency"]
    assert {"text": "999", "href": "tel:999"} in bot["segments"]
    unknown = await (await client.post("/api/transcript", json={"session": "never-issued"})).json()
    assert unknown == {"session": None, "entries": [], "urgency": []}


async def test_reading_the_transcript_does_not_put_off_the_expiry(make_client, fake_rasa):
    client = await make_client(session_idle_s=0.6, sweep_interval_s=60)
    token = (await (await client.post("/api/chat", json={"message": "hi"})).json())["session"]
    for _ in range(4):  # 0.8 s of reading, more than the idle time
        await client.post("/api/transcript", json={"session": token})
        await asyncio.sleep(0.2)
    body = await (await client.post("/api/transcript", json={"session": token})).json()
    assert body["entries"] == [] and body["session"] is None


async def test_the_transcript_is_bounded(make_client, fake_rasa):
    client = await make_client(rate_limit=RateLimit(1000, 60.0))
    token = None
    for n in range(MAX_ENTRIES):
        body = await (await client.post("/api/chat", json={"session": token, "message": f"m{n}"})).json()
        token = body["session"]
    body = await (await client.post("/api/transcript", json={"session": token})).json()
    assert (
        len(body["entries"]) == MAX_ENTRIES and body["entries"][-1]["text"] == f"I read: m{MAX_ENTRIES - 1}"
    )


async def test_the_kept_transcript_holds_a_full_postcode_only_cut_to_its_first_half(client):
    response = await client.post("/api/chat", json={"message": "i live at E8 1AB near the park"})
    token = (await response.json())["session"]
    body = await (await client.post("/api/transcript", json={"session": token})).json()
    assert body["entries"][0]["text"] == "i live at E8 near the park"
    # everything kept but the random session token (which can hold "1AB" by chance: CI, 2026-11-30)
    assert "1AB" not in str({key: value for key, value in body.items() if key != "session"})


async def test_the_bots_own_delete_button_deletes(client, fake_rasa):
    body = await (await client.post("/api/chat", json={"message": "privacy please"})).json()
    token = body["session"]
    [sender] = set(fake_rasa.senders())
    response = await client.post("/api/chat", json={"session": token, "payload": "/request_forget"})
    body = await response.json()
    assert response.status == 200 and body["forgotten"] is True and body["session"] is None
    assert fake_rasa.messages_from(sender) == ["privacy please", "/restart"]  # not sent as a turn
    gone = await (await client.post("/api/transcript", json={"session": token})).json()
    assert gone["session"] is None


async def test_the_administrators_export_has_its_own_address(client):
    response = await client.get("/directory", allow_redirects=False)
    assert response.status == 301 and response.headers["Location"] == "/admin/directory"
    page = await (await client.get("/admin/directory")).text()
    assert "Childline" in page and page.count("<main") == 1


# --- the fuzz corpus (marked fuzz): a reply or a clear 4xx, never a 5xx ---------------------------


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


@pytest.mark.fuzz
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


@pytest.mark.fuzz
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


@pytest.mark.fuzz
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


@pytest.mark.fuzz
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


@pytest.mark.fuzz
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


@pytest.mark.fuzz
@pytest.mark.parametrize("path", ["/api/chat", "/api/forget"])
async def test_deeply_nested_json_under_the_size_limit_gets_a_4xx(client, path):
    response = await client.post(
        path, data=b"[" * 10_000 + b"]" * 2, headers={"Content-Type": "application/json"}
    )
    assert 400 <= response.status < 500


@pytest.mark.fuzz
async def test_chunked_oversized_body_gets_413_not_5xx(client):
    async def chunks():
        for _ in range(40):
            yield b"z" * 1024

    response = await client.post("/api/chat", data=chunks(), headers={"Content-Type": "application/json"})
    assert response.status == 413


@pytest.mark.fuzz
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
async def test_wrong_methods_on_the_api_are_4xx(client, method):
    response = await client.request(method, "/api/chat", data=b'{"message": "hi"}')
    assert 400 <= response.status < 500


@pytest.mark.fuzz
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
