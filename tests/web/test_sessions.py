"""bot/web/sessions.py: web sessions idle out and are evicted least recent first, and the
conversations they ended are handed over to be forgotten."""

from __future__ import annotations

from bot.channels.rate_limits import RateLimit
from bot.web.sessions import SessionStore


def test_sessions_idle_out_and_are_evicted_least_recent_first():
    now = [0.0]
    store = SessionStore(
        max_sessions=2,
        idle_s=10,
        rate_limit=RateLimit(5, 60),
        new_session_limit=RateLimit(100, 60),
        clock=lambda: now[0],
    )
    a, b = store.create(), store.create()
    now[0] = 5
    assert store.get(a.token) is a  # a is now the most recent
    c = store.create()  # evicts b
    assert store.get(b.token) is None and len(store) == 2
    assert store.take_ended() == [b.sender_id]
    now[0] = 9
    assert store.get(c.token) is c
    assert store.take_ended() == []
    now[0] = 16
    assert store.take_ended() == [a.sender_id] and store.get(c.token) is c
    assert store.get(a.token) is None
