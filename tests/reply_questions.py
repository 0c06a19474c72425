"""The questions a reply asks, for the checks on what the assistant may ask
(tests/test_domain_contracts.py: never "why", never probing; tests/test_plain_words.py: never
identifying details).

    questions_in(text) -> list[str]   every stretch of a sentence that ends in "?", stripped
"""

from __future__ import annotations

import re


def questions_in(text: str) -> list[str]:
    return [q.strip() for q in re.findall(r"[^.!?\n]*\?", text)]
