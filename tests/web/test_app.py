"""bot/web/app.py: create_app's sweep forgets, in Rasa too, the conversations of web sessions
that idled out."""

from __future__ import annotations

import asyncio

from tests.web.helpers import chat


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
