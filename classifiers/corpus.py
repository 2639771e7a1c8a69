"""Reading the labelled corpus (JSONL) and fingerprinting it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

CORPUS_DIR = Path(__file__).parent / "data" / "corpus"


def corpus_files(corpus_dir: Path = CORPUS_DIR) -> list[Path]:
    """The corpus's JSONL files in a stable order."""
    return sorted(Path(corpus_dir).glob("*.jsonl"))


def load_split(split: str, corpus_dir: Path = CORPUS_DIR) -> list[dict]:
    """All documents whose `split` field is `split` ("train" or "test")."""
    docs = []
    for path in corpus_files(corpus_dir):
        with path.open(encoding="utf-8") as handle:
            docs.extend(doc for doc in map(json.loads, handle) if doc["split"] == split)
    return docs


def files_sha256(paths: list[Path]) -> str:
    """One sha256 over the names and bytes of `paths`, in order."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def corpus_sha256(corpus_dir: Path = CORPUS_DIR) -> str:
    """Fingerprint of the whole corpus, recorded in the model artifact."""
    return files_sha256(corpus_files(corpus_dir))


def heldout_sha256(corpus_dir: Path = CORPUS_DIR) -> str:
    """Fingerprint of the held-out evaluation file, pinned in the quality baseline."""
    return files_sha256([Path(corpus_dir) / "test.jsonl"])
