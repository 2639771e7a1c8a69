"""The speed-ups change no result: literal prefilters and the direct model scorer are exact."""

import re
import sys

import pytest

from classifiers.artifact import load_model
from classifiers.corpus import load_corpus
from classifiers.fast import _scorer_for, _sklearn_logits, structural_row
from classifiers.lang import _SENTENCES, _sentence_lang, _sentence_langs
from classifiers.page import PageView
from classifiers.prefilter import PatternSet, fold, leading_literals, required_literals
from classifiers.signs import _prepared, load_catalogue

SETS = [
    pytest.param(sign.text_set if kind == "text" else sign.html_set, kind, id=f"{sign.id}-{kind}")
    for sign in load_catalogue()
    for kind in ("text", "html")
    if (sign.text_set if kind == "text" else sign.html_set)
]
TRICKY = [
    "", "x", "İNVESTMENT PLANS", "ДЕПОЗИТ БОНУС 100%", "Фриспины! ФРИ СПИНЫ", "frıspın", "FRİSPİN",
    "Кредит без проверки КИ.", "не введите CVV", "Введите  номер карты и CVV", "ΣΑΣ σας ſ µ",
    "Ваш депозит приносит 3,5% в день, 3% в день, 2.5% daily", "5 DEŃGEILI 5 deńgeıli",
]


def held_out():
    return [d for d in load_corpus() if d["split"] == "test"]


@pytest.fixture(scope="module")
def pages():
    docs = held_out()[::3]
    texts = [d["text"] for d in docs] + TRICKY
    texts += [e for s in load_catalogue() for ex in s.examples.values() for e in ex.values()]
    texts += [d["text"].upper() for d in docs[:100]] + [d.get("html", "") for d in docs]
    return texts


@pytest.mark.parametrize(("patterns", "kind"), SETS)
def test_pattern_set_search_equals_the_alternation(patterns, kind, pages):
    for page in pages:
        text = _prepared(page)[0] if kind == "text" else page
        expected = patterns.regex.search(text)
        got = patterns.search(text, fold(text))
        assert (got and got.span()) == (expected and expected.span()), page
        assert patterns.any_match(text, fold(text)) == bool(expected), page


@pytest.mark.parametrize(
    ("pattern", "required", "leading"),
    [
        (r"без\s+отказ\w*", {"без", "отказ"}, {"без"}),
        (r"\d+\s?%\s+(?:на|к)\s+депозит\w*", {"депозит"}, None),
        (r"(?:k[úu]nine|aıyna)\s+\d", {"kunine", "kúnine", "aiyna"}, {"kunine", "kúnine", "aiyna"}),
        (r"\w+|abc", None, None),
    ],
)
def test_literals_of_a_pattern(pattern, required, leading):
    found = required_literals(pattern)
    assert (found is None) == (required is None)
    assert found is None or found <= required
    assert leading_literals(pattern) == (frozenset(leading) if leading else None)


def test_fold_agrees_with_ignorecase_for_every_pattern_character():
    """Any character that re.IGNORECASE lets match a pattern character folds the same way."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    chars = {c for s in load_catalogue() for p in s.patterns.values() for x in p for c in x
             if c.isalpha() and c.lower() != c.upper()}
    for char in sorted(chars):
        for variant in re.findall(re.escape(char), everything, re.IGNORECASE):
            assert fold(variant) == fold(char), (char, variant)
    assert fold("İı") == "ii" and len(fold("ΑΣ Σ")) == 4


def test_fast_scorer_equals_sklearn():
    fast = load_model().fast
    scorer = _scorer_for(fast)
    assert scorer is not None
    for doc in held_out()[:300] + [{"text": ""}, {"text": "   "}]:
        row = structural_row(PageView.of(doc["text"], doc.get("html", "")),
                             {"casino": 0.3, "loan": 0.0, "pyramid": 0.9})
        assert scorer(doc["text"], row) == pytest.approx(_sklearn_logits(fast, doc["text"], row),
                                                         abs=1e-9)


def test_pattern_set_of_no_literal_patterns_still_searches():
    patterns = PatternSet([r"\d+\s?%", r"\w+ly"], prefix=r"\b")
    assert patterns.search("up 5 %", fold("up 5 %")).group(0) == "5 %"


def test_first_occurrences_shared_by_all_signs_of_a_page(pages):
    text_sets = [sign.text_set for sign in load_catalogue() if sign.text_set]
    for page in pages[:400]:
        text = _prepared(page)[0]
        folded, firsts = fold(text), {}
        for patterns in text_sets:
            expected = patterns.regex.search(text)
            got = patterns.search(text, folded, firsts)
            assert (got and got.span()) == (expected and expected.span()), page
            assert patterns.any_match(text, folded, firsts) == bool(expected), page


def test_sentence_langs_equal_the_per_sentence_reference(pages):
    extra = ["", ".", "..a", "a.", "\n\n", "Займ. Loan! Несие? qazaqstan jane", "İǴ.ё\U0001F600"]
    for page in pages[:500] + extra:
        expected = [_sentence_lang(s) for s in _SENTENCES.split(page)]
        assert _sentence_langs(page) == expected, page
