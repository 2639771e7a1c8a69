"""The classifier's one entry point for a single page: `predict`."""

from __future__ import annotations

from classifiers.artifact import Model, load_model
from classifiers.classify import classify
from classifiers.encoder import shared_encoder
from classifiers.page import PageView
from classifiers.registry import Registry, default_registry
from classifiers.verdict import Verdict


def predict(text: str, html: str = "", url: str = "", registry: Registry | None = None,
            mode: str = "always", model: Model | None = None) -> Verdict:
    """Classify one page (text is extracted from `html` when not given); `mode` says when the
    sentence encoder runs: always, auto (when the fast stage cannot settle it) or never.
    `model` defaults to the shipped one."""
    page = PageView.of(text, html, url)
    return classify(page, registry or default_registry(), model or load_model(),
                    shared_encoder(), mode)
