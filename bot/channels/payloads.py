"""Which messages may reach Rasa in intent syntax (`/intent` or `/intent{"entity": "value"}`).

Rasa reads a message that starts with "/" as an intent with entities and skips the NLU pipeline,
the safety net included, and warns with the whole message when it cannot parse it. So intent
syntax is only ever a button's payload, and a payload is accepted only when it is

  - one of the domain's own buttons (domain.yml, responses -> buttons -> payload), or
  - one the channels themselves send: /greet (a chat's first turn), /restart (forget), or
  - what the assistant's code offers as buttons (bot.conversation: borough choices, follow-ups):
    a domain intent alone, or with a JSON object of domain entities whose values are ids
    (lower-case letters, digits and _; at most 40), with nothing before or after.

Typed text never reaches Rasa in this syntax (bot.channels.typed_text). The check
runs in the channels before anything is sent (bot.channels.rasa_client) and again in Rasa's REST
input (bot.rasa_plugins.rest_input), so a request sent straight to Rasa's port is held to it too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from bot import REPO_ROOT

INTENT_PREFIX = "/"
CHANNEL_PAYLOADS = frozenset({"/greet", "/restart"})
_STRUCTURED = re.compile(r"/([a-z][a-z0-9_]{0,60})(\{.{0,400}\})?", re.DOTALL)
_ID_VALUE = re.compile(r"[a-z0-9_]{1,40}")


def looks_like_intent_syntax(message: str) -> bool:
    """True when Rasa would read `message` as `/intent{...}` (leading whitespace included)."""
    return message.lstrip().startswith(INTENT_PREFIX)


def _buttons(node: Any) -> Iterable[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "buttons" and isinstance(value, list):
                yield from (
                    b["payload"] for b in value if isinstance(b, dict) and isinstance(b.get("payload"), str)
                )
            else:
                yield from _buttons(value)
    elif isinstance(node, list):
        for item in node:
            yield from _buttons(item)


@dataclass(frozen=True)
class AllowedPayloads:
    """The payloads that may reach Rasa, from one domain (see the module's docstring)."""

    exact: frozenset[str]
    intents: frozenset[str]
    entities: frozenset[str]

    @classmethod
    def from_domain(cls, domain: dict) -> "AllowedPayloads":
        exact = frozenset(_buttons(domain.get("responses") or {})) | CHANNEL_PAYLOADS
        intents = frozenset(i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents") or ())
        entities = frozenset(e if isinstance(e, str) else next(iter(e)) for e in domain.get("entities") or ())
        return cls(exact, intents, entities)

    def accepts(self, payload: str) -> bool:
        """Whether `payload` may be sent to Rasa as it is. Pure; never raises."""
        if payload in self.exact:
            return True
        match = _STRUCTURED.fullmatch(payload)
        if not match or match.group(1) not in self.intents:
            return False
        if match.group(2) is None:
            return True
        try:
            entities = json.loads(match.group(2))
        except ValueError:
            return False
        return (
            isinstance(entities, dict)
            and bool(entities)
            and all(
                key in self.entities and isinstance(value, str) and _ID_VALUE.fullmatch(value)
                for key, value in entities.items()
            )
        )


@lru_cache(maxsize=4)
def allowed_payloads(domain_path: Path = REPO_ROOT / "domain.yml") -> AllowedPayloads:
    """The repository's domain, read once. Raises OSError / yaml.YAMLError if it is unreadable."""
    with open(domain_path, encoding="utf-8") as handle:
        return AllowedPayloads.from_domain(yaml.safe_load(handle) or {})
