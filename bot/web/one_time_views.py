"""One-time views of the chat page for the form without JavaScript (POST, redirect, GET).

Chromium keeps the body of a POST in its session files (the "Continue where you left off" data
on disk) so that it can send the form again; measured with Debian's Chromium 156 on 2026-11-30:
`session=&message=<the words>` was in Default/Sessions/Session_* and Tabs_* after one POST. So
POST /chat never answers with the page: it stores what the page must show under a random,
single-use code and redirects (303) to GET /chat/v/<code>. The browser then keeps only that
address; once used, or after TTL_S, the code shows nothing, so a reload, Back or a restored tab
cannot show the conversation again from the address either.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Optional

TTL_S = 60.0  # a redirect is followed at once; a minute allows a very slow phone
MAX_VIEWS = 10_000  # bounded: the oldest are dropped first


@dataclass(frozen=True)
class View:
    """What the page drawn after one form POST shows (besides the session's transcript)."""

    session_token: str = ""  # "" when the chat was deleted or no session could be made
    status: str = ""  # the line under the text box ("This chat has been deleted.")
    shown_once: tuple[str, ...] = ()  # bot texts shown on this page only (refusals), not kept
    typed: str = ""  # words given back to edit (too long / too fast)


class OneTimeViews:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._views: "OrderedDict[str, tuple[float, View]]" = OrderedDict()
        self._clock = clock

    def put(self, view: View) -> str:
        """Keep `view`; returns the single-use code for its address."""
        now = self._clock()
        while self._views and (
            len(self._views) >= MAX_VIEWS or now - next(iter(self._views.values()))[0] >= TTL_S
        ):
            self._views.popitem(last=False)
        code = secrets.token_urlsafe(16)
        self._views[code] = (now, view)
        return code

    def take(self, code: str) -> Optional[View]:
        """The view for `code`, once; None if unknown, already used or older than TTL_S."""
        entry = self._views.pop(code, None)
        if entry is None or self._clock() - entry[0] >= TTL_S:
            return None
        return entry[1]

    def __len__(self) -> int:
        return len(self._views)
