"""Model versions: the shipped model is version 1; promote, rollback and shadow keep a state
that survives, and refuse what cannot be done with a message that says why."""

from __future__ import annotations

import json

import pytest

from classifiers.artifact import MODEL_PATH, load_model
from fraudwatch.learning.reclassify import contradicts
from fraudwatch.learning.reviewed import LabelledSite, split_by_site
from fraudwatch.modelversions import ModelVersions, VersionError
from fraudwatch.store import Site


@pytest.fixture
def versions(tmp_path):
    found = ModelVersions(tmp_path)
    model = load_model(MODEL_PATH)
    model.version = "candidate"
    found.add(model, {"note": "kept"})
    return found


def test_the_shipped_model_is_version_one_and_promoted_by_default(tmp_path):
    versions = ModelVersions(tmp_path)
    assert [v.number for v in versions.versions()] == [1]
    assert versions.promoted() == 1 and versions.shadow() is None
    assert versions.promoted_model().version == load_model(MODEL_PATH).version


def test_a_kept_version_has_its_report_and_loads(versions, tmp_path):
    info = versions.info(2)
    assert info.name == "candidate" and info.report["note"] == "kept"
    report = json.loads((tmp_path / "models" / "2" / "report.json").read_text())
    assert report["version"] == "candidate" and "metrics" in report
    assert versions.load(2).version == "candidate"


def test_promote_then_rollback_restores_the_previous_version(versions, tmp_path):
    assert versions.promote(2) == 1
    assert ModelVersions(tmp_path).promoted_model().version == "candidate"
    assert versions.rollback() == (2, 1)
    assert versions.promoted() == 1
    with pytest.raises(VersionError, match="no earlier promoted version"):
        versions.rollback()


def test_unknown_or_already_promoted_versions_are_refused(versions):
    with pytest.raises(VersionError, match="no model version 7"):
        versions.promote(7)
    with pytest.raises(VersionError, match="already promoted"):
        versions.promote(1)
    with pytest.raises(VersionError, match="promoted one"):
        versions.set_shadow(1)


def test_shadow_is_kept_and_cleared_when_promoted(versions):
    versions.set_shadow(2)
    assert versions.shadow() == 2 and versions.shadow_model().version == "candidate"
    versions.promote(2)
    assert versions.shadow() is None


def test_a_half_written_version_is_not_a_version(tmp_path):
    folder = tmp_path / "models" / "2"
    folder.mkdir(parents=True)
    (folder / "report.json").write_text("{}")
    assert [v.number for v in ModelVersions(tmp_path).versions()] == [1]


def test_a_damaged_state_file_says_how_to_fix_it(tmp_path):
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "state.json").write_text("{not json")
    with pytest.raises(VersionError, match="fix or delete it"):
        ModelVersions(tmp_path).promoted()


def test_sites_never_straddle_the_split_and_each_label_is_held_out():
    sites = [LabelledSite(f"s{i}.kz", label, "confirmed")
             for i, label in enumerate(["casino"] * 8 + ["legit"] * 4 + ["loan"])]
    train, test = split_by_site(sites, 0.25)
    assert not {s.domain for s in train} & {s.domain for s in test}
    assert sorted(s.label for s in test) == ["casino", "casino", "legit"]
    assert split_by_site(sites, 0.25) == (train, test)  # a rerun holds out the same sites


@pytest.mark.parametrize(("state", "verdict", "back_to_review"), [
    ("confirmed", "clean", True), ("confirmed", "suspicious", False),
    ("rejected", "illegal", True), ("rejected", "suspicious", False),
    ("delisted", "illegal", True), ("new", "illegal", False), ("needs_info", "clean", False),
])
def test_a_new_verdict_that_contradicts_a_decision_goes_back_to_review(state, verdict,
                                                                        back_to_review):
    site = Site(domain="x.kz", review_state=state, verdict=verdict)
    assert contradicts(site) is back_to_review
