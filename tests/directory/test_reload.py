import logging
import os

import pytest

from bot.directory import DirectoryError
from bot.directory.reload import DirectoryCache


def touch_later(path, text):
    """Write and move the mtime forward, so the change is seen even within one clock tick."""
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_edit_takes_effect_without_restart(data_copy):
    cache = DirectoryCache(data_copy)
    first = cache.get()
    assert cache.get() is first  # unchanged files: same object, no reload
    path = data_copy / "national.yml"
    touch_later(path, path.read_text().replace('name: "Childline"', 'name: "Childline (NSPCC)"'))
    assert cache.get().get("childline").name == "Childline (NSPCC)"


def test_broken_edit_keeps_last_good_and_logs(data_copy, caplog):
    cache = DirectoryCache(data_copy)
    good = cache.get()
    path = data_copy / "boroughs" / "croydon.yml"
    touch_later(path, path.read_text().replace('phone: "020 8255 2888"', 'phone: "0208 726 640"'))
    with caplog.at_level(logging.ERROR, logger="bot.directory.reload"):
        assert cache.get() is good
    assert "croydon.yml line" in caplog.text and "not a UK phone number" in caplog.text
    assert cache.last_error is not None
    touch_later(path, path.read_text().replace('phone: "0208 726 640"', 'phone: "020 8255 2888"'))
    assert cache.get() is not good and cache.last_error is None


def test_bad_yaml_keeps_last_good(data_copy):
    cache = DirectoryCache(data_copy)
    good = cache.get()
    touch_later(data_copy / "national.yml", "services:\n  - id: [unclosed\n")
    assert cache.get() is good


def test_first_load_broken_raises(data_copy):
    (data_copy / "national.yml").write_text("services: nope\n")
    with pytest.raises(DirectoryError):
        DirectoryCache(data_copy).get()
