"""Properties that must hold for any text a user might type."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.directory.bench import measure_lookups
from bot.directory.location import resolve_location

INWARD = st.from_regex(r"[0-9][A-Z]{2}", fullmatch=True)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_resolves_without_error(text):
    result = resolve_location(text)
    assert result.kind in {"borough", "ambiguous", "outside_london", "not_given", "unknown"}
    assert (result.borough is not None) == (result.kind in {"borough", "outside_london", "not_given"})


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["SE15", "N17", "E1", "EC1A", "M1", "CR0"]),
    INWARD,
    st.sampled_from(["", " "]),
    st.sampled_from(["", "my postcode is ", "i live at ", "im in "]),
)
def test_full_postcode_never_leaves_the_resolver(district, inward, space, prefix):
    result = resolve_location(f"{prefix}{district}{space}{inward}")
    assert result.kind != "unknown"
    assert inward not in repr(result).upper().replace(district, "")
    assert result.matched in (None, district)


def test_benchmark_helper_reports_percentiles():
    figures = measure_lookups(n=40)
    assert set(figures) >= {"p50_ms", "p95_ms"} and 0 < figures["p50_ms"] <= figures["p95_ms"]
