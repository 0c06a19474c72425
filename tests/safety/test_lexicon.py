"""The lexicon loader refuses every kind of broken edit with a message naming file and rule."""

from pathlib import Path

import pytest

from bot.safety.lexicon import LexiconError, load_lexicon


def test_shipped_lexicon_loads():
    lexicon = load_lexicon()
    assert lexicon.emergency and lexicon.crisis and lexicon.masks
    ids = [rule.id for rule in lexicon.emergency + lexicon.crisis + lexicon.masks]
    assert len(ids) == len(set(ids))
    assert all(i.split(".")[0] in {"emergency", "crisis", "not_danger"} for i in ids)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text() + text)


@pytest.mark.parametrize(
    "addition, message",
    [
        ("  - id: bad\n    patterns: ['(unclosed']\n", "not a valid regex"),
        ("  - id: bad\n    patterns: ['.*']\n", "would fire on ordinary messages"),
        ("  - id: bad\n    patterns: ['{nosuchgroup} now']\n", "unknown group"),
        ("  - id: Bad Id\n    phrases: [x]\n", "must be lowercase"),
        ("  - id: weapon\n    phrases: [something]\n", "duplicate id"),
        ("  - id: bad\n    note: nothing to match\n", "at least one phrase or pattern"),
        ("  - id: bad\n    phrase: [typo key]\n", "unknown key"),
        ("  - id: bad\n    phrases: [42]\n", "list of non-empty strings"),
        ("  - id: bad\n    phrases: ['!!!']\n", "no words once normalised"),
        ("  - id: bad\n  phrases: [oops bad indent\n", "not valid YAML"),
    ],
)
def test_broken_edits_are_refused_with_a_clear_reason(lexicon_copy, addition, message):
    _append(lexicon_copy / "emergency.yml", addition)
    with pytest.raises(LexiconError, match=message) as error:
        load_lexicon(lexicon_copy)
    assert "emergency.yml" in str(error.value)


def test_wrong_level_and_missing_file(lexicon_copy):
    path = lexicon_copy / "crisis.yml"
    path.write_text(path.read_text().replace("level: crisis", "level: emergency"))
    with pytest.raises(LexiconError, match="`level` must be 'crisis'"):
        load_lexicon(lexicon_copy)
    path.unlink()
    with pytest.raises(LexiconError, match="crisis.yml: file is missing"):
        load_lexicon(lexicon_copy)


def test_phrases_are_normalised_like_messages(lexicon_copy):
    _append(
        lexicon_copy / "emergency.yml",
        '  - id: admin_phrase\n    note: test\n    phrases: ["he\'s in the shed w/ a hammer"]\n',
    )
    lexicon = load_lexicon(lexicon_copy)
    rule = next(r for r in lexicon.emergency if r.id == "emergency.admin_phrase")
    assert rule.regex.search("he is in the shed with a hammer")
