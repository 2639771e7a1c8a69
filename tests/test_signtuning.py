"""The signs catalogue's tuning report: each sign's precision on the sites the regulator
reviewed, with rejections that name the signs the model got wrong."""

from __future__ import annotations

import csv

import pytest
from click.testing import CliRunner

from fraudwatch.cli import main
from fraudwatch.review import review_site
from fraudwatch.signtuning import sign_tuning
from fraudwatch.store import Site

SPINS, BONUS, MIRROR = "casino.free_spins", "casino.deposit_bonus", "casino.mirror_link"


@pytest.fixture
def reviewed(sqlite_store):
    """Seven sites and their decisions; the expected counts are worked out beside each."""
    store = sqlite_store
    store.put_sites([Site(domain=domain, category="casino", verdict="illegal", signs=signs)
                     for domain, signs in [
                         ("a.kz", [SPINS, BONUS]), ("b.kz", [SPINS, MIRROR]),
                         ("c.kz", [SPINS, BONUS, MIRROR]), ("d.kz", [BONUS]), ("e.kz", [SPINS]),
                         ("f.kz", ["loan.no_refusal"]), ("g.kz", [MIRROR])]])
    review_site(store, "a.kz", "serik", "confirm")  # spins and bonus right
    review_site(store, "b.kz", "serik", "reject", "a news site")  # spins and mirror wrong
    review_site(store, "c.kz", "serik", "reject", "a review blog", [MIRROR])  # mirror only
    review_site(store, "d.kz", "serik", "confirm")
    review_site(store, "d.kz", "serik", "delist", "licence shown")  # bonus wrong, latest
    review_site(store, "e.kz", "serik", "reject", "looked legal")
    review_site(store, "e.kz", "aigerim", "confirm")  # overruled: spins right
    review_site(store, "f.kz", "serik", "needs_info")  # no decision: not counted
    review_site(store, "g.kz", "serik", "comment", "mirror?")
    return store


def test_each_sign_is_measured_by_the_latest_decisions_worst_first(reviewed):
    report = [(r.sign, r.sites, r.confirmed, r.rejected, r.named_wrong, r.precision)
              for r in sign_tuning(reviewed)]
    assert report == [
        (MIRROR, 2, 0, 2, 1, 0.0),  # b.kz (no names) and c.kz (named)
        (BONUS, 2, 1, 1, 0, 0.5),  # a.kz; d.kz delisted (c.kz blamed the mirror only)
        (SPINS, 3, 2, 1, 0, 2 / 3),  # a.kz, e.kz; b.kz
    ]


def test_an_empty_audit_log_measures_nothing(sqlite_store):
    assert sign_tuning(sqlite_store) == []


def test_the_command_prints_the_table_and_writes_the_csv(reviewed, tmp_path):
    out = tmp_path / "tuning.csv"
    result = CliRunner().invoke(main, ["--store", reviewed.url, "signs", "tuning", "--csv",
                                       str(out), "--lang", "ru"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "3 signs on reviewed sites, worst precision first" in result.output
    spins = next(line for line in lines if SPINS in line)
    assert [cell.strip() for cell in spins.split("│")[1:-1]] == [
        "Фриспины", SPINS, "3", "2", "1", "0", "0.67"]
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["sign"], r["name"], r["sites"], r["confirmed"], r["rejected"], r["named_wrong"],
             r["precision"]) for r in rows][:2] == [
        (MIRROR, "Рабочее зеркало, обход блокировки", "2", "0", "2", "1", "0.00"),
        (BONUS, "Бонус на депозит", "2", "1", "1", "0", "0.50")]


def test_the_review_command_names_the_signs_the_model_got_wrong(sqlite_store):
    sqlite_store.put_sites([Site(domain="a.kz", signs=[SPINS, BONUS], verdict="illegal")])
    runner = CliRunner()
    said = runner.invoke(main, ["--store", sqlite_store.url, "review", "a.kz", "reject", "-m",
                                "poker news", "--wrong-sign", SPINS, "--wrong-sign", BONUS])
    assert said.exit_code == 0, said.output
    assert f"signs named wrong: {SPINS}, {BONUS}" in said.output
    [entry] = sqlite_store.reviews_for(sqlite_store.get_site_by_domain("a.kz").id)
    assert entry.wrong_signs == [SPINS, BONUS]
    refused = runner.invoke(main, ["--store", sqlite_store.url, "review", "a.kz", "comment",
                                   "--wrong-sign", SPINS])
    assert refused.exit_code == 1 and "only a rejection or a delisting" in refused.output
