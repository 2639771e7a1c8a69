"""Pure page classifier: text and HTML in, `Verdict` out.

    from classifiers import predict
    verdict = predict(text, html=html, url=url)   # registry: bundled demo registry by default
"""

from __future__ import annotations

from classifiers.classify import classify
from classifiers.features import html_to_text
from classifiers.model import load_model
from classifiers.registry import Registry, default_registry
from classifiers.verdict import CATEGORIES, VERDICTS, Verdict

__all__ = ["CATEGORIES", "VERDICTS", "Registry", "Verdict", "load_model", "predict"]


def predict(text: str, html: str = "", url: str = "", registry: Registry | None = None) -> Verdict:
    """Classify one page; text is extracted from `html` when not given."""
    page_text = text or (html_to_text(html) if html else "")
    return classify(page_text, html, url, registry or default_registry(), load_model())
