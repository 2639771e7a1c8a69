"""Case lifecycle: stages from the audit log, time-to-block, its median and overdue cases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fraudwatch.review import review_site
from fraudwatch.store import Letter, Review, Site
from takedown.letters import build_letters, mark_letter
from takedown.lifecycle import case_of, summary


def test_case_stages_and_days_to_block_from_audit_entries():
    site = Site(domain="a.kz", first_seen="2026-11-01T00:00:00+00:00")
    log = [Review(site.id, "serik", "confirm", at="2026-11-03T00:00:00+00:00"),
           Review(site.id, "aigerim", "letter_sent", "FW-1", at="2026-11-04T00:00:00+00:00"),
           Review(site.id, "aigerim", "blocked", "FW-1", at="2026-11-05T12:00:00+00:00")]
    letter = Letter("FW-1", "2026-11-03", "blocking", "ministry", site_ids=[site.id],
                    created_at="2026-11-03T06:00:00+00:00")
    case = case_of(site, log, [letter])
    assert case.stage == "blocked" and case.letter.hour == 6
    assert case.days_to_block == 2.5 and case.days_detect_to_block == 4.5
    assert [e["action"] for e in case.events] == ["confirm", "letter_sent", "blocked"]


def test_summary_finds_overdue_cases_until_they_are_blocked(confirmed_sqlite, config, tmp_path):
    store = confirmed_sqlite
    build_letters(store, config, tmp_path / "letters", date(2026, 11, 20))
    later = datetime.now(UTC) + timedelta(days=config.letters.overdue_days + 1)
    assert summary(store, config, later)["overdue"] == []
    mark_letter(store, "FW-2026/00001", "sent", "aigerim")
    report = summary(store, config, later)
    assert [c.domain for c in report["overdue"]] == [
        "altyn-kazino.kz", "profit-daily.com", "xn--80aqafcvdp.kz"]
    assert report["stages"] == {"sent": 3}
    assert summary(store, config)["overdue"] == []
    mark_letter(store, "FW-2026/00001", "blocked", "aigerim")
    report = summary(store, config, later)
    assert report["overdue"] == [] and report["stages"] == {"blocked": 3}
    assert 0 <= report["median_days_to_block"] < 0.01


def test_delisted_case_leaves_the_overdue_list(confirmed_sqlite, config, tmp_path):
    store = confirmed_sqlite
    build_letters(store, config, tmp_path / "letters", date(2026, 11, 20))
    mark_letter(store, "FW-2026/00001", "sent", "aigerim")
    review_site(store, "profit-daily.com", "owner", "appeal", "licensed")
    review_site(store, "profit-daily.com", "serik", "delist", "licence confirmed")
    later = datetime.now(UTC) + timedelta(days=30)
    report = summary(store, config, later)
    assert "profit-daily.com" not in [c.domain for c in report["overdue"]]
    assert report["stages"]["delisted"] == 1


def test_cli_cases_lists_stages(confirmed_sqlite, tmp_path):
    from click.testing import CliRunner

    from fraudwatch.cli import main

    env = {"FRAUDWATCH_STORE": confirmed_sqlite.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var")}
    result = CliRunner().invoke(main, ["letters", "cases"], env=env)
    assert result.exit_code == 0, result.output
    assert "altyn-kazino.kz\tconfirmed\t" in result.output
    assert "3 cases, 0 overdue" in result.output
