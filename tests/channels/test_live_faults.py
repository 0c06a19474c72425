"""The action server down, with the channels in front of the real trained Rasa (hazard H08).

Urgent turns are answered by Rasa's rules alone, so through the web gateway and the Telegram
bridge they still carry 999 (or Childline) and their urgency marker; a turn that needs a custom
action gets nothing from Rasa, and the channel sends the static safety reply instead of silence.
The web gateway runs in this process (create_app) and the bridge too (a fake Bot API on
127.0.0.1); Rasa and the action server are the real ones (tests/serve/live.py)."""

from __future__ import annotations

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.web.app import create_app
from bot.web.settings import Settings
from tests.telegram.helpers import plain
from tests.web.helpers import chat_ok
from tests.serve.live import LiveAssistant, started_assistant

pytestmark = [pytest.mark.needs_rasa, pytest.mark.faults, pytest.mark.live]

URGENT_NOW = "hes outside my house rn"
CRISIS = "i want to kill myself"
LOCAL_SUPPORT = "is there any support near me"
BOROUGH = "hackney"  # answered by the form's validation and action_show_local_support
RASA_TIMEOUT_S = 30.0  # a loaded machine must not turn a slow real answer into a fallback


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with started_assistant(tmp_path_factory, "faults-live") as live:
        yield live


@pytest.fixture
def actions_down(assistant):
    assistant.stop_actions()
    try:
        yield assistant
    finally:
        assistant.start_actions()


def settings_for(assistant: LiveAssistant, **extra) -> Settings:
    return Settings(
        rasa_url=f"http://127.0.0.1:{assistant.rasa_port}",
        action_server_url=f"http://127.0.0.1:{assistant.actions_port}",
        rasa_timeout_s=RASA_TIMEOUT_S,
        **extra,
    )


@pytest.fixture
async def gateway(assistant, safety_text):
    client = TestClient(
        TestServer(create_app(settings_for(assistant), safety_text=safety_text), host="127.0.0.1")
    )
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()


async def test_gateway_with_the_action_server_down_urgent_turns_still_get_999_and_childline(
    actions_down, gateway, directory
):
    health = await gateway.get("/healthz")
    assert health.status == 503 and await health.json() == {
        "rasa": True,
        "action_server": False,
        "rasa_workers": [True],
    }
    danger = await chat_ok(gateway, message=URGENT_NOW)
    assert danger["fallback"] is False and danger["urgency"] == ["emergency"]
    assert "999" in danger["messages"][0]["text"]
    crisis = await chat_ok(gateway, message=CRISIS)
    assert crisis["fallback"] is False and crisis["urgency"] == ["crisis"]
    assert directory.get("childline").phone in " ".join(m["text"] for m in crisis["messages"])


async def test_gateway_with_the_action_server_down_gives_the_safety_reply_not_silence(
    actions_down, gateway, assert_safety_reply
):
    asked = await chat_ok(gateway, message=LOCAL_SUPPORT)
    assert asked["fallback"] is False and "borough" in asked["messages"][0]["text"]
    answer = await chat_ok(gateway, session=asked["session"], message=BOROUGH)
    assert answer["fallback"] is True  # Rasa said nothing: the action it needed is unreachable
    [message] = answer["messages"]
    assert_safety_reply(message["text"])
    # urgency still interrupts the broken form
    danger = await chat_ok(gateway, session=asked["session"], message=URGENT_NOW)
    assert danger["urgency"] == ["emergency"] and "999" in danger["messages"][0]["text"]


async def test_telegram_with_the_action_server_down_urgent_is_bold_999_and_the_rest_the_safety_reply(
    actions_down, telegram_factory, assert_safety_reply
):
    telegram = await telegram_factory(
        f"http://127.0.0.1:{actions_down.rasa_port}", rasa_timeout_s=RASA_TIMEOUT_S
    )
    # the urgent turn is two messages (999, then "are you in danger right now?"): wait for both,
    # or the second would be read as the answer to the next turn
    [urgent, question, *_] = await telegram.say(URGENT_NOW, replies=2)
    assert urgent["text"].startswith("<b>") and "999" in urgent["text"]
    assert "danger" in plain(question)
    # anything but a clear "safe" keeps the emergency route (issue 12): answer it, then re-check
    await telegram.say("no im safe now hes gone")
    await telegram.say("yes im safe")
    [asked, *_] = await telegram.say(LOCAL_SUPPORT)
    assert "borough" in plain(asked)
    [sent] = await telegram.say(BOROUGH)
    assert_safety_reply(plain(sent))
    assert telegram.errors == []


async def test_gateway_after_the_action_server_is_back_the_borough_turn_gets_its_real_answer(
    assistant, gateway
):
    asked = await chat_ok(gateway, message=LOCAL_SUPPORT)
    answer = await chat_ok(gateway, session=asked["session"], message=BOROUGH)
    assert answer["fallback"] is False
    assert "Hackney" in " ".join(m["text"] for m in answer["messages"])
