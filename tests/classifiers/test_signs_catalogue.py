"""Every sign fires on its own positive example and not on its hard negative, per language."""

import pytest

from classifiers.signs import absence_hits, load_catalogue, presence_hits

CASES = [
    pytest.param(sign, lang, example, id=f"{sign.id}-{lang}")
    for sign in load_catalogue()
    if sign.kind != "registry"
    for lang, example in sign.examples.items()
]


def fired(sign, text):
    """Ids of the signs of `sign`'s kind that fire on `text`."""
    hits = presence_hits(text) if sign.kind == "presence" else absence_hits(text, sign.category)
    return {hit.id for hit in hits}


@pytest.mark.parametrize(("sign", "lang", "example"), CASES)
def test_sign_fires_on_positive(sign, lang, example):
    assert sign.id in fired(sign, example["positive"])


@pytest.mark.parametrize(("sign", "lang", "example"), CASES)
def test_sign_silent_on_hard_negative(sign, lang, example):
    assert sign.id not in fired(sign, example["negative"])


@pytest.mark.parametrize("sign", [s for s in load_catalogue() if s.kind != "registry"], ids=str)
def test_every_pattern_language_has_examples(sign):
    assert set(sign.patterns) <= set(sign.examples)


def test_evidence_is_a_sentence_of_the_page():
    text = "Меню сайта. Ваш депозит приносит 3% в день без выходных! Контакты."
    [hit] = [h for h in presence_hits(text) if h.id == "pyramid.fixed_daily_return"]
    assert hit.evidence == "Ваш депозит приносит 3% в день без выходных!"
    assert hit.evidence in text


def test_absence_sign_needs_the_category():
    assert absence_hits("Займ без отказа.", "loan")
    assert not [h for h in presence_hits("Займ без отказа.") if h.id.endswith("licence")]


@pytest.mark.parametrize(("text", "absent"), [
    ("Займ под 0,5% в день на карту.", "pyramid.fixed_daily_return"),
    ("Ставка от 0,01% в день, переплата минимальная.", "pyramid.fixed_daily_return"),
    ("Late payment penalty: 1% per day of the overdue amount.", "pyramid.fixed_daily_return"),
    ("Қарыз бойынша мөлшерлеме күніне 0,3%.", "pyramid.fixed_daily_return"),
    ("Займ под 0,5% в день на карту.", "loan.unrealistic_rate"),
])
def test_a_loans_daily_rate_is_not_a_pyramid_return(text, absent):
    assert absent not in {hit.id for hit in presence_hits(text)}


def test_a_deposits_daily_return_still_fires():
    hits = {h.id for h in presence_hits("Ваш вклад приносит 3% в день, выплаты ежедневно.")}
    assert "pyramid.fixed_daily_return" in hits
