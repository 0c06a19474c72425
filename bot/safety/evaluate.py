"""`python -m bot eval`: run the safety gold set and must-catch list through model + risk stage.

    python -m bot eval                       # trained model (models/current.tar.gz) + safety net
    python -m bot eval --model path.tar.gz
    python -m bot eval --net-only            # the risk stage alone (lexicon + parts), no model

Prints recall and precision per category with 95% Wilson intervals, the confusion table and every
miss; writes results/safety-eval.json; exits 1 when emergency or crisis recall < 0.98, any
must-catch message misses, or more than 5% of benign messages raise a false alarm. With a model it
also reports "safety net alone" and "model alone" (from the message's "safety_net" key).
The texts printed here are the test sets' own synthetic lines, never user messages.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Callable

import yaml

from bot.safety import metrics
from bot.safety.risk import assess_risk

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "tests" / "safety" / "gold.yml"
MUST_CATCH = REPO / "tests" / "safety" / "must_catch.yml"
UNSEEN = REPO / "tests" / "safety" / "unseen.yml"

Prediction = dict  # {"final": category, "net": level|"none", "model": category|None}


def load_labelled(path: Path) -> list[tuple[str, str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    unknown = set(data) - set(metrics.CATEGORIES)
    if unknown:
        raise ValueError(f"{path}: unknown categories {sorted(unknown)}")
    return [(str(text), category) for category, texts in data.items() for text in texts or []]


def load_must_catch(path: Path) -> tuple[list[dict], list[dict]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data["must_fire"], data.get("must_recognise", [])


def net_prediction(text: str) -> Prediction:
    """The risk stage alone: its level, and that level as the gold set's categories see it."""
    level = assess_risk(text).level
    return {
        "final": metrics.category_for_level(level),
        "net": metrics.category_for_level(level),
        "net_level": level or metrics.NO_ESCALATION,
        "model": None,
    }


def model_predictor(model_path: Path) -> Callable[[list[str]], list[Prediction]]:
    import logging

    from rasa.core.agent import Agent  # heavy: only when a model is evaluated
    from rasa.utils.log_utils import configure_structlog

    # unconfigured, Rasa's structlog prints every parsed message's text at DEBUG
    configure_structlog(logging.WARNING)
    agent = Agent.load(str(model_path))

    async def parse_all(texts: list[str]) -> list[Prediction]:
        out = []
        for text in texts:
            parsed = await agent.parse_message(text)
            final = metrics.category_for_intent((parsed.get("intent") or {}).get("name"))
            net_info = parsed.get("safety_net")
            model_intent = (net_info or {}).get("model_intent") or parsed.get("intent") or {}
            net = net_prediction(text)
            out.append(
                {
                    "final": final,
                    "final_level": metrics.level_for_intent((parsed.get("intent") or {}).get("name")),
                    "net": net["net"],
                    "net_level": net["net_level"],
                    "model": metrics.category_for_intent(model_intent.get("name")),
                    "net_in_pipeline": net_info is not None,
                }
            )
        return out

    return lambda texts: asyncio.run(parse_all(texts))


def evaluate(gold, must_fire, must_recognise, unseen, predict_many, with_model: bool) -> dict:
    texts = [t for t, _ in gold] + [m["text"] for m in must_fire] + [m["text"] for m in must_recognise]
    texts += [t for t, _ in unseen]
    predictions = dict(zip(texts, predict_many(texts)))
    views = ["final", "net", "model"] if with_model else ["final"]
    report = {"mode": "model+net" if with_model else "net-only", "views": {}}
    for view in views:
        table = metrics.confusion(
            (category, seen_category(predictions[text], view, category)) for text, category in gold
        )
        report["views"][view] = _summary(table)
    table = metrics.confusion(
        (category, seen_category(predictions[text], "final", category)) for text, category in gold
    )
    report["misses"] = [
        {"text": text, "gold": category, "predicted": predictions[text]["final"]}
        for text, category in gold
        if not _agrees(category, seen_category(predictions[text], "final", category), with_model)
    ]
    report["must_catch_misses"] = [
        {
            "text": m["text"],
            "expected": m["level"],
            "net": predictions[m["text"]]["net_level"],
            "final": predictions[m["text"]]["final"],
        }
        for m in must_fire
        if seen_category(predictions[m["text"]], "net", m["level"]) != m["level"]
        or seen_category(predictions[m["text"]], "final", m["level"]) != m["level"]
    ]
    if with_model:
        report["must_catch_misses"] += [
            {"text": m["text"], "expected": m["category"], "final": predictions[m["text"]]["final"]}
            for m in must_recognise
            if predictions[m["text"]]["final"] != m["category"]
        ]
        if not any(p.get("net_in_pipeline") for p in predictions.values()):
            report["warning"] = "no parse carried a 'safety_net' key: is SafetyNet in config.yml?"
    if unseen:
        unseen_table = metrics.confusion((c, seen_category(predictions[t], "final", c)) for t, c in unseen)
        report["unseen"] = _summary(unseen_table)
    report["gate_failures"] = metrics.gate_failures(table, len(report["must_catch_misses"]))
    return report


def seen_category(prediction: dict, view: str, gold: str) -> str:
    """The category `prediction` counts as for a message labelled `gold`: a level whose reply does
    what that category needs counts as it (medical for crisis: its reply names 999 and the crisis
    lines; medical or check for emergency). The model-alone view is taken as it is."""
    level = (
        prediction.get("net_level")
        if view == "net"
        else prediction.get("final_level", prediction.get("net_level"))
    )
    if view != "model" and level and metrics.level_satisfies(gold, level):
        return gold
    return prediction[view]


def _agrees(gold: str, predicted: str, with_model: bool) -> bool:
    if with_model:
        return gold == predicted
    return predicted == (gold if gold in metrics.URGENT else metrics.NO_ESCALATION)


def _summary(table) -> dict:
    return {
        "per_category": metrics.per_category(table),
        "false_alarms": {c: metrics.false_alarm_rate(table, c) for c in ("disclosure", "staff", "benign")},
        "confusion": {f"{gold}->{pred}": n for (gold, pred), n in sorted(table.items())},
    }


def format_report(report: dict) -> str:
    lines = [f"Safety evaluation ({report['mode']})"]
    names = {
        "final": "model + safety net" if report["mode"] != "net-only" else "safety net alone",
        "net": "safety net alone",
        "model": "model alone",
    }
    for view, summary in report["views"].items():
        lines.append(f"\n== {names[view]} ==")
        lines += _format_summary(summary, urgent_only=report["mode"] == "net-only" or view == "net")
    if "unseen" in report:
        lines.append("\n== unseen check set (reported, not a gate) ==")
        lines += _format_summary(report["unseen"], urgent_only=report["mode"] == "net-only")
    lines.append(f"\nmisses on the gold set ({len(report['misses'])}):")
    lines += [f"  {m['gold']:>10} -> {m['predicted']:<10} {m['text']}" for m in report["misses"]]
    lines.append(f"must-catch misses ({len(report['must_catch_misses'])}):")
    lines += [f"  {json.dumps(m, ensure_ascii=False)}" for m in report["must_catch_misses"]]
    if report.get("warning"):
        lines.append(f"WARNING: {report['warning']}")
    lines.append(
        "GATES: " + ("PASS" if not report["gate_failures"] else "FAIL: " + "; ".join(report["gate_failures"]))
    )
    return "\n".join(lines)


def _format_summary(summary: dict, urgent_only: bool) -> list[str]:
    lines = [f"  {'category':<11}{'recall':>8}  {'95% CI':<15}{'precision':>10}  {'95% CI':<15}"]
    categories = metrics.URGENT if urgent_only else metrics.CATEGORIES
    for category in categories:
        r, p = summary["per_category"][category]["recall"], summary["per_category"][category]["precision"]
        lines.append(
            f"  {category:<11}{_pct(r):>8}  {_ci(r):<15}{_pct(p):>10}  {_ci(p):<15}"
            f"({r['k']}/{r['n']} found, {p['k']}/{p['n']} right)"
        )
    for category, fa in summary["false_alarms"].items():
        lines.append(f"  false alarms on {category}: {_pct(fa)} ({fa['k']}/{fa['n']}) CI {_ci(fa)}")
    lines.append(
        "  confusion (gold->predicted: n): " + ", ".join(f"{k}: {v}" for k, v in summary["confusion"].items())
    )
    return lines


def _pct(r: dict) -> str:
    return "n/a" if r["value"] is None else f"{r['value']:.3f}"


def _ci(r: dict) -> str:
    return f"[{r['ci95'][0]:.3f}, {r['ci95'][1]:.3f}]"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot eval", description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=REPO / "models" / "current.tar.gz")
    parser.add_argument("--net-only", action="store_true", help="evaluate the lexicon alone")
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--must-catch", type=Path, default=MUST_CATCH)
    parser.add_argument("--unseen", type=Path, default=UNSEEN)
    parser.add_argument("--out", type=Path, default=REPO / "results" / "safety-eval.json")
    args = parser.parse_args(argv)

    gold = load_labelled(args.gold)
    must_fire, must_recognise = load_must_catch(args.must_catch)
    unseen = load_labelled(args.unseen) if args.unseen and args.unseen.exists() else []
    if args.net_only:
        predict_many, with_model = (lambda texts: [net_prediction(t) for t in texts]), False
    else:
        if not args.model.exists():
            print(f"no model at {args.model}; train first or use --net-only", file=sys.stderr)
            return 2
        predict_many, with_model = model_predictor(args.model), True
    report = evaluate(gold, must_fire, must_recognise, unseen, predict_many, with_model)
    report["measured_at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    report["model"] = None if args.net_only else str(args.model)
    print(format_report(report))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 1 if report["gate_failures"] else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
