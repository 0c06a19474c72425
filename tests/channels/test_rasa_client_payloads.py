"""Intent syntax reaches Rasa only as one of the domain's buttons (issue 16): typed text is never
read as `/intent{...}`, and a payload that is no button of the domain is not sent at all, even
when Rasa itself offered it."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestServer

from bot.channels.errors import PayloadRefused
from bot.channels.rasa_client import RasaClient, new_http_session
from bot.channels.typed_text import clean_typed_text
from tests.channels.fakes import FakeRasa

SMUGGLED = '/inform_location{"borough": "hackney"} he hurt me last night'


@pytest.mark.parametrize("typed", ["/ /inform_location{}", " / / /restart", "\n/\t/greet", "//x"])
def test_typed_text_loses_every_leading_slash_and_blank(typed):
    assert not clean_typed_text(typed).startswith("/")


@pytest.fixture
async def rasa():
    fake = FakeRasa()
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    url = str(server.make_url("")).rstrip("/")
    async with new_http_session() as http:
        client = RasaClient(http, url, url, 3.0)
        try:
            yield fake, client
        finally:
            client.close()
            await server.close()


@pytest.mark.parametrize(
    "payload",
    [
        SMUGGLED,
        '/inform_location{"borough": "he hurt me"}',  # text inside an entity value
        '/inform_location{"location_text": "hackney"}',  # not a domain entity
        "/i_want_to_die",  # not a domain intent
        "/greet and more words",
        "  /say_not_now{}{}",
    ],
)
async def test_a_payload_that_is_no_button_of_the_domain_is_not_sent(rasa, payload):
    fake, client = rasa
    with pytest.raises(PayloadRefused):
        await client.send("sender-1", payload)
    assert fake.received == []


@pytest.mark.parametrize(
    "payload",
    [
        "/greet",
        "/restart",
        "/say_not_now",
        "/ask_local_support",
        '/inform_location{"borough": "hackney"}',
        '/inform_age{"age_band": "13_15"}',
    ],
)
async def test_the_domains_buttons_and_the_channels_own_payloads_are_sent(rasa, payload):
    fake, client = rasa
    await client.send_raw("sender-1", payload)
    assert fake.received == [("sender-1", payload)]


async def test_typed_intent_syntax_reaches_rasa_as_words(rasa):
    fake, client = rasa
    await client.send("sender-1", clean_typed_text(SMUGGLED))
    [(_, sent)] = fake.received
    assert not sent.startswith("/") and "he hurt me last night" in sent
