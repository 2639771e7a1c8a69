"""Signs in human words: every sign has a name and an explanation in kk, ru and en, grounds in
the law, and readers never see a sign's id or raw HTML."""

import pytest

from classifiers.explain import (
    LANGS,
    category_citations,
    describe_hit,
    grounds,
    legal_bases,
    sign_name,
)
from classifiers.signs import absence_hits, load_catalogue, presence_hits

SIGNS = load_catalogue()


@pytest.mark.parametrize("sign", SIGNS, ids=lambda s: s.id)
def test_every_sign_has_a_name_and_explanation_in_each_language(sign):
    for lang in LANGS:
        assert sign.name.get(lang, "").strip(), (sign.id, lang)
        assert sign.description.get(lang, "").strip(), (sign.id, lang)
        assert sign.id not in sign_name(sign.id, lang)
    if sign.kind == "absence":
        assert all(sign.looked_for.get(lang) for lang in LANGS), sign.id


@pytest.mark.parametrize("sign", SIGNS, ids=lambda s: s.id)
def test_every_sign_is_grounded_in_the_law(sign):
    assert sign.grounds, sign.id
    for ground in sign.grounds:
        basis, _, element = ground.partition(".")
        assert element in legal_bases()[basis]["elements"], ground
        assert legal_bases()[basis]["category"] == sign.category, ground
    assert all(len(grounds(sign.id, lang)) == len(sign.grounds) for lang in LANGS)


def test_pyramid_signs_cover_both_elements_of_article_217():
    elements = {g for s in SIGNS if s.category == "pyramid" for g in s.grounds}
    assert {"cc_217.attraction", "cc_217.payout_from_others"} <= elements
    published = {"high_income", "guaranteed_income", "recruitment_reward", "no_licence",
                 "no_real_business", "urgency"}
    assert {f"regulator_pyramid_signs.{e}" for e in published} <= elements


def test_each_category_cites_its_laws_in_each_language():
    for category in ("casino", "loan", "pyramid"):
        for lang in LANGS:
            assert category_citations(category, lang)
    assert "217" in " ".join(category_citations("pyramid", "kk"))


def test_html_evidence_is_said_in_words_with_the_markup_apart():
    [hit] = [h for h in presence_hits("Оформление займа", '<form><input name="cvv"></form>')
             if h.id == "loan.asks_card_secrets"]
    said = describe_hit(hit, "ru")
    assert "<input" not in said["evidence"] and "CVV" in said["evidence"]
    assert said["markup"].startswith("<input")


def test_absence_sign_says_what_was_looked_for():
    [hit] = [h for h in absence_hits("Займ за 5 минут", "loan")
             if h.id == "loan.no_regulator_licence"]
    said = describe_hit(hit, "kk")
    assert said["evidence"] == "" and "ҚНРДА" in said["looked_for"]


def test_unknown_sign_id_is_never_shown():
    assert sign_name("old.removed_sign", "ru") == "Другой признак"
