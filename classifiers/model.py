"""The statistical model: TF-IDF word/char n-grams and structural features, linear classifier."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import joblib
import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from classifiers.features import html_vector, sign_vector, structural_matrix

MODEL_PATH = Path(__file__).parent / "model" / "classifier.joblib"
MODEL_TEXT_CHARS = 2000
STRUCTURAL_WEIGHT = 2.0


def new_model() -> dict:
    """Unfitted vectorisers and classifier."""
    return {
        "word": TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=20000, sublinear_tf=True,
                                token_pattern=r"(?u)\b\w+\b", dtype=np.float32),
        "char": TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), min_df=3,
                                max_features=30000, sublinear_tf=True, dtype=np.float32),
        "clf": LogisticRegression(C=8.0, max_iter=3000),
    }


def structural_row(html: str, strengths: dict[str, float]) -> list[float]:
    """HTML features and sign strengths of one page, as one feature row."""
    return [STRUCTURAL_WEIGHT * v for v in html_vector(html) + sign_vector(strengths)]


def feature_matrix(model: dict, texts: list[str], rows: list[list[float]], fit: bool = False):
    """Sparse feature matrix of pages; `fit` learns the vocabularies first."""
    clipped = [text[:MODEL_TEXT_CHARS] for text in texts]
    parts = []
    for name in ("word", "char"):
        vectoriser = model[name]
        parts.append(vectoriser.fit_transform(clipped) if fit else vectoriser.transform(clipped))
    parts.append(csr_matrix(structural_matrix(rows)))
    return hstack(parts, format="csr")


def probabilities(model: dict, text: str, html: str, strengths: dict[str, float]) -> dict:
    """Probability of each category for one page."""
    features = feature_matrix(model, [text], [structural_row(html, strengths)])
    probs = model["clf"].predict_proba(features)[0]
    return dict(zip(model["clf"].classes_, probs.tolist(), strict=True))


def save_model(model: dict, path: Path) -> None:
    """Write the artifact compressed, so the shipped file stays small."""
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path, compress=("xz", 3))


def load_model(path: Path | str | None = None) -> dict | None:
    """The trained artifact (cached per path), or None when none has been trained yet."""
    return _load(Path(path) if path else MODEL_PATH)


@cache
def _load(path: Path) -> dict | None:
    """Read the artifact at `path` once per process."""
    return joblib.load(path) if path.exists() else None
