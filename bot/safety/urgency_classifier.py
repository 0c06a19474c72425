"""The learned urgency classifier: a second reader beside the word classes, trained from examples.

    classifier = load_classifier(DEFAULT_DIR)          # trained once per process per data version
    classifier.flags("he is at the door and i am scared")   # -> ("emergency_or_medical",) or ()
    classifier.probabilities("...")                     # -> {"emergency_or_medical": p, "crisis": p, "none": p}

Inputs are NORMALISED text (bot.safety.normalise), one sentence or clause at a time; the risk
stage (bot/safety/risk.py) calls it per sentence and per pair of sentences and may only RAISE the
level the word classes gave. Features: TF-IDF of word 1-2-grams and of character 2-5-grams within
words (typos, text-speak); model: logistic regression (scikit-learn, liblinear, fixed seed), so
the same examples and settings always give the same weights. Examples: data/safety/
urgency_examples/*.yml (bot/safety/urgency_examples.py); thresholds: data/safety/
urgency_classifier.yml, chosen on held-out figures (bot/safety/holdout_eval.py).

Training takes about a second, so the classifier is trained when the risk data is loaded and kept
in a process-wide cache keyed on a hash of the examples, the settings and this module's version:
every loader in a process (SafetyNet's reloader, default_risk_data, the danger-answer reader)
gets the same object, and an admin edit trains it once more. Scoring does not go through
scikit-learn's per-call checks (about 1 ms a call): the fitted vocabularies, IDF weights and
coefficients are read once into a scorer that gives the same probabilities (a test holds it to
scikit-learn's predict_proba) in a few hundredths of a millisecond.
"""

from __future__ import annotations

import hashlib
import math
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import numpy as np

from bot.safety.lexicon import DEFAULT_DIR, LexiconError, _read_yaml
from bot.safety.normalise import normalise
from bot.safety.urgency_examples import LABELS, Examples, example_files, load_examples

SETTINGS_FILE = "urgency_classifier.yml"
# bump when the features or the model change, so a cached classifier is never reused across them
MODEL_VERSION = "1"
EMERGENCY_OR_MEDICAL, CRISIS, NONE = LABELS
WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
CHAR_MIN_DF = 2
SEED = 0


PART_LISTS = (
    "medical_parts",
    "silence_parts",
    "goodbye_parts",
    "when_parts",
    "how_asked_parts",
    "told_before_now_parts",
    "still_urgent_parts",
    "signs_denied_parts",
    "bump_parts",
    "subject_parts",
)  # settings naming parts


@dataclass(frozen=True)
class Settings:
    thresholds: dict  # label -> probability at or above which the label is flagged
    c: float  # inverse regularisation strength of the logistic regression
    medical_parts: frozenset = (
        frozenset()
    )  # word-class parts that make an emergency_or_medical flag `medical`
    # medical parts that are also how "cannot be reached" is said ("not answering"), and the parts
    # (a last thank-you) in whose company they mean only that: then they are no medical cue
    silence_parts: frozenset = frozenset()
    goodbye_parts: frozenset = frozenset()
    # parts that say when, not what ("right now", "tonight", "last week"): a `check` the classifier
    # alone gave, with no other part the urgent combinations look for, is a weak check
    # (bot.rasa_plugins.safety_net.weak_check)
    when_parts: frozenset = frozenset()
    # parts that say how something is asked or felt ("how many", "should i", "for a friend",
    # upset), not what: they do not back a crisis the classifier alone gave to an adult's message
    # (bot.rasa_plugins.trusted_adult_policy)
    how_asked_parts: frozenset = frozenset()
    # parts that tell abuse as a habit, a history or done before now ("most nights", "since i was
    # 11", "last week he ...", "after school he sat ... and put ..."), and the parts that still say
    # now or danger beside them: bot.safety.risk.told_as_habit_or_before_now (C15)
    told_before_now_parts: frozenset = frozenset()
    still_urgent_parts: frozenset = frozenset()
    # B21: a knock to the head (bump_parts) with the warning signs said to be absent
    # (signs_denied_parts: "not sick or drowsy", "playing normally") and no other medical cue
    signs_denied_parts: frozenset = frozenset()
    bump_parts: frozenset = frozenset()
    # B23: a school subject the classifier learned as a means ("the tallest bridge in london" for
    # geography): its words are taken out of what the classifier reads (bot.safety.risk)
    subject_parts: frozenset = frozenset()


def load_settings(directory: Path | str = DEFAULT_DIR) -> Settings:
    path = Path(directory) / SETTINGS_FILE
    data = _read_yaml(path)
    keys = {"thresholds", "regularisation_c", *PART_LISTS}
    if set(data) - keys:
        raise LexiconError(f"{path}: unknown key(s); expected {', '.join(sorted(keys))}")
    thresholds = data.get("thresholds")
    if not isinstance(thresholds, dict) or set(thresholds) != {EMERGENCY_OR_MEDICAL, CRISIS}:
        raise LexiconError(f"{path}: `thresholds` must give {EMERGENCY_OR_MEDICAL} and {CRISIS}")
    for label, value in thresholds.items():
        if not isinstance(value, (int, float)) or not 0 < value < 1:
            raise LexiconError(f"{path}: threshold for {label} must be a number between 0 and 1")
    c = data.get("regularisation_c", 1.0)
    if not isinstance(c, (int, float)) or c <= 0:
        raise LexiconError(f"{path}: regularisation_c must be a positive number")
    lists = {}
    for key in PART_LISTS:
        names = data.get(key) or []
        if not isinstance(names, list) or not all(isinstance(name, str) for name in names):
            raise LexiconError(f"{path}: {key} must be a list of part names (parts.yml)")
        lists[key] = frozenset(names)
    return Settings(thresholds={k: float(v) for k, v in thresholds.items()}, c=float(c), **lists)


class _Block:
    """One fitted TfidfVectorizer read out: its analyzer, vocabulary, IDF and coefficients."""

    def __init__(self, vectorizer, coef: np.ndarray) -> None:
        self.analyze = vectorizer.build_analyzer()
        self.vocabulary = vectorizer.vocabulary_
        self.idf = vectorizer.idf_
        self.coef = np.ascontiguousarray(coef.T)  # (features, classes)

    def score(self, text: str) -> Optional[np.ndarray]:
        counts = Counter(map(self.vocabulary.get, self.analyze(text)))
        counts.pop(None, None)  # n-grams the examples never had
        if not counts:
            return None
        index = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=float, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[index]
        return values @ self.coef[index] / math.sqrt(float(values @ values))


class UrgencyClassifier:
    def __init__(self, vectorizers: list, model, settings: Settings, key: str = "") -> None:
        self.settings, self.key, self.model, self.vectorizers = settings, key, model, vectorizers
        self.classes = tuple(model.classes_)
        sizes = [len(v.vocabulary_) for v in vectorizers]
        bounds = np.cumsum([0] + sizes)
        self._blocks = [_Block(v, model.coef_[:, a:b]) for v, a, b in zip(vectorizers, bounds, bounds[1:])]
        self._intercept = np.asarray(model.intercept_, dtype=float)
        self._index = {label: self.classes.index(label) for label in LABELS}

    def probabilities(self, normalised: str) -> dict[str, float]:
        """{label: probability} for one normalised sentence (one-vs-rest, normalised to sum 1,
        exactly as scikit-learn's liblinear LogisticRegression.predict_proba)."""
        z = self._intercept.copy()
        for block in self._blocks:
            part = block.score(normalised)
            if part is not None:
                z += part
        p = 1.0 / (1.0 + np.exp(-z))
        p /= p.sum()
        return {label: float(p[i]) for label, i in self._index.items()}

    def flags(self, normalised: str) -> tuple[str, ...]:
        """The urgent labels whose probability reaches its threshold (most urgent first)."""
        p = self.probabilities(normalised)
        return tuple(
            label for label in (EMERGENCY_OR_MEDICAL, CRISIS) if p[label] >= self.settings.thresholds[label]
        )


def train(examples: Examples, settings: Settings, key: str = "") -> UrgencyClassifier:
    """Fit the vectorizers and the model on `examples` (deterministic: fixed order and seed)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [normalise(text) for text in examples.texts]
    vectorizers = [
        TfidfVectorizer(
            ngram_range=WORD_NGRAMS,
            token_pattern=r"(?u)\b\w+\b",
            lowercase=False,
            sublinear_tf=True,
            dtype=np.float64,
        ),
        TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=CHAR_NGRAMS,
            min_df=CHAR_MIN_DF,
            lowercase=False,
            sublinear_tf=True,
            dtype=np.float64,
        ),
    ]
    features = hstack([v.fit_transform(texts) for v in vectorizers]).tocsr()
    model = LogisticRegression(
        C=settings.c, solver="liblinear", class_weight="balanced", random_state=SEED, max_iter=1000
    )
    model.fit(features, list(examples.labels))
    return UrgencyClassifier(vectorizers, model, settings, key)


def data_key(directory: Path | str = DEFAULT_DIR) -> str:
    """Hash of the examples, the settings file and MODEL_VERSION: what the trained weights depend on."""
    digest = hashlib.sha256(MODEL_VERSION.encode())
    for path in [*example_files(directory), Path(directory) / SETTINGS_FILE]:
        digest.update(path.name.encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"(missing)")
    return digest.hexdigest()


_lock = threading.Lock()
_trained: dict[str, UrgencyClassifier] = {}
_KEEP = 2  # the current classifier and the one before an edit


def load_classifier(directory: Path | str = DEFAULT_DIR) -> UrgencyClassifier:
    """The classifier for the examples and settings in `directory`, trained at most once per
    process for each version of them. Raises LexiconError on a broken file."""
    key = data_key(directory)
    with _lock:
        if key not in _trained:
            classifier = train(load_examples(directory), load_settings(directory), key)
            while len(_trained) >= _KEEP:
                _trained.pop(next(iter(_trained)))
            _trained[key] = classifier
            trainings_in_process.append(key)
        return _trained[key]


# keys trained in this process, in order (tests check the classifier is not trained twice)
trainings_in_process: list[str] = []
