"""The two channels in front of the trained assistant: the web gateway (`python -m bot.web`, as
`make run` starts it) and the Telegram bridge, run with the gateway environment's libraries
(tests/environments.py), against the real Rasa and action server started from .venv
(tests/serve/live.py)."""

from __future__ import annotations

import pytest

from tests.serve.live import started_assistant

pytestmark = [pytest.mark.needs_rasa, pytest.mark.live]


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    with started_assistant(tmp_path_factory) as assistant:
        yield assistant


def test_web_gateway_round_trip_with_the_real_rasa(bot, tmp_path):
    """`python -m bot.web` (as `make run` starts it) in front of the real Rasa and action server."""
    import json
    import urllib.request

    from bot.serve.ports import free_port
    from bot.serve.stack import Stack, channel_env, web_gateway

    port = free_port()
    gateway = web_gateway(
        port, channel_env([f"http://127.0.0.1:{bot.rasa_port}"], [f"http://127.0.0.1:{bot.actions_port}"])
    )
    with Stack([gateway], log_dir=tmp_path) as stack:
        stack.wait_ready()

        def chat(body: dict) -> dict:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/api/chat",
                data=json.dumps(body).encode(),
                headers={"Content-Type": "application/json"},
            )
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())

        hello = chat({"message": "hi"})
        assert "computer program" in hello["messages"][0]["text"] and hello["urgency"] == []
        button = hello["messages"][0]["buttons"][0][
            "payload"
        ]  # a domain button through Rasa's guarded REST input
        pressed = chat({"session": hello["session"], "payload": button})
        assert pressed["messages"] and pressed["fallback"] is False
        danger = chat({"session": hello["session"], "message": "hes outside my house rn"})
        assert danger["urgency"] == ["emergency"] and "999" in danger["messages"][0]["text"]
        assert danger["fallback"] is False
    logged = (tmp_path / "web-gateway.log").read_text()
    assert "outside my house" not in logged  # no message text in the gateway's log


async def test_telegram_round_trip_with_the_real_rasa(bot):
    """The real python-telegram-bot bridge, a fake Bot API on 127.0.0.1, the real Rasa."""

    from aiohttp.test_utils import TestServer

    from tests.telegram.fake_bot_api import FakeBotAPI

    from bot.telegram.bridge import TelegramBridge, build_application
    from bot.channels.safety_text import load_safety_text
    from bot.telegram.settings import Settings

    token = "123456:TEST-real-rasa"
    api = FakeBotAPI(token)
    server = TestServer(api.app(), host="127.0.0.1")
    await server.start_server()
    settings = Settings(
        rasa_url=f"http://127.0.0.1:{bot.rasa_port}",
        action_server_url=f"http://127.0.0.1:{bot.actions_port}",
        rasa_timeout_s=10.0,
        sender_id_secret=b"test-secret-for-the-round-trip",
        sender_id_secret_is_random=False,
        telegram_bot_token=token,
        telegram_api_base_url=str(server.make_url("")).rstrip("/"),
    )
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
        assert await api.wait_for(lambda: len(api.sent(chat_id)) >= 2, timeout_s=30)
        assert "computer program" in api.sent(chat_id)[0]["text"]
        assert "on its servers and on your phone" in api.sent(chat_id)[1]["text"]
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
