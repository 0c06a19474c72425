"""Score resolve_location on a blind list of place descriptions (tests/directory/blind_places.yml,
written by someone who never saw this code). `python -m bot.directory.place_eval [FILE]` prints
the figures; the first run's figures are recorded, dated, in docs/places-blind-set.md and never
re-scored.

Each item: text, expect (borough names), ask (true: the writer expects a choice), outside_london,
sure (false: the writer was unsure), kind. An outcome is one of:
- right:      ask false, one expected borough, resolved to it; or outside_london as expected; or a
              refusal / vague answer ("idk", "east london") given no borough (kind unknown, or
              not_given since the resolver tells a refusal apart; the reply then gives the
              national routes);
- asked:      ask true and the resolver offers a choice that includes an expected borough;
- one_of:     ask true, resolved straight to one of the expected boroughs (lenient pass);
- wrong:      resolved to a borough that is not expected, or called outside London when it is in
              London, or inside when outside (the worst outcome);
- asked_else: offered a choice when one borough was expected (or a choice without an expected one);
- missed:     not recognised at all (unknown) when a borough or outside_london was expected.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

from bot.directory.boroughs import london_boroughs
from bot.directory.location import resolve_location

DEFAULT_SET = Path(__file__).resolve().parents[2] / "tests" / "directory" / "blind_places.yml"
PASSING = ("right", "asked", "one_of")


def outcome(item: dict, resolve=resolve_location) -> tuple[str, object]:
    """(outcome, what the resolver said) for one blind item."""
    ids = {row["name"]: bid for bid, row in london_boroughs().items()}
    expected = {ids[name] for name in item["expect"]}
    got = resolve(item["text"])
    said = got.borough if got.kind in ("borough", "outside_london") else (got.options or got.kind)
    if item["outside_london"]:
        if got.kind == "outside_london":
            return "right", said
        return ("missed" if got.kind == "unknown" else "wrong"), said
    if not expected:  # refusal or too vague to place: no borough ("not_given" = no borough, on purpose)
        if got.kind in ("unknown", "not_given"):
            return "right", said
        return ("asked_else" if got.kind == "ambiguous" else "wrong"), said
    if got.kind == "borough":
        if got.borough in expected:
            return ("one_of" if item["ask"] and len(expected) > 1 else "right"), said
        return "wrong", said
    if got.kind == "outside_london":
        return "wrong", said
    if got.kind == "ambiguous":
        if item["ask"] and expected & set(got.options):
            return "asked", said
        return "asked_else", said
    return "missed", said


def score(items: list[dict], resolve=resolve_location) -> dict:
    """{"total", "outcomes": Counter, "by_kind": {kind: Counter}, "failures": [(item, outcome, said)]}"""
    outcomes: Counter = Counter()
    by_kind: dict[str, Counter] = defaultdict(Counter)
    failures = []
    for item in items:
        result, said = outcome(item, resolve)
        outcomes[result] += 1
        by_kind[item["kind"]][result] += 1
        if result not in PASSING:
            failures.append((item, result, said))
    return {"total": len(items), "outcomes": outcomes, "by_kind": dict(by_kind), "failures": failures}


def load(path: Path = DEFAULT_SET) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT_SET
    result = score(load(path))
    passed = sum(result["outcomes"][k] for k in PASSING)
    print(
        f"{path.name}: {passed}/{result['total']} pass "
        + ", ".join(
            f"{k} {result['outcomes'][k]}"
            for k in ("right", "asked", "one_of", "wrong", "asked_else", "missed")
        )
    )
    for kind, counts in sorted(result["by_kind"].items()):
        total = sum(counts.values())
        print(
            f"  {kind:<18} {sum(counts[k] for k in PASSING)}/{total}  "
            + ", ".join(f"{k} {n}" for k, n in counts.most_common())
        )
    refusals = [i for i in load(path) if i["kind"] == "refusal"]
    declined = sum(resolve_location(i["text"]).kind == "not_given" for i in refusals)
    print(f"  refusals answered with the routes that need no place (not_given): {declined}/{len(refusals)}")
    print("failures:")
    for item, result_kind, said in result["failures"]:
        print(
            f"  {result_kind:<10} {item['text']!r} expected {item['expect'] or ('outside London' if item['outside_london'] else 'nothing')}"
            f"{' (ask)' if item['ask'] else ''}{'' if item['sure'] else ' (writer unsure)'} -> {said}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
