"""A small fake of the Telegram Bot API on 127.0.0.1, enough for python-telegram-bot 22:
getMe, getUpdates (short long-poll), sendMessage, sendChatAction, answerCallbackQuery,
editMessageReplyMarkup, deleteWebhook, setWebhook. It records every call it answers.

Faults can be injected per method (the tests marked `faults`): `fail("sendMessage", Fault.error(500), times=2)`
makes the next two sendMessage calls fail; failed calls are recorded in `failed`, not `calls`."""

from __future__ import annotations

import asyncio
import json
import time
from dataclasses import dataclass
from typing import Any, Optional

from aiohttp import web

BOT_USER = {
    "id": 700000001,
    "is_bot": True,
    "first_name": "Test helper",
    "username": "test_helper_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
JSON_FIELDS = {"reply_markup", "allowed_updates", "link_preview_options", "reply_parameters"}
LONGEST_POLL_S = 0.5


@dataclass(frozen=True)
class Fault:
    """What the fake does instead of answering one call, shaped like Telegram's own errors."""

    kind: str  # "error" | "reset" | "hang" | "not_json"
    status: int = 500
    description: str = "Internal Server Error"
    retry_after: Optional[int] = None
    hang_s: float = 0.0
    delivered: bool = False  # "hang" only: the call takes effect, the answer is lost
    chat_id: Optional[int] = None  # only calls for this chat (None: any call)

    @classmethod
    def error(cls, status: int, description: str = "", **kw: Any) -> "Fault":
        return cls("error", status=status, description=description or f"Error {status}", **kw)

    @classmethod
    def flood(cls, retry_after: int, **kw: Any) -> "Fault":
        return cls(
            "error",
            status=429,
            description=f"Too Many Requests: retry after {retry_after}",
            retry_after=retry_after,
            **kw,
        )

    @classmethod
    def reset(cls, **kw: Any) -> "Fault":
        """The connection is dropped without an answer (as a reset or a crashed proxy)."""
        return cls("reset", **kw)

    @classmethod
    def hang(cls, seconds: float, delivered: bool = False, **kw: Any) -> "Fault":
        """No answer for `seconds` (longer than the client waits), then a 500 nobody reads."""
        return cls("hang", hang_s=seconds, delivered=delivered, **kw)

    @classmethod
    def not_json(cls, status: int = 200, **kw: Any) -> "Fault":
        return cls("not_json", status=status, **kw)

    def applies_to(self, params: dict[str, Any]) -> bool:
        return self.chat_id is None or str(params.get("chat_id")) == str(self.chat_id)


class FakeBotAPI:
    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.failed: list[tuple[str, dict[str, Any], Fault]] = []
        self._faults: list[list] = []  # [method, fault, times left (None: until recover())]
        self._updates: list[dict] = []
        self._next_update = 1
        self._next_message = 100

    # --- building updates ---------------------------------------------------------------------
    def _message(self, chat_id: int, chat_type: str = "private", **content: Any) -> dict:
        self._next_message += 1
        person = {
            "id": chat_id,
            "is_bot": False,
            "first_name": "Rosalind",
            "last_name": "Privateperson",
            "username": "rosalind_private",
        }
        chat = {
            "id": chat_id,
            "type": chat_type,
            **(
                {"first_name": "Rosalind", "username": "rosalind_private"}
                if chat_type == "private"
                else {"title": "A group"}
            ),
        }
        return {
            "message_id": self._next_message,
            "date": int(time.time()),
            "chat": chat,
            "from": person,
            **content,
        }

    def push(self, **update: Any) -> None:
        self._updates.append({"update_id": self._next_update, **update})
        self._next_update += 1

    def push_text(self, chat_id: int, text: str, chat_type: str = "private") -> None:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            command = text.split()[0]
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        self.push(message=self._message(chat_id, chat_type, **content))

    def push_edited_text(self, chat_id: int, text: str) -> None:
        """An edited message: Telegram sends the whole new text as `edited_message`."""
        message = self._message(chat_id, text=text)
        message["edit_date"] = message["date"]
        self.push(edited_message=message)

    def push_media(self, chat_id: int, kind: str, caption: str = "") -> None:
        file = {"file_id": "AgADBAAD-file", "file_unique_id": "AQADunique"}
        content = {
            "photo": {
                "photo": [{**file, "width": 90, "height": 90}],
                **({"caption": caption} if caption else {}),
            },
            "video": {
                "video": {**file, "width": 90, "height": 90, "duration": 3},
                **({"caption": caption} if caption else {}),
            },
            "voice": {"voice": {**file, "duration": 3}},
            "sticker": {
                "sticker": {
                    **file,
                    "type": "regular",
                    "width": 512,
                    "height": 512,
                    "is_animated": False,
                    "is_video": False,
                }
            },
            "location": {"location": {"latitude": 51.5072, "longitude": -0.1276}},
            "contact": {"contact": {"phone_number": "+447700900123", "first_name": "Someone"}},
        }[kind]
        self.push(message=self._message(chat_id, **content))

    def push_callback(self, chat_id: int, data: str, query_id: str = "cbq-1") -> None:
        self.push(
            callback_query={
                "id": query_id,
                "from": self._message(chat_id)["from"],
                "chat_instance": "ci-1",
                "data": data,
                "message": self._message(chat_id, text="(earlier message with buttons)"),
            }
        )

    # --- injecting faults -------------------------------------------------------------------------
    def fail(self, method: str, fault: Fault, times: Optional[int] = 1) -> None:
        """The next `times` calls of `method` that the fault applies to fail (None: every one,
        until recover()). Faults added first are used first."""
        self._faults.append([method, fault, times])

    def recover(self, method: Optional[str] = None) -> None:
        self._faults = [f for f in self._faults if method is not None and f[0] != method]

    def _take_fault(self, method: str, params: dict[str, Any]) -> Optional[Fault]:
        for entry in self._faults:
            name, fault, left = entry
            if name == method and fault.applies_to(params):
                if left is not None:
                    entry[2] = left - 1
                    if entry[2] <= 0:
                        self._faults.remove(entry)
                return fault
        return None

    def failures(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params, _ in self.failed if name == method]

    async def _fail(
        self, request: web.Request, method: str, params: dict[str, Any], fault: Fault
    ) -> web.StreamResponse:
        self.failed.append((method, params, fault))
        if fault.kind == "reset":
            request.transport.abort()
            return web.Response(status=500)  # never reaches the client
        if fault.kind == "hang":
            if fault.delivered:
                self.calls.append((method, params))
                await self._answer(method, params)
            await asyncio.sleep(fault.hang_s)
            return web.Response(status=500)
        if fault.kind == "not_json":
            return web.Response(
                status=fault.status, text="<html>Bad gateway</html>", content_type="text/html"
            )
        body: dict[str, Any] = {"ok": False, "error_code": fault.status, "description": fault.description}
        if fault.retry_after is not None:
            body["parameters"] = {"retry_after": fault.retry_after}
        return web.json_response(body, status=fault.status)

    # --- reading what the bridge did ------------------------------------------------------------
    def called(self, method: str) -> list[dict[str, Any]]:
        return [params for name, params in self.calls if name == method]

    def sent(self, chat_id: Optional[int] = None) -> list[dict[str, Any]]:
        return [p for p in self.called("sendMessage") if chat_id is None or int(p["chat_id"]) == chat_id]

    async def wait_for(self, condition, timeout_s: float = 5.0) -> bool:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if condition():
                return True
            await asyncio.sleep(0.02)
        return bool(condition())

    # --- the server -----------------------------------------------------------------------------
    def app(self) -> web.Application:
        async def handle(request: web.Request) -> web.Response:
            if request.match_info["token"] != self.token:
                return web.json_response(
                    {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
                )
            method = request.match_info["method"]
            if request.content_type == "application/json":
                params = await request.json()
            else:
                params = dict(await request.post())
            for key in JSON_FIELDS & params.keys():
                if isinstance(params[key], str):
                    params[key] = json.loads(params[key])
            fault = self._take_fault(method, params)
            if fault is not None:
                return await self._fail(request, method, params, fault)
            self.calls.append((method, params))
            result = await self._answer(method, params)
            if result is None:
                return web.json_response(
                    {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
                )
            return web.json_response({"ok": True, "result": result})

        app = web.Application()
        app.router.add_route("POST", "/bot{token}/{method}", handle)
        app.router.add_route("GET", "/bot{token}/{method}", handle)
        return app

    async def _answer(self, method: str, params: dict[str, Any]) -> Any:
        if method == "getMe":
            return BOT_USER
        if method in {"deleteWebhook", "setWebhook", "answerCallbackQuery", "sendChatAction"}:
            return True
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            wait = min(float(params.get("timeout") or 0), LONGEST_POLL_S)
            deadline = time.monotonic() + wait
            while True:
                pending = [u for u in self._updates if u["update_id"] >= offset]
                if pending or time.monotonic() >= deadline:
                    return pending
                await asyncio.sleep(0.02)
        if method in {"sendMessage", "editMessageReplyMarkup"}:
            self._next_message += 1
            message = {
                "message_id": self._next_message,
                "date": int(time.time()),
                "chat": {"id": int(params["chat_id"]) if "chat_id" in params else 1, "type": "private"},
                "from": BOT_USER,
                "text": params.get("text", ""),
            }
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            return message
        return None
