"""actions/staff.py: action_give_staff_guidance (what school staff should do, and the LADO)."""

from __future__ import annotations

from actions.staff import ActionGiveStaffGuidance
from tests.actions.trackers import run, tracker


async def test_staff_without_a_borough_are_offered_to_choose_one_and_told_about_the_lado():
    text, buttons, _ = await run(ActionGiveStaffGuidance(), tracker("ask_staff_guidance"))
    assert "LADO" in text and "NSPCC" in text
    assert buttons[0]["payload"] == "/ask_local_support"
