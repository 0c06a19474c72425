"""The gateway over HTTP, against a fake Rasa on 127.0.0.1: sessions, limits, headers, fallback."""

from __future__ import annotations

import asyncio
import json
import logging
import time


from bot.channels.rate_limits import RateLimit
from tests.channels.fakes import CRISIS_TEXT, EMERGENCY_TEXT, GREETING, closed_port_url

EMERGENCY_NUMBER = "999"
CHILDLINE_NUMBER = "0800 1111"


def assert_safety_lines(body: dict) -> None:
    text = "\n".join(m["text"] for m in body["messages"])
    assert EMERGENCY_NUMBER in text and CHILDLINE_NUMBER in text, text


async def chat(client, **body):
    response = await client.post("/api/chat", json=body)
    return response.status, await response.json()


# --- sessions -------------------------------------------------------------------------------


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


# --- what is forwarded ------------------------------------------------------------------------


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


# --- limits -----------------------------------------------------------------------------------


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


# --- Rasa down, slow, broken, silent ---------------------------------------------------------


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


# --- urgency ----------------------------------------------------------------------------------


async def test_urgency_marker_is_passed_on_only_when_rasa_sends_it(client):
    _, body = await chat(client, message="hes outside my house, I'm in danger")
    assert body["urgency"] == ["emergency"]
    assert [(m["text"], m["buttons"]) for m in body["messages"]] == [(EMERGENCY_TEXT, [])]
    assert {"text": "999", "href": "tel:999"} in body["messages"][0]["segments"]
    _, body = await chat(client, session=body["session"], message="i want to die")
    assert body["urgency"] == ["crisis"] and body["messages"][0]["text"] == CRISIS_TEXT
    _, body = await chat(client, session=body["session"], message="thanks")
    assert body["urgency"] == []


# --- health -----------------------------------------------------------------------------------


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


# --- forgetting -------------------------------------------------------------------------------


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


async def test_idle_sessions_are_forgotten_in_rasa_too(make_client, fake_rasa):
    client = await make_client(session_idle_s=0.2, sweep_interval_s=0.1)
    _, body = await chat(client, message="hi")
    [sender] = fake_rasa.senders()
    for _ in range(50):  # up to 5 s
        if "/restart" in fake_rasa.messages_from(sender):
            break
        await asyncio.sleep(0.1)
    assert fake_rasa.messages_from(sender) == ["hi", "/restart"]
    _, after = await chat(client, session=body["session"], message="back")
    assert after["session"] != body["session"]


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


# --- logs ---------------------------------------------------------------------------------------


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


def test_typed_text_loses_a_full_postcode_before_rasa_sees_it():
    from bot.channels.typed_text import clean_typed_text

    assert clean_typed_text("/my postcode is E8 1AB help") == "my postcode is E8 help"
