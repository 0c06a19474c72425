"""In Rasa, `bot.privacy.logging_policy.redact_event_dict` is the first structlog processor, so a
message-bearing field is redacted before any renderer (JSON or console) sees it, also at DEBUG.

rasa.__main__ imports rasa.utils.log_utils before it applies the logging config file and calls
`configure_structlog()` afterwards, which builds its processor list from the module's
`_anonymizer`; that is where this processor goes. It must therefore be installed before Rasa's
`main()` runs, which `python -m bot.rasa_plugins` does (bot.rasa_patches.install_all). Rasa's
plugin hook for the same purpose would also re-read every tracker after each message.

Installed by bot.rasa_patches.install_all (never by itself); written for Rasa 3.6.
"""

from __future__ import annotations

import rasa.utils.log_utils as log_utils

from bot.privacy.logging_policy import redact_event_dict
from bot.rasa_patches import check_rasa_version

WRITTEN_FOR = "3.6."


def is_installed() -> bool:
    return getattr(log_utils, "_anonymizer", None) is redact_event_dict


def install() -> None:
    check_rasa_version(__name__, WRITTEN_FOR)
    if not hasattr(log_utils, "_anonymizer"):
        raise RuntimeError(
            "rasa.utils.log_utils has no _anonymizer: read "
            "bot/rasa_patches/structlog_redaction.py against this Rasa version"
        )
    log_utils._anonymizer = redact_event_dict
