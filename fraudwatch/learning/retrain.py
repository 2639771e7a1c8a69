"""`fraudwatch train --from-store`: a new model version from the team corpus and the
reviewed sites, with a report on both, kept beside the others (fraudwatch.modelversions)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from classifiers.corpus import corpus_sha256, load_corpus, sample
from classifiers.encoder import Encoder
from classifiers.evaluation import evaluate_docs
from classifiers.registry import Registry
from classifiers.training import corpus_name, fit_model
from fraudwatch.learning import LearningError, events
from fraudwatch.learning.assess import assess
from fraudwatch.learning.reviewed import QUERY, labelled_sites, site_docs, split_by_site
from fraudwatch.modelversions import ModelVersions
from fraudwatch.store import Store
from fraudwatch.store.vocabulary import Action

REVIEW_WEIGHT = 10.0  # one reviewed page counts as ten corpus pages: it is a real page
TEST_SHARE = 0.25  # of each label's reviewed sites, held out to evaluate the new version


@dataclass(frozen=True)
class TrainOptions:
    """How a version is trained from the store."""

    corpus_share: float = 1.0
    review_weight: float = REVIEW_WEIGHT
    test_share: float = TEST_SHARE

    def check(self) -> None:
        if not 0 < self.corpus_share <= 1:
            raise LearningError("the corpus share must be above 0 and at most 1")
        if self.review_weight <= 0:
            raise LearningError("the review weight must be above 0")
        if not 0 <= self.test_share < 1:
            raise LearningError("the held-out share must be at least 0 and below 1")


def train_from_store(store: Store, var_dir: Path, registry: Registry, encoder: Encoder,
                     user: str, options: TrainOptions = TrainOptions(),
                     log: Callable[[str], None] = lambda _: None,
                     progress: Callable | None = None) -> int:
    """Train, evaluate and keep a new version; its number. The promoted version is not
    changed: `fraudwatch model promote` does that."""
    options.check()
    versions = ModelVersions(var_dir)
    labelled = labelled_sites(store)
    if not labelled:
        raise LearningError("no reviewed site in the store yet: confirm, reject or delist "
                            "sites first (or train on the corpus alone with `fraudwatch train`)")
    train_sites, test_sites = split_by_site(labelled, options.test_share)
    log(f"{len(labelled)} reviewed sites: {len(train_sites)} to train on, "
        f"{len(test_sites)} held out to evaluate")
    reviewed_train = site_docs(store, var_dir, train_sites, options.review_weight)
    reviewed_test = site_docs(store, var_dir, test_sites)
    corpus = sample(load_corpus(), options.corpus_share)
    corpus_train = [d for d in corpus if d["split"] == "train"]
    data_hash = corpus_sha256()
    number = versions.next_number()
    model = fit_model(corpus_train + reviewed_train, encoder,
                      f"{corpus_name(data_hash)}.r{number}", log, progress)
    model.data = {
        "corpus_sha256": data_hash, "corpus_pages": len(corpus),
        "corpus_train_pages": len(corpus_train),
        "reviewed": {"query": QUERY, "sites": len(labelled),
                     "by_label": dict(Counter(s.label for s in labelled)),
                     "train_pages": len(reviewed_train), "test_pages": len(reviewed_test),
                     "train_sites": [s.to_doc() for s in train_sites],
                     "test_sites": [s.to_doc() for s in test_sites],
                     "review_ids": sorted(s.review_id for s in labelled if s.review_id)},
    }
    model.params |= {"corpus_share": options.corpus_share,
                     "review_weight": options.review_weight, "test_share": options.test_share}
    log("evaluating on the corpus's held-out split and the held-out reviewed sites")
    model.metrics = evaluate_docs(model, [d for d in corpus if d["split"] == "test"], encoder,
                                  progress=progress)
    parent = versions.promoted()
    extra = {"number": number, "parent": parent,
             "reviewed_metrics": assess(model, reviewed_test, registry, encoder),
             "parent_reviewed_metrics": assess(versions.load(parent), reviewed_test, registry,
                                               encoder)}
    versions.add(model, extra, number)
    events.record(store, user, Action.MODEL_TRAINED,
                  f"version {number} ({model.version}) trained on {len(corpus_train)} corpus "
                  f"pages and {len(reviewed_train)} pages of {len(train_sites)} reviewed sites")
    return number
