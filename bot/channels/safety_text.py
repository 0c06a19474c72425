"""The static safety wording both channels fall back on, built from the service directory.

No phone number is written here: every contact line comes from data/services/ through
`bot.directory` (the single source of numbers), so a changed number changes everywhere. The
lines are built once at start-up; a directory that cannot give them stops the gateway from
starting, the same way the custom NLG refuses to start (a broken install must not look healthy).
"""

from __future__ import annotations

from dataclasses import dataclass, field

EMERGENCY_ID = "emergency_999"
CHILDLINE_ID = "childline"
# Self-harm / suicide: talk now by phone, by text, or 999 when life is at risk.
CRISIS_IDS = ("childline", "samaritans", "shout", "emergency_999")


@dataclass(frozen=True)
class Control:
    """A large call / text / web control the page shows on an urgent turn (issue 14 item 3)."""

    label: str  # "Call 999", "Call Childline 0800 1111", "Text Shout 85258"
    href: str  # tel:999, sms:85258, https://...
    kind: str  # "emergency" (the red one) | "call" | "text" | "web"


@dataclass(frozen=True)
class SafetyText:
    emergency: str  # the 999 line
    childline: str
    crisis: tuple[str, ...]  # CRISIS_IDS in that order
    # the controls an emergency turn and a crisis turn show, built from the directory
    emergency_controls: tuple[Control, ...] = field(default=())
    crisis_controls: tuple[Control, ...] = field(default=())

    def _with_help(self, first: str) -> str:
        return (
            f"{first}\n"
            f"If you are in danger right now: {self.emergency}.\n"
            f"To talk to someone: {self.childline}."
        )

    @property
    def fallback(self) -> str:
        """Rasa or the action server is down, slow, or said nothing (hazard H08)."""
        return self._with_help(
            "Sorry, something went wrong and I can't reply right now. It's not your fault."
        )

    def too_long(self, max_chars: int) -> str:
        return self._with_help(
            f"That message is too long for me to read in one go (the limit is {max_chars:,} "
            "characters). Could you send it in shorter parts? I'd like to read all of it."
        )

    @property
    def rate_limited(self) -> str:
        return self._with_help(
            "You're sending messages faster than I can read them. Please wait a minute, then try again."
        )

    @property
    def too_large(self) -> str:
        return self._with_help("That was too much for me to read at once. Please send less.")

    @property
    def button_expired(self) -> str:
        return self._with_help(
            "That button doesn't work any more. You can type what you want to say instead."
        )

    @property
    def only_text(self) -> str:
        return self._with_help(
            "I can only read typed messages, so I haven't opened or kept what you sent. "
            "You can type what you want to say."
        )


def load_safety_text() -> SafetyText:
    """Contact lines from the service directory (raises if the directory cannot give them)."""
    # Imported here so that importing a channel stays cheap and a missing directory is reported
    # with a clear message at start-up rather than an ImportError at import time.
    from bot.directory import load_directory
    from bot.directory.render import contact_line

    directory = load_directory()

    def line(service_id: str) -> str:
        return contact_line(directory.get(service_id)).rstrip(".")

    emergency = directory.get(EMERGENCY_ID)
    call_999 = Control(f"Call {emergency.phone}", tel(emergency.phone), "emergency")
    crisis_controls = []  # talk now first (CRISIS_IDS order), 999 where CRISIS_IDS has it
    for service_id in CRISIS_IDS:
        service = directory.get(service_id)
        if service_id == EMERGENCY_ID:
            crisis_controls.append(call_999)
        elif service.phone:
            crisis_controls.append(
                Control(f"Call {service.name} {service.phone}", tel(service.phone), "call")
            )
        elif service.text:
            crisis_controls.append(
                Control(f"Text {service.name} {service.text}", f"sms:{digits(service.text)}", "text")
            )
        if service_id == CHILDLINE_ID and service.web:
            # Childline's 1-2-1 chat is on its website (needs a free account; directory note)
            crisis_controls.append(Control(f"{service.name} online", service.web, "web"))
    return SafetyText(
        emergency=line(EMERGENCY_ID),
        childline=line(CHILDLINE_ID),
        crisis=tuple(line(service_id) for service_id in CRISIS_IDS),
        emergency_controls=(call_999,),
        crisis_controls=tuple(crisis_controls),
    )


def digits(number: str) -> str:
    """'0800 1111' -> '08001111' (what a tel: or sms: address holds)."""
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def tel(number: str) -> str:
    return f"tel:{digits(number)}"
