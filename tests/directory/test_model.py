"""bot/directory/model.py: the Directory's lookups on the real directory (an unknown id, the
listings serving a borough)."""

import pytest


def test_unknown_id_is_a_key_error(directory):
    with pytest.raises(KeyError):
        directory.get("no_such_service")


def test_lambeth_gaia_centre_is_local(directory):
    gaia = directory.get("lambeth_gaia_centre")
    assert gaia.areas == ("lambeth",) and gaia.phone == "020 7733 8724"
    assert gaia in directory.serving("lambeth") and gaia not in directory.serving("hackney")
