"""Validate the action server's replies against a schema checked once, not on every call.

Rasa 3.6 calls `jsonschema.validate(result, spec)` for every custom-action reply, and that
checks the (constant) schema against its meta-schema each time: 17-27 ms of CPU per call, ~15%
of Rasa's CPU per message under load (`make bench` with py-spy). Building the validator once
costs 0.3 ms per call and reports the same error with the same advice appended.

Installed by bot.rasa_patches.install_all (never by itself); written for Rasa 3.6.
"""

from __future__ import annotations

from typing import Any, Dict, Text

from jsonschema import ValidationError
from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL

from bot.rasa_patches import check_rasa_version

WRITTEN_FOR = "3.6."

ADVICE = (
    ". Failed to validate Action server response from API, make sure your response from "
    f"the Action endpoint is valid. For more information about the format visit "
    f"{DOCS_BASE_URL}/custom-actions"
)


def is_installed() -> bool:
    return getattr(RemoteAction._validate_action_result, "schema_checked_once", False)


def install() -> None:
    check_rasa_version(__name__, WRITTEN_FOR)
    if is_installed():
        return
    spec = RemoteAction.action_response_format_spec()
    validator_class = validator_for(spec)
    validator_class.check_schema(spec)  # once, as jsonschema.validate does every time
    validator = validator_class(spec)

    def validate_action_result(self: RemoteAction, result: Dict[Text, Any]) -> bool:
        error = best_match(validator.iter_errors(result))
        if error is None:
            return True
        error.message += ADVICE
        raise error

    validate_action_result.schema_checked_once = True  # type: ignore[attr-defined]
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]


__all__ = ["install", "is_installed", "ValidationError"]
