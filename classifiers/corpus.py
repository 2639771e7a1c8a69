"""The training corpus: pages generated from the team-written texts, and its fingerprint."""

from __future__ import annotations

import hashlib
import itertools
import math
from pathlib import Path

from classifiers.synth.generate import SEED, generate
from classifiers.synth.sources import TEXTS_DIR

GENERATOR_DIR = Path(__file__).parent / "synth"


def load_corpus(seed: int = SEED) -> list[dict]:
    """Every corpus page (train and test splits), generated from data/texts."""
    return list(generate(seed))


def sample(docs: list[dict], share: float) -> list[dict]:
    """About `share` of `docs`: ceil(share × n) pages of each archetype and split (at least
    one), taken in turn from each of its languages in corpus order, the first language
    changing from group to group so small shares still cover every language; the result
    keeps corpus order."""
    if share >= 1.0:
        return list(docs)
    groups: dict[tuple, dict[str, list[dict]]] = {}
    for doc in docs:
        groups.setdefault((doc["kind"], doc["split"]), {}).setdefault(doc["lang"], []).append(doc)
    kept: set[int] = set()
    for turn, by_lang in enumerate(groups.values()):
        wanted = max(1, math.ceil(share * sum(len(pages) for pages in by_lang.values())))
        langs = list(by_lang.values())
        langs = langs[turn % len(langs):] + langs[:turn % len(langs)]
        in_turn = (page for row in itertools.zip_longest(*langs) for page in row
                   if page is not None)
        kept.update(id(page) for page in itertools.islice(in_turn, wanted))
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
