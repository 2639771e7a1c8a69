"""The model artifact: both stages, their calibration, and what they were trained on.

One file (joblib, xz-compressed) holds a `Model`: the fast stage (TF-IDF and structure), the
semantic stage (a linear model over sentence-encoder features), the temperatures and blend
weight that calibrate them, the training data's fingerprint and the evaluation report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import joblib
import numpy as np

MODEL_PATH = Path(__file__).parent / "model" / "classifier.joblib"


class ModelError(RuntimeError):
    """A model file is missing, unreadable or of another format."""


@dataclass
class Model:
    """A trained, calibrated classifier; `classes` orders every score vector."""

    version: str
    classes: tuple[str, ...]
    fast: dict
    semantic: object | None
    temperature_fast: float = 1.0
    temperature_semantic: float = 1.0
    blend: float = 0.0  # weight of the semantic stage's calibrated scores, 0..1
    encoder: str = ""
    data: dict = field(default_factory=dict)
    params: dict = field(default_factory=dict)
    metrics: dict = field(default_factory=dict)
    created: str = ""

    def index(self, category: str) -> int:
        return self.classes.index(category)

    def calibrated(self, fast: np.ndarray, semantic: np.ndarray | None) -> np.ndarray:
        """Calibrated log-scores: the fast stage's alone, or blended with the semantic stage's."""
        fast = np.asarray(fast, dtype=np.float64) / self.temperature_fast
        if semantic is None or self.semantic is None:
            return fast
        semantic = np.asarray(semantic, dtype=np.float64) / self.temperature_semantic
        return self.blend * semantic + (1.0 - self.blend) * fast


def softmax(scores: np.ndarray) -> np.ndarray:
    """Probabilities from log-scores (last axis)."""
    shifted = scores - np.max(scores, axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


def save_model(model: Model, path: Path) -> None:
    """Write the artifact compressed, so the shipped file stays small."""
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(model, path, compress=("xz", 3))


def load_model(path: Path | str | None = None) -> Model | None:
    """The trained artifact (cached per path), or None when none has been trained yet."""
    return _load(Path(path) if path else MODEL_PATH)


@cache
def _load(path: Path) -> Model | None:
    """Read the artifact at `path` once per process."""
    if not path.exists():
        return None
    try:
        model = joblib.load(path)
    except Exception as exc:  # joblib raises many kinds for a damaged or foreign file
        raise ModelError(f"{path}: not a fraudwatch model ({exc})") from exc
    if not isinstance(model, Model):
        raise ModelError(f"{path}: a model of an older format; run `fraudwatch train`")
    return model
