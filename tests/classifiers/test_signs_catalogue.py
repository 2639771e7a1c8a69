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
    return {hit["id"] for hit in hits}


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
    [hit] = [h for h in presence_hits(text) if h["id"] == "pyramid.fixed_daily_return"]
    assert hit["evidence"] == "Ваш депозит приносит 3% в день без выходных!"
    assert hit["evidence"] in text


def test_absence_sign_needs_the_category():
    assert absence_hits("Займ без отказа.", "loan")
    assert not [h for h in presence_hits("Займ без отказа.") if h["id"].endswith("licence")]
