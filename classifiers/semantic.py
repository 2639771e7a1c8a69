"""The semantic stage: what the page's passages say, read by two linear models.

1. A passage model scores every passage of a page (title and description, text chunks, link
   texts) by the sentence encoder's vector: one rules clause, one FAQ answer or one forum post
   that offers 3% a day stands out even on a long page of other text.
2. A page model reads the mean passage vector (what the page is about overall), the passage
   model's highest and mean scores per category and the share of passages it gives to each,
   and the structural features the fast stage also reads.

Training fits the page model on passage scores from passage models that never saw the page's
archetype (`training.py`), so it learns how far to trust them on unfamiliar pages.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression

PASSAGE_C = 1.0
PAGE_C = 10.0


@dataclass
class SemanticStage:
    """The fitted passage and page models; both score classes in the same (sorted) order."""

    passage: LogisticRegression
    page: LogisticRegression

    @property
    def classes_(self):
        return self.page.classes_

    def logits(self, mean: np.ndarray, passages: np.ndarray, structure: list[float]):
        """Class scores of one page."""
        row = page_row(mean, passage_stats(self.passage, passages), structure)
        return self.page.decision_function(row[None, :])[0]


def new_passage_model() -> LogisticRegression:
    return LogisticRegression(C=PASSAGE_C, max_iter=3000)


def new_page_model() -> LogisticRegression:
    return LogisticRegression(C=PAGE_C, max_iter=5000)


def passage_stats(passage_model: LogisticRegression, passages: np.ndarray) -> np.ndarray:
    """Per category: the highest and the mean passage probability, and the share of passages
    whose best category it is (12 numbers for 4 categories)."""
    probs = passage_model.predict_proba(passages)
    share = np.bincount(probs.argmax(axis=1), minlength=probs.shape[1]) / len(probs)
    return np.concatenate([probs.max(axis=0), probs.mean(axis=0), share])


def page_row(mean: np.ndarray, stats: np.ndarray, structure: list[float]) -> np.ndarray:
    """Features of one page for the page model."""
    return np.concatenate([mean, stats, np.asarray(structure, dtype=np.float64)])
