"""Fitting the model on the corpus's training split and writing the versioned artifact."""

from __future__ import annotations

from pathlib import Path

from classifiers.corpus import CORPUS_DIR, corpus_sha256, load_split
from classifiers.evaluation import evaluate
from classifiers.model import MODEL_PATH, feature_matrix, new_model, save_model, structural_row
from classifiers.signs import category_strength, presence_hits

MODEL_VERSION = "1.0"
FRAUD_CATEGORIES = ("casino", "loan", "pyramid")


def _row(doc: dict) -> list[float]:
    """Structural features of one training document."""
    hits = presence_hits(doc["text"], doc.get("html", ""))
    strengths = {c: category_strength(hits, c) for c in FRAUD_CATEGORIES}
    return structural_row(doc.get("html", ""), strengths)


def train(corpus_dir: Path = CORPUS_DIR, out_path: Path = MODEL_PATH) -> dict:
    """Fit on the train split, evaluate on the held-out split, save; return the artifact."""
    docs = load_split("train", corpus_dir)
    model = new_model()
    features = feature_matrix(model, [d["text"] for d in docs], [_row(d) for d in docs], fit=True)
    model["clf"].fit(features, [d["label"] for d in docs])
    data_hash = corpus_sha256(corpus_dir)
    model["data_sha256"] = data_hash
    model["version"] = f"fraudwatch-clf-{MODEL_VERSION}+{data_hash[:8]}"
    model["metrics"] = evaluate(model, corpus_dir)
    save_model(model, Path(out_path))
    return model
