"""Held-out evaluation of the risk stage with the urgency classifier: what a NEW blind set's first
run is likely to show, measured before that set exists.

    .venv/bin/python -m bot.safety.holdout_eval                 # about a minute; results/holdout-eval.json
    .venv/bin/python -m bot.safety.holdout_eval --sets b6 --no-first-run-words

For each blind set Bk (k = 2..6) the classifier is trained on every example EXCEPT Bk's
(data/safety/urgency_examples/blind_bk.yml, and any other example whose normal form equals one of
Bk's lines) and tested on tests/safety/blind/bk/urgent.yml together with the word classes. Two
word-class versions are scored beside it:
- `first-run words`: the word classes as they stood at Bk's first run (FIRST_RUN_COMMITS, read
  from git and run in a subprocess), the honest pairing, since today's word classes were fixed
  on B2-B5 after their first runs and catch all of them;
- `current words`: today's word classes (in-sample for every set already fixed).
False alarms: the benign corpus (benign_b1.yml) is cut into five fixed fifths; each fifth is
held out of training in turn and scored (with today's word classes, which raise none on it).
The gold set is also held out once (gold_set.yml and its duplicates), for its benign, disclosure
and staff lines. Each set's look-alikes (`none`) are scored with the set held out.

The thresholds in data/safety/urgency_classifier.yml are chosen on these held-out figures; the
table printed is the trade-off curve (recall per set and pooled, false alarms) for a range of
thresholds. Uses the same classifier_windows and level order as bot/safety/risk.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Optional

import numpy as np
import yaml

from bot import REPO_ROOT
from bot.safety.metrics import level_satisfies
from bot.safety.normalise import normalise
from bot.safety.risk import (
    _RAISABLE,
    _more_urgent,
    _sentence_forms,
    assess_risk,
    classifier_level,
    classifier_windows,
    default_risk_data,
    idioms_blanked,
)
from bot.safety.urgency_classifier import CRISIS, EMERGENCY_OR_MEDICAL, load_settings, train
from bot.safety.urgency_examples import Examples, load_examples

BLIND = REPO_ROOT / "tests" / "safety" / "blind"
# the commit each set's first run was taken on (docs/safety/blind-runs.md)
FIRST_RUN_COMMITS = {"b2": "56dcf0f", "b3": "30517f4", "b4": "cdd97f7", "b5": "0a91bb9", "b6": "a2bdb76"}
BENIGN_SOURCE, GOLD_SOURCE, FOLDS, SEED = "benign_b1", "gold_set", 5, 0
GRID = (0.35, 0.45, 0.55, 0.65, 0.75, 0.85)
_OLD_STAGE = """
import json, sys
from bot.safety.risk import assess_risk
from bot.safety.language import is_not_english
out = []
for text in json.load(sys.stdin):
    level = assess_risk(text).level
    out.append(level if level or not is_not_english(text) else "check")
print(json.dumps(out))
"""


def word_level(text: str) -> dict:
    """Today's word classes (lexicon + parts + the language check), without the classifier:
    {"words": level, "parts": the parts that decide what an emergency_or_medical flag gives}."""
    assessment = assess_risk(text, use_classifier=False)
    level = "check" if assessment.level is None and assessment.other_language else assessment.level
    settings = default_risk_data().classifier.settings
    relevant = settings.medical_parts | settings.goodbye_parts | {"calm_medical"}
    return {"words": level, "parts": sorted(assessment.parts & relevant)}


def word_levels_at(commit: str, texts: list[str]) -> list[Optional[str]]:
    """The risk stage's levels as its code and data stood at `commit` (git archive, subprocess):
    one level or None per text. Raises OldStageError when that code cannot run here."""
    archive = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "archive", commit, "bot/__init__.py", "bot/safety", "data/safety"],
        check=True,
        capture_output=True,
    ).stdout
    with tempfile.TemporaryDirectory() as folder:
        tarfile.open(fileobj=BytesIO(archive)).extractall(folder)
        env = {**os.environ, "PYTHONPATH": folder}
        done = subprocess.run(
            [sys.executable, "-c", _OLD_STAGE],
            input=json.dumps(texts),
            text=True,
            capture_output=True,
            cwd=folder,
            env=env,
        )
    if done.returncode:
        # the old code may need a library this environment no longer installs (english_words,
        # dropped after B6's first run): say so, never fall back to today's words under its name
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise OldStageError(f"the word classes as at {commit} cannot run in this environment ({last})")
    return json.loads(done.stdout)


class OldStageError(RuntimeError):
    """The risk stage of an earlier commit could not be run here (holdout_eval --no-first-run-words
    skips it)."""


def classifier_scores(classifier, text: str) -> tuple[float, float]:
    """Highest emergency_or_medical and crisis probability over the windows risk.py reads; with
    not_danger.yml's idioms (or urgency_classifier.yml's subject_parts) in the message, the lower of
    that and the same once they are blanked (risk.classifier_flags: a label counts only if flagged
    both ways)."""
    normalised = normalise(text)
    sentences = _sentence_forms(text, normalised)
    em, cr = _highest(classifier, classifier_windows(sentences, normalised))
    data = default_risk_data()
    lexicon = data.lexicon
    # urgency_classifier.yml subject_parts found in the message are blanked too (B23)
    subject_parts = data.classifier.settings.subject_parts
    subjects = tuple(
        p.regex for p in data.rules.parts if p.name in subject_parts and p.regex.search(normalised)
    )
    blanked = idioms_blanked(normalised, lexicon, subjects)
    if blanked != normalised:
        forms = [idioms_blanked(s, lexicon, subjects) for s in sentences] if len(sentences) > 1 else [blanked]
        em_b, cr_b = _highest(classifier, classifier_windows([s for s in forms if s], blanked))
        em, cr = min(em, em_b), min(cr, cr_b)
    return em, cr


def _highest(classifier, windows: list[str]) -> tuple[float, float]:
    em = cr = 0.0
    for window in windows:
        p = classifier.probabilities(window)
        em, cr = max(em, p[EMERGENCY_OR_MEDICAL]), max(cr, p[CRISIS])
    return em, cr


def combined(words: Optional[str], parts, em: float, cr: float, t_em: float, t_cr: float) -> Optional[str]:
    """The level risk.py gives: the words' level, raised by the classifier's flags. `parts`: the
    words' parts (today's), which make an emergency_or_medical flag medical or check."""
    if words not in _RAISABLE:
        return words
    flags = {label for label, p, t in ((EMERGENCY_OR_MEDICAL, em, t_em), (CRISIS, cr, t_cr)) if p >= t}
    level = classifier_level(flags, set(parts), default_risk_data().classifier.settings)
    return level if _more_urgent(level, words) else words


def hit(expected: str, level: Optional[str], lang: str) -> bool:
    """Scored as tests/safety/test_blind_sets.py scores the risk stage."""
    if expected == "none":
        return level is None
    if lang != "en" and level == "check":
        return True
    return level_satisfies(expected, level)


def _train_without(examples: Examples, settings, sources: set[str], texts: list[str]):
    """Train on every example except the files `sources` and any whose normal form is one of `texts`."""
    forms = {normalise(text) for text in texts}
    return train(
        examples.keep(lambda text, _label, source: source not in sources and normalise(text) not in forms),
        settings,
    )


def collect(sets: list[str], first_run_words: bool) -> dict:
    """Scores for every held-out message: {group: [row]}, row = {text, expected, lang, words,
    first_run_words, em, cr}. Thresholds are applied afterwards (see `figures`)."""
    examples, settings = load_examples(), load_settings()
    rows: dict[str, list[dict]] = {}
    for name in sets:
        items = yaml.safe_load((BLIND / name / "urgent.yml").read_text(encoding="utf-8"))
        texts = [item["text"] for item in items]
        classifier = _train_without(examples, settings, {f"blind_{name}"}, texts)
        old = word_levels_at(FIRST_RUN_COMMITS[name], texts) if first_run_words else None
        rows[name] = [
            {
                "text": item["text"],
                "expected": item["level"],
                "lang": item.get("lang", "en"),
                **word_level(item["text"]),
                **({"first_run_words": old[i]} if old else {}),
                **dict(zip(("em", "cr"), classifier_scores(classifier, item["text"]))),
            }
            for i, item in enumerate(items)
        ]
    benign = [t for t, s in zip(examples.texts, examples.sources) if s == BENIGN_SOURCE]
    order = np.random.default_rng(SEED).permutation(len(benign))
    rows["benign"] = []
    for fold in range(FOLDS):
        held = [benign[i] for i in order[fold::FOLDS]]
        classifier = _train_without(examples, settings, set(), held)
        rows["benign"] += [
            {
                "text": t,
                "expected": "none",
                "lang": "en",
                **word_level(t),
                "fold": fold,
                **dict(zip(("em", "cr"), classifier_scores(classifier, t))),
            }
            for t in held
        ]
    gold = yaml.safe_load((REPO_ROOT / "tests" / "safety" / "gold.yml").read_text(encoding="utf-8"))
    gold_items = [
        (t, {"emergency": "emergency", "crisis": "crisis"}.get(c, "none"))
        for c, ts in gold.items()
        for t in ts
    ]
    classifier = _train_without(examples, settings, {GOLD_SOURCE}, [t for t, _ in gold_items])
    rows["gold"] = [
        {
            "text": t,
            "expected": c,
            "lang": "en",
            **word_level(t),
            **dict(zip(("em", "cr"), classifier_scores(classifier, t))),
        }
        for t, c in gold_items
    ]
    return rows


def figures(rows: dict, t_em: float, t_cr: float, words_key: str) -> dict:
    """{group: {"em": (k, n), "crisis": (k, n), "none_alarms": (k, n)}} at the given thresholds.
    Blind sets use `words_key` ("words" or "first_run_words"); benign and gold use today's words."""
    out = {}
    for group, items in rows.items():
        counts = {"em": [0, 0], "crisis": [0, 0], "none_alarms": [0, 0]}
        for r in items:
            level = combined(r.get(words_key, r["words"]), r["parts"], r["em"], r["cr"], t_em, t_cr)
            ok = hit(r["expected"], level, r["lang"])
            if r["expected"] == "none":
                if r["lang"] == "en":
                    counts["none_alarms"][0] += not ok
                    counts["none_alarms"][1] += 1
            else:
                bucket = "crisis" if r["expected"] == "crisis" else "em"
                counts[bucket][0] += ok
                counts[bucket][1] += 1
        out[group] = {k: tuple(v) for k, v in counts.items()}
    return out


def _ratio(k_n) -> str:
    k, n = k_n
    return f"{k}/{n}={k / n:.2f}" if n else "-"


def table(rows: dict, words_key: str, chosen: tuple[float, float], grid=GRID) -> list[str]:
    """The trade-off curve: the words alone, then each threshold moved in turn around `chosen`."""
    sets = [g for g in rows if g in FIRST_RUN_COMMITS]
    lines = [
        "thresholds (e+m, crisis) | held-out set: e+m recall, crisis recall, English look-alikes "
        "alarmed | pooled e+m, crisis | benign alarms (5 held-out fifths) | gold held out: "
        "e+m, crisis, others alarmed"
    ]
    points = [(None, None)] + [(t, chosen[1]) for t in grid] + [(chosen[0], t) for t in grid]
    for t_em, t_cr in points:
        f = figures(rows, 2.0, 2.0, words_key) if t_em is None else figures(rows, t_em, t_cr, words_key)
        label = (
            "words alone "
            if t_em is None
            else f"{t_em:.2f}, {t_cr:.2f}" + (" *" if (t_em, t_cr) == chosen else "  ")
        )
        pooled = {b: (sum(f[s][b][0] for s in sets), sum(f[s][b][1] for s in sets)) for b in ("em", "crisis")}
        per_set = "  ".join(
            f"{s} {_ratio(f[s]['em'])[-4:]} {_ratio(f[s]['crisis'])[-4:]} "
            f"{f[s]['none_alarms'][0]}/{f[s]['none_alarms'][1]}"
            for s in sets
        )
        lines.append(
            f"{label}| {per_set} | {_ratio(pooled['em'])} {_ratio(pooled['crisis'])} | "
            f"{_ratio(f['benign']['none_alarms'])} | {_ratio(f['gold']['em'])[-4:]} "
            f"{_ratio(f['gold']['crisis'])[-4:]} {_ratio(f['gold']['none_alarms'])}"
        )
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.safety.holdout_eval")
    parser.add_argument("--sets", nargs="*", default=list(FIRST_RUN_COMMITS))
    parser.add_argument(
        "--no-first-run-words",
        action="store_true",
        help="skip the word classes as at each first run (needs git history)",
    )
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "results" / "holdout-eval.json")
    args = parser.parse_args(argv)
    default_risk_data()  # today's word classes, loaded once
    try:
        rows = collect(args.sets, not args.no_first_run_words)
    except OldStageError as error:
        print(f"{error}; run with --no-first-run-words for today's word classes only", file=sys.stderr)
        return 2
    settings = load_settings()
    chosen = (settings.thresholds[EMERGENCY_OR_MEDICAL], settings.thresholds[CRISIS])
    keys = [("words", "today's word classes (fitted to B2-B5 after their first runs) + held-out classifier")]
    if not args.no_first_run_words:
        keys.insert(0, ("first_run_words", "word classes as at each set's first run + held-out classifier"))
    for words_key, title in keys:
        print(f"== {title}")
        print("\n".join(table(rows, words_key, chosen)))
    print(f"* chosen thresholds (data/safety/urgency_classifier.yml): {chosen}")
    words_key = keys[0][0]
    misses = [
        f"  [{g}] want {r['expected']}: {r['text'][:110]}"
        for g, items in rows.items()
        for r in items
        if g in FIRST_RUN_COMMITS
        and r["lang"] == "en"
        and not hit(
            r["expected"],
            combined(r.get(words_key, r["words"]), r["parts"], r["em"], r["cr"], *chosen),
            r["lang"],
        )
    ]
    print(f"English misses and look-alike alarms at the chosen thresholds ({keys[0][1]}): {len(misses)}")
    print("\n".join(misses))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps(
            {
                "measured_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "chosen": chosen,
                "rows": rows,
            },
            indent=1,
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
