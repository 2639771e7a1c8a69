"""Quality gate: held-out metrics of the shipped model stay above the pinned floors."""

import json
from pathlib import Path

from classifiers.corpus import heldout_sha256
from classifiers.evaluation import evaluate
from classifiers.model import load_model

BASELINE = json.loads((Path(__file__).parent / "quality_baseline.json").read_text())


def test_evaluation_data_is_the_pinned_one():
    assert heldout_sha256() == BASELINE["test_sha256"], "test split changed: re-pin the baseline"


def test_shipped_model_meets_floors():
    model = load_model()
    assert model is not None, "no shipped model: run `fraudwatch train`"
    metrics = evaluate(model)
    assert metrics["macro_f1"] >= BASELINE["macro_f1_min"], metrics
    assert metrics["illegal_precision"] >= BASELINE["illegal_precision_min"], metrics


def test_artifact_records_version_hash_and_metrics():
    model = load_model()
    assert model["version"].startswith("fraudwatch-clf-")
    assert len(model["data_sha256"]) == 64
    assert model["metrics"]["test_sha256"] == BASELINE["test_sha256"]
