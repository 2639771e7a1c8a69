"""The fast stage: TF-IDF word and character n-grams plus structural features, linear classifier.

It runs on every page in a few milliseconds; its class scores (logits) are calibrated and
blended with the semantic stage's (`classifiers.stages`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import repeat

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from classifiers.features import html_vector, sign_vector, structural_matrix
from classifiers.page import PageView

MODEL_TEXT_CHARS = 6000
STRUCTURAL_WEIGHT = 2.0


def new_fast_stage() -> dict:
    """Unfitted vectorisers and classifier."""
    return {
        "word": TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=20000, sublinear_tf=True,
                                token_pattern=r"(?u)\b\w+\b", dtype=np.float32),
        "char": TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 4), min_df=3,
                                max_features=30000, sublinear_tf=True, dtype=np.float32),
        "clf": LogisticRegression(C=8.0, max_iter=3000),
    }


def structural_row(page: PageView, strengths: dict[str, float]) -> list[float]:
    """HTML features and sign strengths of one page, as one feature row."""
    return [STRUCTURAL_WEIGHT * v for v in html_vector(page) + sign_vector(strengths)]


def feature_matrix(model: dict, texts: list[str], rows: list[list[float]], fit: bool = False):
    """Sparse feature matrix of pages; `fit` learns the vocabularies first."""
    clipped = [text[:MODEL_TEXT_CHARS] for text in texts]
    parts = []
    for name in ("word", "char"):
        vectoriser = model[name]
        parts.append(vectoriser.fit_transform(clipped) if fit else vectoriser.transform(clipped))
    parts.append(csr_matrix(structural_matrix(rows)))
    return hstack(parts, format="csr")


def _sklearn_logits(model: dict, text: str, row: list[float]) -> list[float]:
    """Class scores of one page through the sklearn API (the reference computation)."""
    return model["clf"].decision_function(feature_matrix(model, [text], [row]))[0].tolist()


class _CharGramColumns:
    """Vocabulary columns of the char_wb n-grams of a page, for ngram_range (3, 3) or (3, 4),
    looked up all at once in numpy. The page's words are joined two spaces apart, each padded
    with a space: n-grams straddling two words then have a space inside, which no vocabulary
    term has (words have no whitespace), so vocabulary terms come exactly as often as from
    sklearn's per-word loop. Each character is coded by its rank in the vocabulary's alphabet
    (0 when outside it) in 16 bits, so an n-gram is one integer found by binary search."""

    def __init__(self, vocabulary: dict[str, int], ngram_range: tuple[int, int]):
        alphabet = sorted({char for term in vocabulary for char in term})
        self.ngram_range = ngram_range
        self.codes = np.zeros(max(map(ord, alphabet)) + 1, dtype=np.uint64)
        self.codes[[ord(char) for char in alphabet]] = np.arange(1, len(alphabet) + 1)
        self.keys, self.columns = {}, {}
        for n in range(ngram_range[0], ngram_range[1] + 1):
            terms = sorted((self._key([ord(c) for c in t]), col)
                           for t, col in vocabulary.items() if len(t) == n)
            self.keys[n] = np.array([key for key, _ in terms], dtype=np.uint64)
            self.columns[n] = np.array([col for _, col in terms], dtype=np.int64)

    @classmethod
    def usable(cls, vocabulary: dict[str, int], ngram_range: tuple[int, int]) -> bool:
        """Whether every term fits the 16-bit-per-character integer coding."""
        alphabet = {char for term in vocabulary for char in term}
        return (ngram_range[0] == 3 and ngram_range[1] <= 4 and 0 < len(alphabet) < 0xFFFF
                and all(ngram_range[0] <= len(t) <= ngram_range[1] for t in vocabulary))

    def _key(self, code_points: list[int]) -> int:
        key = 0
        for code_point in code_points:
            key = (key << 16) | int(self.codes[code_point])
        return key

    def __call__(self, text: str) -> np.ndarray:
        joined = " " + "  ".join(text.lower().split()) + " "
        points = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        inside = points < len(self.codes)
        codes = np.where(inside, self.codes[np.where(inside, points, 0)], np.uint64(0))
        found = []
        for n, keys in self.keys.items():
            count = len(codes) - n + 1
            if count <= 0 or not len(keys):
                continue
            grams = codes[:count].copy()
            for k in range(1, n):
                grams = (grams << np.uint64(16)) | codes[k:k + count]
            at = np.minimum(np.searchsorted(keys, grams), len(keys) - 1)
            found.append(self.columns[n][at[keys[at] == grams]])
        return np.concatenate(found) if found else np.empty(0, dtype=np.int64)


def _analyzer_columns(vectoriser: TfidfVectorizer, vocabulary: dict[str, int]):
    """Vocabulary columns of the analyzer's terms (-1 for unknown terms), with repetitions."""
    analyse = vectoriser.build_analyzer()
    return lambda text: np.fromiter(map(vocabulary.get, analyse(text), repeat(-1)),
                                    dtype=np.int64)


@dataclass(frozen=True)
class _TermWeights:
    """A fitted TfidfVectorizer applied to one page without sklearn's per-call validation: the
    same analyzer terms, counts, sublinear tf, idf and L2 norm, in the same float operations."""

    columns: Callable[[str], np.ndarray]
    size: int
    idf: np.ndarray
    dtype: type
    sublinear: bool

    @classmethod
    def of(cls, vectoriser: TfidfVectorizer) -> _TermWeights | None:
        """Weights for `vectoriser`, or None when its settings need the general sklearn path."""
        if (vectoriser.norm != "l2" or not vectoriser.use_idf or vectoriser.binary
                or vectoriser.input != "content" or vectoriser.vocabulary_ is None
                or vectoriser.analyzer not in ("word", "char", "char_wb")):
            return None
        vocabulary = {term: int(column) for term, column in vectoriser.vocabulary_.items()}
        if (vectoriser.analyzer == "char_wb" and vectoriser.lowercase
                and vectoriser.strip_accents is None and vectoriser.preprocessor is None
                and _CharGramColumns.usable(vocabulary, vectoriser.ngram_range)):
            columns = _CharGramColumns(vocabulary, vectoriser.ngram_range)
        else:
            columns = _analyzer_columns(vectoriser, vocabulary)
        return cls(columns, len(vocabulary), vectoriser.idf_, vectoriser.dtype,
                   vectoriser.sublinear_tf)

    def __call__(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(sorted column indices, L2-normalised tf-idf values) of `text`."""
        columns = self.columns(text)
        columns, counts = np.unique(columns[columns >= 0], return_counts=True)
        indices = columns.astype(np.int32)
        values = counts.astype(self.dtype)
        if not len(values):
            return indices, values
        if self.sublinear:
            np.log(values, values)
            values += 1.0
        values *= self.idf[indices]
        # as sklearn's _inplace_csr_row_normalize_l2: squares in the data's precision, summed
        # in order in double precision, then each value divided by the double norm
        squares = np.square(values).astype(np.float64)
        norm = np.sqrt(np.add.accumulate(squares)[-1])
        if norm != 0.0:
            values = (values.astype(np.float64) / norm).astype(values.dtype)
        return indices, values


@dataclass(frozen=True)
class _FastScorer:
    """Class scores (logits) of one page from the artifact, equal to the sklearn path."""

    word: _TermWeights
    char: _TermWeights
    coef_t: np.ndarray
    intercept: np.ndarray

    def __call__(self, text: str, row: list[float]) -> list[float]:
        clipped = text[:MODEL_TEXT_CHARS]
        word_indices, word_values = self.word(clipped)
        char_indices, char_values = self.char(clipped)
        structural = np.asarray(row, dtype=np.float64)
        nonzero = np.flatnonzero(structural)
        words, chars = self.word.size, self.char.size
        data = np.concatenate([word_values.astype(np.float64), char_values.astype(np.float64),
                               structural[nonzero]])
        indices = np.concatenate([word_indices, char_indices + words,
                                  nonzero.astype(np.int32) + words + chars]).astype(np.int32)
        features = csr_matrix((data, indices, np.array([0, len(data)], dtype=np.int32)),
                              shape=(1, self.coef_t.shape[0]))
        scores = np.asarray(features @ self.coef_t) + self.intercept
        return scores[0].tolist()


_PROBE_TEXTS = (
    "Онлайн-казино: бонус 200% на первый депозит и 100 фриспинов! Займ без отказа, 3% в день.",
    "Free spins and a welcome bonus. Kúnine 3% tabys, bizdiń platformaǵa tirkelińiz. A b c d.",
    "",
)


def _fast_scorer(model: dict) -> _FastScorer | None:
    """A fast scorer for `model`, or None when its settings are not covered or it does not give
    the sklearn scores on a few probe pages (then the sklearn path is used)."""
    clf = model["clf"]
    word, char = _TermWeights.of(model["word"]), _TermWeights.of(model["char"])
    if (word is None or char is None or len(clf.classes_) < 3
            or getattr(clf, "multi_class", "deprecated") not in ("deprecated", "multinomial")
            or clf.coef_.shape[1] != word.size + char.size + 8):
        return None
    scorer = _FastScorer(word, char, np.ascontiguousarray(clf.coef_.T), clf.intercept_)
    vocabulary_probe = " ".join(list(model["word"].vocabulary_)[:300])
    row = structural_row(PageView.parse("<input name=cvv>"),
                         {"casino": 0.5, "loan": 0.0, "pyramid": 0.2})
    for text in (*_PROBE_TEXTS, vocabulary_probe):
        if not np.allclose(scorer(text, row), _sklearn_logits(model, text, row), rtol=0,
                           atol=1e-9):
            return None
    return scorer


_SCORERS: dict[int, tuple[tuple, _FastScorer | None]] = {}


def _scorer_for(model: dict) -> _FastScorer | None:
    """The fast scorer of `model`, built once per artifact (a few kept at a time); rebuilt when
    the dict's vectorisers or classifier are replaced."""
    parts = (model, model["word"], model["char"], model["clf"])
    cached = _SCORERS.get(id(model))
    if cached is not None and all(a is b for a, b in zip(cached[0], parts, strict=True)):
        return cached[1]
    if len(_SCORERS) >= 4:
        _SCORERS.clear()
    scorer = _fast_scorer(model)
    _SCORERS[id(model)] = (parts, scorer)
    return scorer


def fast_logits(model: dict, text: str, page: PageView, strengths: dict[str, float]
                ) -> np.ndarray:
    """Class scores of one page (`text`: what the model reads of it), in the order of
    model["clf"].classes_."""
    row = structural_row(page, strengths)
    scorer = _scorer_for(model)
    return np.asarray(scorer(text, row) if scorer else _sklearn_logits(model, text, row))
