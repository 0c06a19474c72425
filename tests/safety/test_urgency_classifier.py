"""The learned urgency classifier (bot/safety/urgency_classifier.py) and how the risk stage uses it
(bot/safety/risk.py): it only raises, it is reproducible, it is trained once per process, it reads
long messages sentence by sentence, and a broken edit to its examples is refused. Its held-out
figures are not measured here (bot/safety/holdout_eval.py, about a minute; docs/safety)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml
from scipy.sparse import hstack

from bot.safety import urgency_classifier
from bot.safety.evaluate import GOLD, MUST_CATCH, load_labelled, load_must_catch
from bot.safety.lexicon import DEFAULT_DIR, LexiconError
from bot.safety.normalise import normalise
from bot.safety.reloading import ReloadingLexicon
from bot.safety.risk import _RANK, assess_risk, default_risk_data, load_risk_data
from bot.safety.urgency_classifier import Settings, load_classifier, load_settings, train
from bot.safety.urgency_examples import EXAMPLES_DIR, LABELS, from_blind_set, load_examples

BLIND = Path(__file__).parent / "blind"


def _all_test_messages() -> list[str]:
    texts = [text for text, _ in load_labelled(GOLD)]
    texts += [item["text"] for item in load_must_catch(MUST_CATCH)[0]]
    for folder in sorted(p for p in BLIND.iterdir() if p.is_dir()):
        for name in ("urgent.yml", "benign.yml"):
            if (folder / name).exists():
                texts += [
                    item["text"] for item in yaml.safe_load((folder / name).read_text(encoding="utf-8"))
                ]
    return texts


def test_the_fast_scorer_gives_scikit_learns_probabilities():
    classifier = default_risk_data().classifier
    texts = [normalise(t) for t in _all_test_messages()[::7]] + ["", "zzqx", "a"]
    features = hstack([v.transform(texts) for v in classifier.vectorizers]).tocsr()
    expected = classifier.model.predict_proba(features)
    got = np.array([[classifier.probabilities(t)[label] for label in classifier.classes] for t in texts])
    assert np.abs(expected - got).max() < 1e-9


def test_training_is_reproducible():
    examples, settings = load_examples(), load_settings()
    first, second = train(examples, settings), train(examples, settings)
    assert first.vectorizers[1].vocabulary_ == second.vectorizers[1].vocabulary_
    assert np.array_equal(first.model.coef_, second.model.coef_)
    assert first.probabilities("he is outside") == second.probabilities("he is outside")


def test_it_is_trained_once_per_process_however_often_the_risk_data_is_loaded(tmp_path):
    first = load_risk_data(DEFAULT_DIR).classifier
    copy = tmp_path / "safety"
    shutil.copytree(DEFAULT_DIR, copy)  # the same files elsewhere: the same data, no new training
    assert load_risk_data(DEFAULT_DIR).classifier is first
    assert default_risk_data().classifier is first
    assert load_classifier(copy) is first
    assert urgency_classifier.trainings_in_process.count(first.key) == 1


def test_every_labelled_message_keeps_at_least_the_level_the_words_give():
    data = default_risk_data()
    for text in _all_test_messages():
        words = assess_risk(text, data, use_classifier=False).level
        both = assess_risk(text, data).level
        if words is not None:
            assert both is not None and _RANK[both] <= _RANK[words], text


class _Stub:
    """A classifier that flags `label` on every window containing `word`."""

    def __init__(self, flags: dict[str, str]) -> None:
        self.flags_for, self.windows = flags, []
        self.settings = replace(load_settings(), thresholds=dict.fromkeys(LABELS[:2], 0.5))

    def flags(self, window: str) -> tuple[str, ...]:
        self.windows.append(window)
        return tuple(label for word, label in self.flags_for.items() if word in window.split())


def _with(stub):
    return replace(default_risk_data(), classifier=stub)


def test_what_each_flag_gives_and_that_it_only_raises():
    data = _with(_Stub({"zebra": "emergency_or_medical", "okapi": "crisis"}))
    assert assess_risk("zebra crossing", data).level == "check"  # 999 first, danger question
    assert assess_risk("okapi crossing", data).level == "crisis"
    assert assess_risk("zebra after the pills i took", data).level == "medical"  # a medical cue
    assert assess_risk("zebra, my nose bleeds lol", data).level == "check"  # calm_medical: not medical
    assert assess_risk("okapi, hes outside with a knife", data).level == "emergency"  # never lower
    assert assess_risk("zebra i want to die", data).level == "crisis"  # check is below crisis
    assessment = assess_risk("zebra okapi", data)
    assert assessment.level == "crisis" and assessment.by_classifier
    assert set(assessment.reasons) == {"classifier.emergency_or_medical", "classifier.crisis"}


def test_the_classifier_is_not_asked_when_the_words_already_gave_medical_or_more():
    stub = _Stub({"zebra": "crisis"})
    assess_risk("zebra hes outside my house with a knife", _with(stub))
    assert stub.windows == []


def test_a_long_message_is_read_sentence_by_sentence_and_a_short_one_whole():
    stub = _Stub({"zebra": "crisis"})
    day = "so today was long and we went to westfield after school and looked at trainers for ages. " * 5
    assert assess_risk(day + "zebra. " + day, _with(stub)).level == "crisis"
    assert "zebra" in stub.windows
    stub.windows.clear()
    assess_risk("hi. how are you. zebra", _with(stub))
    assert stub.windows == ["hi how are you zebra"]


def test_an_edit_to_the_examples_retrains_and_a_broken_one_keeps_the_last_good(tmp_path):
    copy = tmp_path / "safety"
    shutil.copytree(DEFAULT_DIR, copy)
    data = ReloadingLexicon(copy, min_interval=0, loader=load_risk_data)
    first = data.current().classifier
    added = copy / EXAMPLES_DIR / "added.yml"
    added.write_text(
        added.read_text(encoding="utf-8") + "  - my gran is making roast dinner\n", encoding="utf-8"
    )
    good = data.current().classifier
    assert good is not first and good.key != first.key  # retrained on the edited examples
    added.write_text("examples:\n  urgent: [oops]\n", encoding="utf-8")
    assert data.current().classifier is good
    with pytest.raises(LexiconError, match="unknown label"):
        load_examples(copy)
    (copy / "urgency_classifier.yml").write_text("thresholds: {crisis: 2}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="thresholds"):
        load_settings(copy)


def test_the_medical_parts_must_be_parts(tmp_path):
    copy = tmp_path / "safety"
    shutil.copytree(DEFAULT_DIR, copy)
    settings = (copy / "urgency_classifier.yml").read_text(encoding="utf-8")
    (copy / "urgency_classifier.yml").write_text(
        settings.replace("medical_parts: [", "medical_parts: [no_such_part, "), encoding="utf-8"
    )
    with pytest.raises(LexiconError, match="no_such_part"):
        load_risk_data(copy)


# B1-B23 taught the classifier once gated; from B24 on a gated set teaches it nothing (each set's
# lines pulled own-words look-alikes over its thresholds: docs/safety/blind-runs.md "B24 after fixes")
LAST_SET_IN_EXAMPLES = 23


def test_each_gated_blind_set_up_to_b23_is_in_the_examples_and_no_other_set_is():
    examples_dir = DEFAULT_DIR / EXAMPLES_DIR
    sets = sorted(p.name for p in BLIND.iterdir() if p.is_dir())
    taught = sorted(name for name in sets if int(name.removeprefix("b")) <= LAST_SET_IN_EXAMPLES)
    assert len(sets) > len(taught)  # B24 on are gated too
    copies = sorted(p.stem.removeprefix("blind_") for p in examples_dir.glob("blind_*.yml"))
    assert copies == taught  # never a set before its tests (first run recorded), never one after B23
    for name in taught:
        kept = yaml.safe_load((examples_dir / f"blind_{name}.yml").read_text(encoding="utf-8"))["examples"]
        assert kept == from_blind_set(BLIND / name / "urgent.yml"), name


def test_settings_are_read_and_checked():
    settings = load_settings()
    assert isinstance(settings, Settings)
    assert set(settings.thresholds) == {"emergency_or_medical", "crisis"}
    assert all(0 < t < 1 for t in settings.thresholds.values())


@pytest.mark.parametrize(
    "text",
    [
        # look-alike families in our own words, not in the examples: the words and the classifier
        # together must stay quiet on them
        "the delivery driver knocked twice, it was only my parcel from asos",
        "my cousins had a nerf war in the garden and i got shot loads",
        "waiting outside school for my mum, she's stuck in traffic",
        "i could actually die for a mcflurry right now",
        "we're crossing hammersmith bridge on the coach for the trip",
        "my little sister keeps following me round the house asking for sweets",
        "took a lemsip for my cold, feeling a bit dozy",
        "the overground is delayed again, gonna be late for school",
        "that film was so sad i cried my eyes out",
        "my team got absolutely battered on saturday",
    ],
)
def test_lookalike_families_stay_quiet(text):
    assert assess_risk(text).level is None
