"""bot/web/one_time_views.py: the address a form post redirects to shows its page once, expires
and is bounded in number."""

from __future__ import annotations


def test_one_time_views_are_single_use_expire_and_are_bounded(monkeypatch):
    from bot.web import one_time_views
    from bot.web.one_time_views import OneTimeViews, View

    now = [0.0]
    views = OneTimeViews(clock=lambda: now[0])
    code = views.put(View("token"))
    assert views.take(code) == View("token") and views.take(code) is None
    late = views.put(View("t2"))
    now[0] += one_time_views.TTL_S
    assert views.take(late) is None
    monkeypatch.setattr(one_time_views, "MAX_VIEWS", 3)
    for _ in range(10):
        views.put(View())
    assert len(views) == 3
