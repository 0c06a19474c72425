"""`make shell`: talk to the running assistant (started with `make run`) in the terminal."""

from __future__ import annotations

import json
import secrets
import sys
import urllib.error
import urllib.request

from bot.serve.ports import HOST, Ports


def send(url: str, sender: str, text: str) -> list[dict]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def render(messages: list[dict]) -> list[str]:
    """Print a turn; return the button payloads so the user can answer with a number."""
    payloads = []
    for message in messages:
        urgency = (message.get("custom") or {}).get("urgency")
        if urgency:
            print(f"  [urgency: {urgency}]")
        if message.get("text"):
            print("Bot: " + message["text"].replace("\n", "\n     "))
        for button in message.get("buttons") or []:
            payloads.append(button["payload"])
            print(f"  {len(payloads)}) {button['title']}")
    return payloads


def main(argv: list[str]) -> int:
    url = f"http://{HOST}:{Ports.from_env().rasa}/webhooks/rest/webhook"
    sender = secrets.token_hex(16)  # random, so nothing links this chat to you
    print("Talking to the assistant. Type a message; a number picks a button; Ctrl-D to leave.")
    payloads: list[str] = []
    try:
        while True:
            try:
                text = input("You: ").strip()
            except EOFError:
                print()
                return 0
            if not text:
                continue
            if text.isdigit() and 0 < int(text) <= len(payloads):
                text = payloads[int(text) - 1]
            try:
                payloads = render(send(url, sender, text))
            except urllib.error.HTTPError as error:
                if error.code != 400:
                    raise
                # Rasa's REST input refuses intent syntax that is none of its buttons
                # (bot/rasa_plugins/rest_input.py)
                print(
                    "  (a message starting with / is read as a button; type words, or a "
                    "number to pick a button)"
                )
            except (urllib.error.URLError, ConnectionError):
                print(
                    "The assistant is not running. Start it with `make run` in another terminal.",
                    file=sys.stderr,
                )
                return 1
    except KeyboardInterrupt:
        print()
        return 0
