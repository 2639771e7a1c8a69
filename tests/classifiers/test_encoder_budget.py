"""The encoder budget of auto mode: of the pages the fast stage cannot settle, only the first
`budget` are embedded (a crawl's and `reclassify`'s per-site limit); the rest keep their
fast-stage verdict; `always` embeds every page whatever the budget."""

from __future__ import annotations

from classifiers import load_model
from classifiers.classify import classify_pages, within_budget
from classifiers.encoder import Encoder
from classifiers.page import PageView
from classifiers.registry import Registry
from classifiers.stages import first_stage, settled


class CountingEncoder(Encoder):
    """The real encoder, noting how many pages each call embeds."""

    def __init__(self):
        super().__init__()
        self.embedded: list[str] = []

    def page_vectors(self, pages):
        self.embedded += [page.title for page in pages]
        return super().page_vectors(pages)


UNSETTLED = [PageView(title=f"page {n}", url=f"http://example.kz/{n}", text=text) for n, text in
             enumerate([
                 "Займ без отказа: что стоит знать заемщику. Разбираем условия МФО.",
                 "Как работают депозиты и почему доходность не бывает гарантированной.",
                 "Бонусы магазина: кэшбэк за покупки и промокоды для постоянных клиентов.",
                 "Онлайн-кредит: ставки, сроки и требования банков к заемщикам в 2026 году.",
             ])]


def test_within_budget_keeps_the_first_chosen_pages():
    assert within_budget([True, False, True, True], 2) == [True, False, True, False]
    assert within_budget([True, True], None) == [True, True]
    assert within_budget([True, True], 0) == [False, False]


def test_auto_embeds_at_most_the_budget_and_the_rest_keep_the_fast_verdict():
    model, registry = load_model(), Registry()
    unsettled = [p for p in UNSETTLED if not settled(first_stage(p, registry, model), model)]
    assert len(unsettled) >= 3, "the sample must hold pages the fast stage cannot settle"
    encoder = CountingEncoder()
    budgeted = classify_pages(unsettled, registry, model, encoder, "auto", budget=1)
    assert encoder.embedded == [unsettled[0].title]
    fast = classify_pages(unsettled, registry, model, None, "never")
    assert [v.score for v in budgeted[1:]] == [v.score for v in fast[1:]]
    encoder.embedded.clear()
    classify_pages(unsettled, registry, model, encoder, "always", budget=1)
    assert encoder.embedded == [p.title for p in unsettled]
