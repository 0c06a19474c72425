"""What the web gateway's tests share besides fixtures (tests/web/fixtures.py): a turn of the JSON
API and the check that an answer still shows 999 and Childline."""

from __future__ import annotations


EMERGENCY_NUMBER = "999"


CHILDLINE_NUMBER = "0800 1111"


def assert_safety_lines(body: dict) -> None:
    text = "\n".join(m["text"] for m in body["messages"])
    assert EMERGENCY_NUMBER in text and CHILDLINE_NUMBER in text, text


async def chat(client, **body):
    """One turn of the JSON API: (HTTP status, the JSON answer)."""
    response = await client.post("/api/chat", json=body)
    return response.status, await response.json()


async def chat_ok(client, **body) -> dict:
    """One turn that must succeed: the JSON answer (HTTP 200 asserted)."""
    status, answer = await chat(client, **body)
    assert status == 200, answer
    return answer
