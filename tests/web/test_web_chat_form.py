"""Issue 14 over HTTP (no browser): the chat without JavaScript (POST /chat drawn by the server),
the conversation kept by the server for a reload (/api/transcript), the bot's own "Delete this
chat" button, and the young people's services page."""

from __future__ import annotations

import asyncio
import html
import re

from bot.channels.rate_limits import RateLimit
from bot.channels.reply import BotMessage, Reply
from bot.web.transcript import MAX_CHARS, MAX_ENTRIES, Transcript
from tests.channels.fakes import EMERGENCY_TEXT


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


async def test_the_services_page_lists_services_for_a_topic_and_borough(client):
    page = await (await client.get("/services")).text()
    assert 'method="post" action="/services"' in page and 'name="topic"' in page
    page = await (
        await client.post("/services", data={"topic": "harassment", "borough": "hackney", "age": "13_15"})
    ).text()
    assert "Childline" in page and 'href="tel:08001111"' in page
    assert "(Hackney)" in page
    assert page.count('<article class="service">') <= 6
    odd = await (
        await client.post("/services", data={"topic": "<script>x</script>", "borough": "nowhere"})
    ).text()
    assert "<script>x" not in odd and 'class="results"' not in odd


async def test_the_administrators_export_has_its_own_address(client):
    response = await client.get("/directory", allow_redirects=False)
    assert response.status == 301 and response.headers["Location"] == "/admin/directory"
    page = await (await client.get("/admin/directory")).text()
    assert "Childline" in page and page.count("<main") == 1


async def test_the_kept_transcript_holds_a_full_postcode_only_cut_to_its_first_half(client):
    response = await client.post("/api/chat", json={"message": "i live at E8 1AB near the park"})
    token = (await response.json())["session"]
    body = await (await client.post("/api/transcript", json={"session": token})).json()
    assert body["entries"][0]["text"] == "i live at E8 near the park"
    assert "1AB" not in str(body)


def test_the_transcript_keeps_at_most_max_chars_of_text_newest_first():
    transcript = Transcript()
    for n in range(20):
        transcript.add_user(f"{n:02d}" + "x" * 1998)
        transcript.add_reply(Reply((BotMessage("ok"),)))
    assert sum(len(e.text) for e in transcript) <= MAX_CHARS
    assert [e.text for e in transcript][-1] == "ok" and [e.text for e in transcript][-2].startswith("19")


def test_one_time_views_are_single_use_expire_and_are_bounded(monkeypatch):
    from bot.web import one_time_views
    from bot.web.one_time_views import OneTimeViews, View

    now = [0.0]
    views = OneTimeViews(clock=lambda: now[0])
    code = views.put(View("token"))
    assert views.take(code) == View("token") and views.take(code) is None
    late = views.put(View("t2"))
    now[0] += one_time_views.TTL_S
    assert views.take(late) is None
    monkeypatch.setattr(one_time_views, "MAX_VIEWS", 3)
    for _ in range(10):
        views.put(View())
    assert len(views) == 3


async def test_the_server_drawn_page_never_parses_typed_text_as_html(client):
    response = await client.post("/chat", data={"message": "<img src=x onerror=alert(1)><b>bold</b>"})
    page = await response.text()
    assert "<img src=x" not in page and "<b>bold</b>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;&lt;b&gt;bold&lt;/b&gt;" in page
