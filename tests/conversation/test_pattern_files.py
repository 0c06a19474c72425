"""bot/conversation/pattern_files.py: what the conversation's pattern files share."""

import re
import time

import pytest

from bot.conversation.pattern_files import compile_patterns, followed, plain_quotes


def test_patterns_compile_case_insensitive():
    [pattern] = compile_patterns([r"\bmy bf\b"], "f: partner")
    assert pattern.flags & re.IGNORECASE and pattern.search("MY BF said")


@pytest.mark.parametrize("entries", [None, [], "my bf", [""], [3], ["("]])
def test_a_broken_entry_is_refused_naming_where(entries):
    with pytest.raises(ValueError, match="f: partner"):
        compile_patterns(entries, "f: partner")


def test_curly_apostrophes_are_made_straight():
    assert plain_quotes("he\u2019s \u2018here") == "he's 'here"
    assert plain_quotes(None) == ""


def test_an_edit_is_followed_and_a_broken_edit_keeps_the_last_good(tmp_path):
    path = tmp_path / "patterns.yml"
    path.write_text("one\n", encoding="utf-8")

    def load(p):
        text = p.read_text(encoding="utf-8").strip()
        if text == "broken":
            raise ValueError("broken")
        return text

    assert followed(path, load) == "one"
    path.write_text("two\n", encoding="utf-8")
    deadline = time.monotonic() + 5  # the file is checked at most once a second
    while followed(path, load) != "two" and time.monotonic() < deadline:
        time.sleep(0.2)
    assert followed(path, load) == "two"
    path.write_text("broken\n", encoding="utf-8")
    time.sleep(1.5)
    assert followed(path, load) == "two"
