"""The urgency classifier's examples: data/safety/urgency_examples/*.yml (admin-extendable).

Each file holds whole first messages under three labels:

    examples:
      emergency_or_medical: [...]   # danger now, or a medical emergency: 999 first
      crisis: [...]                 # self-harm or suicide, including indirect cues and means
      none: [...]                   # everything else: look-alikes, past disclosures, questions

    load_examples(directory) -> Examples(texts, labels, sources)   # source = the file's stem
    python -m bot.safety.urgency_examples import-blind-set tests/safety/blind/b7/urgent.yml b7

The import command writes urgency_examples/<name>.yml from a blind set's urgent.yml (English
lines only: another language is the language check's job) AFTER the set's first run is recorded.
It was used for B1-B23; from B24 on a gated set is not imported (its lines pulled own-words
look-alikes over the classifier's thresholds: docs/safety/blind-runs.md "B24 after fixes").
Mistakes are LexiconError naming the file, so a broken edit is refused like one to the word classes.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.safety.lexicon import DEFAULT_DIR, LexiconError, _read_yaml

EXAMPLES_DIR = "urgency_examples"
LABELS = ("emergency_or_medical", "crisis", "none")
# a blind set's (or gold set's) label -> the classifier's
LABEL_FOR_LEVEL = {
    "emergency": "emergency_or_medical",
    "medical": "emergency_or_medical",
    "crisis": "crisis",
    "none": "none",
    "disclosure": "none",
    "staff": "none",
    "benign": "none",
}


@dataclass(frozen=True)
class Examples:
    texts: tuple[str, ...]
    labels: tuple[str, ...]
    sources: tuple[str, ...]  # the stem of the file each example came from ("blind_b2")

    def keep(self, wanted) -> "Examples":
        """The examples for which wanted(text, label, source) is true (held-out runs leave some out)."""
        rows = [row for row in zip(self.texts, self.labels, self.sources) if wanted(*row)]
        return Examples(*(tuple(column) for column in zip(*rows))) if rows else Examples((), (), ())


def example_files(directory: Path | str = DEFAULT_DIR) -> list[Path]:
    return sorted((Path(directory) / EXAMPLES_DIR).glob("*.yml"))


def load_examples(directory: Path | str = DEFAULT_DIR) -> Examples:
    """Every example in `directory`/urgency_examples/*.yml, in file-name then file order (so
    training on them is reproducible). Raises LexiconError on a malformed file or when a label
    has no example at all."""
    texts, labels, sources = [], [], []
    files = example_files(directory)
    if not files:
        raise LexiconError(f"{Path(directory) / EXAMPLES_DIR}: no example files (*.yml)")
    for path in files:
        data = _read_yaml(path)
        examples = data.get("examples")
        if set(data) - {"examples"} or not isinstance(examples, dict):
            raise LexiconError(f"{path}: expected one top-level key `examples`, a mapping of label: [texts]")
        unknown = set(examples) - set(LABELS)
        if unknown:
            raise LexiconError(f"{path}: unknown label(s) {sorted(unknown)}; labels are {', '.join(LABELS)}")
        for label in LABELS:
            items = examples.get(label) or []
            if not isinstance(items, list) or not all(isinstance(t, str) and t.strip() for t in items):
                raise LexiconError(f"{path}: `{label}` must be a list of non-empty strings (quote them)")
            texts.extend(items)
            labels.extend([label] * len(items))
            sources.extend([path.stem] * len(items))
    missing = [label for label in LABELS if label not in labels]
    if missing:
        raise LexiconError(f"{Path(directory) / EXAMPLES_DIR}: no examples labelled {', '.join(missing)}")
    return Examples(tuple(texts), tuple(labels), tuple(sources))


def from_blind_set(urgent_yml: Path | str) -> dict[str, list[str]]:
    """A blind set's urgent.yml -> {label: [texts]} (English lines only)."""
    items = yaml.safe_load(Path(urgent_yml).read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {label: [] for label in LABELS}
    for item in items:
        if item.get("lang", "en") == "en":
            out[LABEL_FOR_LEVEL[item["level"]]].append(item["text"])
    return out


def write_examples(path: Path, examples: dict[str, list[str]], header: str) -> None:
    body = yaml.safe_dump({"examples": examples}, allow_unicode=True, sort_keys=False, width=1000)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.strip().splitlines())
    path.write_text(comment + "\n" + body, encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] != "import-blind-set":
        print(__doc__)
        return 2
    source, name = Path(argv[1]), argv[2]
    target = DEFAULT_DIR / EXAMPLES_DIR / f"blind_{name}.yml"
    write_examples(
        target,
        from_blind_set(source),
        f"Blind set {name.upper()} ({source}), English lines, "
        "added after its first run was recorded in docs/safety/blind-runs.md.",
    )
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
