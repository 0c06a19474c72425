"""The trained assistant end to end over Rasa's REST channel, as the issue's 'done when' says.

One Rasa and one action server are started for the whole module (~30 s); the tests that stop
the action server run last and start it again afterwards.
"""
from __future__ import annotations

import pytest

from tests.integration.live import LiveAssistant, new_sender, require_model, texts, urgency

pytestmark = pytest.mark.needs_rasa

URGENT_NOW = "he's outside my house right now"


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    require_model()
    assistant = LiveAssistant(tmp_path_factory.mktemp("live"), tmp_path_factory.mktemp("logs"))
    try:
        yield assistant.start()
    finally:
        assistant.close()


def test_hi_gets_the_anonymity_notice_and_options(bot):
    messages = bot.say(new_sender(), "hi")
    first = texts(messages)[0]
    assert "computer program" in first and "999" in first
    assert len(messages[0]["buttons"]) >= 4
    assert urgency(messages) == set()


def test_immediate_danger_gets_the_marker_and_999_in_the_first_message(bot):
    messages = bot.say(new_sender(), URGENT_NOW)
    assert "999" in messages[0]["text"]
    assert urgency(messages) == {"emergency"}


def test_i_was_raped_gets_belief_options_and_a_named_line_within_two_turns(bot):
    sender = new_sender()
    first_turn = bot.say(sender, "i was raped")
    first = " ".join(texts(first_turn))
    assert "believe you" in first and "not your fault" in first
    assert any(m.get("buttons") for m in first_turn)
    both = first + " ".join(texts(bot.say(sender, "what can i do")))
    assert "Childline" in both or "Havens" in both
    assert "0800 1111" in both or "020 3299 6900" in both


def test_urgency_in_the_middle_of_the_local_support_form_gets_999_first(bot):
    sender = new_sender()
    asked = " ".join(texts(bot.say(sender, "is there any support near me")))
    assert "borough" in asked
    messages = bot.say(sender, URGENT_NOW)
    assert "999" in messages[0]["text"] and urgency(messages) == {"emergency"}
    # the form is over: a borough now is just a borough
    assert "999" not in " ".join(texts(bot.say(sender, "thanks")))


def test_urgent_message_that_names_a_borough_still_interrupts_the_form(bot):
    sender = new_sender()
    bot.say(sender, "is there any support near me")
    messages = bot.say(sender, "im in hackney and hes outside my house rn")
    assert "999" in messages[0]["text"] and urgency(messages) == {"emergency"}


def test_a_borough_in_the_form_gets_that_boroughs_support(bot):
    sender = new_sender()
    bot.say(sender, "is there any support near me")
    reply = " ".join(texts(bot.say(sender, "tower hamlet")))
    assert "Tower Hamlets" in reply


def test_self_harm_gets_crisis_lines(bot):
    messages = bot.say(new_sender(), "i want to kill myself")
    text = " ".join(texts(messages))
    for number in ("0800 1111", "116 123", "85258", "999"):
        assert number in text
    assert urgency(messages) == {"crisis"}


def test_staff_get_dsl_guidance_and_a_front_door_within_two_turns(bot):
    sender = new_sender()
    first = " ".join(texts(bot.say(sender, "a pupil has just told me she was sexually assaulted")))
    assert "designated safeguarding lead" in first and "999" in first
    second = " ".join(texts(bot.say(sender, "southwark")))
    assert "Southwark" in second


# ---- the action server is down: urgent replies still come from Rasa alone -------------------

def test_with_the_action_server_down_urgent_messages_still_get_999_and_childline(bot):
    bot.stop_actions()
    try:
        danger = bot.say(new_sender(), URGENT_NOW)
        assert "999" in danger[0]["text"] and urgency(danger) == {"emergency"}
        crisis = bot.say(new_sender(), "i dont want to be alive anymore")
        assert "0800 1111" in " ".join(texts(crisis)) and urgency(crisis) == {"crisis"}
    finally:
        bot.start_actions()


def test_with_the_action_server_down_urgency_still_interrupts_the_form(bot):
    sender = new_sender()
    bot.say(sender, "is there any support near me")
    bot.stop_actions()
    try:
        messages = bot.say(sender, URGENT_NOW)
        assert "999" in messages[0]["text"] and urgency(messages) == {"emergency"}
    finally:
        bot.start_actions()


# ---- the channels against the real assistant ---------------------------------------------------

def test_web_gateway_round_trip_with_the_real_rasa(bot, tmp_path):
    """`python -m bot.web` (as `make run` starts it) in front of the real Rasa and action server."""
    import json
    import os
    import subprocess
    import sys
    import urllib.request

    from tests.integration.live import REPO, free_port, stop, wait_for

    port = free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port),
           "RASA_URL": f"http://127.0.0.1:{bot.rasa_port}",
           "ACTION_SERVER_URL": f"http://127.0.0.1:{bot.actions_port}"}
    log = open(tmp_path / "gateway.log", "wb")
    gateway = subprocess.Popen([sys.executable, "-m", "bot.web"], cwd=REPO, env=env, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", gateway, "gateway")

        def chat(body: dict) -> dict:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/chat",
                                             data=json.dumps(body).encode(),
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())

        hello = chat({"message": "hi"})
        assert "computer program" in hello["messages"][0]["text"] and hello["urgency"] == []
        danger = chat({"session": hello["session"], "message": "hes outside my house rn"})
        assert danger["urgency"] == ["emergency"] and "999" in danger["messages"][0]["text"]
        assert danger["fallback"] is False
    finally:
        stop(gateway)
    log.close()
    logged = (tmp_path / "gateway.log").read_text()
    assert "outside my house" not in logged  # no message text in the gateway's log


async def test_telegram_round_trip_with_the_real_rasa(bot):
    """The real python-telegram-bot bridge, a fake Bot API on 127.0.0.1, the real Rasa."""
    import sys

    from aiohttp.test_utils import TestServer

    sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "telegram"))
    from fake_bot_api import FakeBotAPI  # noqa: E402  (a test helper module, not a package)

    from bot.telegram.bridge import TelegramBridge, build_application
    from bot.web.safety_text import load_safety_text
    from bot.web.settings import Settings

    token = "123456:TEST-real-rasa"
    api = FakeBotAPI(token)
    server = TestServer(api.app(), host="127.0.0.1")
    await server.start_server()
    settings = Settings(rasa_url=f"http://127.0.0.1:{bot.rasa_port}",
                        action_server_url=f"http://127.0.0.1:{bot.actions_port}", rasa_timeout_s=10.0,
                        sender_id_secret=b"test-secret-for-the-round-trip", sender_id_secret_is_random=False,
                        telegram_bot_token=token,
                        telegram_api_base_url=str(server.make_url("")).rstrip("/"))
    safety_text = load_safety_text()
    bridge = TelegramBridge(settings, safety_text)
    application = build_application(settings, safety_text, bridge)
    await application.initialize()
    await bridge.start(application)
    await application.start()
    await application.updater.start_polling(poll_interval=0.05, timeout=0)
    try:
        chat_id = 424242
        api.push_text(chat_id, "/start")
        assert await api.wait_for(lambda: api.sent(chat_id), timeout_s=30)
        assert "computer program" in api.sent(chat_id)[0]["text"]
        before = len(api.sent(chat_id))
        api.push_text(chat_id, "hes outside my house rn")
        assert await api.wait_for(lambda: len(api.sent(chat_id)) > before, timeout_s=30)
        urgent = api.sent(chat_id)[before]
        assert "999" in urgent["text"] and urgent["text"].startswith("<b>")
    finally:
        await application.updater.stop()
        await application.stop()
        await bridge.stop(application)
        await application.shutdown()
        await server.close()
