"""The team-written corpus: well-formed texts, every archetype the issue names in ru, kk and en,
fraud and legitimate pages in equal depth, and a deterministic generator."""

from collections import Counter

import pytest

from classifiers.corpus import load_corpus, sample
from classifiers.synth.generate import generate
from classifiers.synth.sources import archetype_paths, check, load_archetypes

ARCHETYPES = {
    "pyramid": {"hyip_plans", "matrix_cycle", "cash_gifting", "cloud_mining", "trading_bot",
                "game_withdrawal", "smart_contract", "cooperative", "fake_company",
                "hyip_monitor", "referral_levels"},
    "loan": {"loan_showcase", "paid_subscription", "advance_fee", "already_approved",
             "foreign_showcase", "asks_secrets", "fake_mfo"},
    "casino": {"casino_operator", "casino_terms", "casino_mirror", "casino_doorway",
               "casino_affiliate", "crash_game", "offshore_bookmaker"},
    "legit": {"bank_deposit", "licensed_mfo", "licensed_betting", "broker_exchange",
              "product_mlm", "affiliate_program", "ecommerce_bonus", "regulator_warning",
              "news_court", "literacy_lesson", "consumer_advice", "regulation_overview"},
}
OTHER_LANGS = {"uk", "uz", "ky", "tk", "tr", "az", "es", "pt"}


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def test_texts_have_no_problems():
    assert check(archetype_paths()) == []


def test_every_archetype_is_written_in_ru_kk_en():
    found = {a.name: a for a in load_archetypes()}
    for label, names in ARCHETYPES.items():
        for name in names:
            assert found[name].label == label
            assert {"ru", "kk", "en"} <= set(found[name].langs), name


def test_every_other_language_has_fraud_and_legitimate_pages():
    """A language seen only on fraud pages would teach the model that the language is fraud."""
    for lang in OTHER_LANGS:
        labels = {a.label for a in load_archetypes() if lang in a.langs}
        assert "legit" in labels and labels - {"legit"}, lang


def test_at_least_5000_pages_fraud_and_legit_in_equal_depth(corpus):
    labels = Counter(d["label"] for d in corpus)
    fraud = labels["casino"] + labels["loan"] + labels["pyramid"]
    assert fraud + labels["legit"] >= 5000
    assert 0.9 <= labels["legit"] / fraud <= 1.1, labels


def test_generation_is_deterministic_and_per_page(corpus):
    again = list(generate())
    assert [d["text"] for d in again[:50]] == [d["text"] for d in corpus[:50]]
    first = load_archetypes()[0]
    alone = list(generate(archetypes=(first,)))
    assert [d["text"] for d in alone] == [d["text"] for d in corpus if d["kind"] == first.name]


def test_bad_texts_file_lists_every_problem(tmp_path):
    folder = tmp_path / "pyramid"
    folder.mkdir()
    bad = folder / "odd.yaml"
    bad.write_text("archetype: other\nlabel: casino\nabout: x\nstudied: y\nhtml: [nope]\n"
                   "langs:\n  ru:\n    titles: ['{brand} {unknown_slot}']\n    blocks: {}\n",
                   encoding="utf-8")
    problems = "\n".join(check([bad]))
    for expected in ("archetype must be 'odd'", "label must be", "unknown html decoration",
                     "langs lacks kk", "unknown slot {unknown_slot}", "at least 8 needed"):
        assert expected in problems


def test_a_share_of_the_corpus_is_that_share_of_every_kind_in_every_language(corpus):
    part = sample(corpus, 0.02)
    groups = {(d["kind"], d["split"]) for d in corpus}
    # ceil() keeps at most one page per kind and split beyond the share itself
    assert len(part) <= 0.02 * len(corpus) + len(groups)
    assert {(d["kind"], d["split"]) for d in part} == groups
    assert {d["lang"] for d in part} == {d["lang"] for d in corpus}
    at = {id(d): n for n, d in enumerate(corpus)}
    assert [at[id(d)] for d in part] == sorted(at[id(d)] for d in part)
    assert sample(corpus, 1.0) == corpus
