"""The training corpus: pages generated from the team-written texts, and its fingerprint."""

from __future__ import annotations

import hashlib
import math
from pathlib import Path

from classifiers.synth.generate import SEED, generate
from classifiers.synth.sources import TEXTS_DIR

GENERATOR_DIR = Path(__file__).parent / "synth"


def load_corpus(seed: int = SEED) -> list[dict]:
    """Every corpus page (train and test splits), generated from data/texts."""
    return list(generate(seed))


def sample(docs: list[dict], share: float) -> list[dict]:
    """A share of `docs` that keeps every archetype, language and split: the first
    ceil(share × n) pages of each such group (at least one), in corpus order."""
    if share >= 1.0:
        return list(docs)
    groups: dict[tuple, list[dict]] = {}
    for doc in docs:
        groups.setdefault((doc["kind"], doc["lang"], doc["split"]), []).append(doc)
    kept = {id(d) for group in groups.values()
            for d in group[:max(1, math.ceil(share * len(group)))]}
    return [d for d in docs if id(d) in kept]


def corpus_files() -> list[Path]:
    """The files the corpus is made from: texts, chrome, slots and the generator's code."""
    return sorted([*TEXTS_DIR.rglob("*.yaml"), *GENERATOR_DIR.glob("*.py")])


def corpus_sha256() -> str:
    """Fingerprint of everything the corpus is generated from, recorded in the model."""
    digest = hashlib.sha256()
    for path in corpus_files():
        digest.update(str(path.relative_to(path.parents[2])).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
