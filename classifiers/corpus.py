"""The training corpus: pages generated from the team-written texts, and its fingerprint."""

from __future__ import annotations

import hashlib
from pathlib import Path

from classifiers.synth.generate import SEED, generate
from classifiers.synth.sources import TEXTS_DIR

GENERATOR_DIR = Path(__file__).parent / "synth"


def load_corpus(seed: int = SEED) -> list[dict]:
    """Every corpus page (train and test splits), generated from data/texts."""
    return list(generate(seed))


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
