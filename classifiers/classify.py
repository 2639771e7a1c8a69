"""Classifying pages: the fast stage on each, the encoder where the mode asks, then the policy.

Modes of the sentence encoder:
- `always`: every page is embedded (the CLI, /check: a person waits for one page);
- `auto`: only pages the fast stage does not settle (`stages.settled`), at most a budget of
  them per site when one is given (the first in the order given: the landing page first);
- `never`: the fast stage alone.
Pages are embedded in one batch, so passages shared between pages are embedded once.
"""

from __future__ import annotations

from classifiers.artifact import Model
from classifiers.encoder import Encoder
from classifiers.page import PageView
from classifiers.registry import Registry
from classifiers.stages import FirstStage, finish, first_stage, settled
from classifiers.verdict import ENCODER_MODES, Verdict


def wants_encoder(first: FirstStage, model: Model | None, mode: str) -> bool:
    """Whether `mode` sends this page to the sentence encoder."""
    if mode not in ENCODER_MODES:
        raise ValueError(f"encoder mode must be one of {', '.join(ENCODER_MODES)}, not {mode!r}")
    if model is None or model.semantic is None or mode == "never":
        return False
    return mode == "always" or not settled(first, model)


def finish_all(firsts: list[FirstStage], model: Model | None, encoder: Encoder | None,
               embed: list[bool]) -> list[Verdict]:
    """Verdicts of pages whose fast stage ran; those marked in `embed` are embedded first."""
    chosen = [first.page for first, wanted in zip(firsts, embed, strict=True) if wanted]
    vectors = iter(encoder.page_vectors(chosen) if chosen and encoder else [])
    return [finish(first, model, next(vectors) if wanted and encoder else None)
            for first, wanted in zip(firsts, embed, strict=True)]


def within_budget(embed: list[bool], budget: int | None) -> list[bool]:
    """`embed` with only its first `budget` chosen pages kept (all of them without a budget)."""
    if budget is None:
        return embed
    kept, left = [], budget
    for wanted in embed:
        kept.append(wanted and left > 0)
        left -= wanted
    return kept


def classify_pages(pages: list[PageView], registry: Registry, model: Model | None,
                   encoder: Encoder | None, mode: str = "always",
                   budget: int | None = None) -> list[Verdict]:
    """Verdicts of `pages`, embedding those `mode` selects in one batch; in auto mode at most
    `budget` of them (the first ones), as a crawl does for the pages of one site."""
    firsts = [first_stage(page, registry, model) for page in pages]
    embed = [wants_encoder(first, model, mode) for first in firsts]
    return finish_all(firsts, model, encoder,
                      within_budget(embed, budget if mode == "auto" else None))


def classify(page: PageView, registry: Registry, model: Model | None,
             encoder: Encoder | None = None, mode: str = "always") -> Verdict:
    """The verdict of one page."""
    return classify_pages([page], registry, model, encoder, mode)[0]
