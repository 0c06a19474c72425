"""bot/directory/boroughs.py: the 33 London authorities, each with a file and a block in the
directory."""

from bot.directory.boroughs import london_boroughs


def test_all_33_authorities_have_a_file_and_a_block(directory):
    assert len(london_boroughs()) == 33
    assert {b.id for b in directory.boroughs} == set(london_boroughs())
    codes = sorted(b.ons_code for b in directory.boroughs)
    assert codes == [f"E09{n:06d}" for n in range(1, 34)]
