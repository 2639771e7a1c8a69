"""The models page `/models`: versions with their figures, and where the version running in
shadow disagrees with the promoted one, with both verdicts and the signs by name; for
supervisors only."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from classifiers.artifact import MODEL_PATH, load_model
from fraudwatch.modelversions import ModelVersions
from tests.web.support import PAGES


@pytest.fixture
def versions(web_config):
    found = ModelVersions(Path(web_config.var_dir))
    model = load_model(MODEL_PATH)
    model.version = "candidate-7"
    found.add(model, {"data": {"reviewed": {"sites": 12}}})
    return found


@pytest.fixture
def shadowed(sample_store, versions):
    """The candidate in shadow: it clears altyn-bonus.kz, calls profit-daily.com illegal and
    agrees on tez-nesie.kz."""
    versions.set_shadow(2)
    said = {
        "altyn-bonus.kz": {"category": "legit", "verdict": "clean", "score": 0.12, "signs": []},
        "profit-daily.com": {"category": "pyramid", "verdict": "illegal", "score": 0.93,
                             "signs": ["pyramid.fixed_daily_return",
                                       "pyramid.recruitment_income"]},
    }
    sample_store.put_pages([dataclasses.replace(
        page, shadow={"model": "candidate-7", **said.get(page.domain, {
            "category": page.category, "verdict": page.verdict, "score": page.score,
            "signs": page.sign_ids})}) for page in PAGES])
    sample_store.refresh()
    return sample_store


@pytest.fixture
def supervisor(as_role):
    return as_role("supervisor")


def test_versions_are_listed_with_their_role_and_training_data(supervisor, versions):
    page = supervisor.get("/models").text
    assert 'href="/models?version=1"' in page and 'href="/models?version=2"' in page
    assert "candidate-7" in page and "the corpus and 12 reviewed sites" in page
    assert "the team corpus (shipped)" in page and "promoted" in page
    assert "No version runs in shadow" in page


def test_disagreements_show_both_verdicts_and_sign_names(supervisor, shadowed):
    page = supervisor.get("/models").text
    assert "Where version 2 disagrees with the promoted one" in page
    assert "classified 3 stored pages and disagrees on 2: 1 it calls illegal and 1 it no " \
           "longer calls illegal" in page
    assert 'href="/sites/altyn-bonus.kz"' in page and 'href="/sites/profit-daily.com"' in page
    assert 'href="/sites/tez-nesie.kz"' not in page  # the two versions agree there
    assert 'data-sign="pyramid.recruitment_income"' in page
    assert ">pyramid.recruitment_income<" not in page  # a name a person reads, not the id
    assert 'class="to-illegal"' in page and 'class="from-illegal"' in page


def test_the_filter_keeps_only_pages_the_candidate_calls_illegal(supervisor, shadowed):
    page = supervisor.get("/models?change=to_illegal").text
    assert 'href="/sites/profit-daily.com"' in page
    assert 'href="/sites/altyn-bonus.kz"' not in page


def test_the_page_reads_in_kazakh_and_russian(supervisor, shadowed):
    for lang, words in (("kk", "Модель нұсқалары"), ("ru", "Версии модели")):
        page = supervisor.get(f"/models?hl={lang}").text
        assert words in page and "Where version" not in page


@pytest.mark.parametrize("query", ["version=9", "version=0x", "change=everything"])
def test_unknown_versions_and_filters_are_refused_in_words(supervisor, versions, query):
    response = supervisor.get(f"/models?{query}")
    assert response.status_code in (404, 422) and "Traceback" not in response.text


@pytest.mark.parametrize("role", ["viewer", "analyst"])
def test_only_supervisors_see_the_models(as_role, role, versions):
    assert as_role(role).get("/models").status_code == 403
    assert 'href="/models"' not in as_role(role).get("/").text


def test_the_models_page_needs_a_login(client):
    assert client.get("/models", follow_redirects=False).status_code == 303
