"""Print the NLU cross-validation figures that `rasa test nlu --cross-validation` wrote."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def summary_lines(report: dict) -> list[str]:
    intents = {
        name: row
        for name, row in report.items()
        if isinstance(row, dict)
        and "f1-score" in row
        and name not in {"accuracy", "macro avg", "weighted avg", "micro avg"}
    }
    lines = []
    for name in ("weighted avg", "macro avg"):
        if name in report:
            row = report[name]
            lines.append(
                f"{name:<14} precision {row['precision']:.3f}  recall {row['recall']:.3f}"
                f"  f1 {row['f1-score']:.3f}"
            )
    if "accuracy" in report:
        lines.append(f"{'accuracy':<14} {report['accuracy']:.3f}")
    lines.append("weakest intents (f1, support, most often confused with):")
    for name, row in sorted(intents.items(), key=lambda item: item[1]["f1-score"])[:8]:
        confused = row.get("confused_with") or {}
        top = ", ".join(f"{k} x{v}" for k, v in list(confused.items())[:2]) or "-"
        lines.append(f"  {name:<32} {row['f1-score']:.3f}  n={row['support']:<4} {top}")
    return lines


def main(argv: list[str] | None = None) -> int:
    out_dir = Path((argv or sys.argv[1:] or ["results/nlu-cv"])[0])
    report_path = out_dir / "intent_report.json"
    if not report_path.exists():
        print(f"No report at {report_path}", file=sys.stderr)
        return 1
    print("NLU cross-validation (test folds):")
    print("\n".join(summary_lines(json.loads(report_path.read_text()))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
