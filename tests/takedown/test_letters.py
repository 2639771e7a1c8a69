"""Letters: who gets which sites, numbering, the register, and marking, on both stores."""

from __future__ import annotations

from datetime import date

import pytest

from fraudwatch.review import review_site
from takedown.letters import LetterError, build_letters, mark_letter, plan_letters
from tests.calls import recorded

DAY = date(2026, 11, 20)


def test_plan_groups_sites_per_ministry_registrar_and_host(confirmed_store, config):
    drafts = {(d.letter_type, d.recipient): [s.domain for s in d.sites]
              for d in plan_letters(confirmed_store, config)}
    assert drafts[("blocking", config.letters.ministry)] == [
        "altyn-kazino.kz", "profit-daily.com", "xn--80aqafcvdp.kz"]
    assert drafts[("abuse_registrar", "PS Internet Company")] == ["altyn-kazino.kz"]
    assert drafts[("abuse_registrar", "NameCheap, Inc.")] == ["profit-daily.com"]
    assert drafts[("abuse_hosting", "AS13335")] == ["profit-daily.com"]
    assert len(drafts) == 7


def test_letters_are_numbered_registered_and_not_repeated(confirmed_store, config, tmp_path):
    letters = build_letters(confirmed_store, config, tmp_path / "out", DAY)
    assert [lt.number for lt in letters] == [f"FW-2026/{n:05d}" for n in range(1, 8)]
    ministry = letters[0]
    assert ministry.letter_type == "blocking" and ministry.lang == "ru"
    html = (tmp_path / "out" / "FW-2026-00001.ru.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert len(ministry.files["FW-2026-00001.ru.html"]) == 64
    site = confirmed_store.get_site_by_domain("altyn-kazino.kz")
    assert site.letters == ["FW-2026/00001", "FW-2026/00004", "FW-2026/00007"]
    assert build_letters(confirmed_store, config, tmp_path / "out", DAY) == []
    assert confirmed_store.count("letter") == 7


def test_marking_sent_then_blocked_is_logged_and_blocks_sites(confirmed_store, config, tmp_path):
    build_letters(confirmed_store, config, tmp_path / "out", DAY)
    mark_letter(confirmed_store, "FW-2026/00001", "sent", "aigerim")
    letter = mark_letter(confirmed_store, "FW-2026/00001", "blocked", "aigerim")
    assert confirmed_store.get_letter(letter.id).status == "blocked"
    site = confirmed_store.get_site_by_domain("profit-daily.com")
    assert site.status == "blocked"
    assert [r.action for r in confirmed_store.reviews_for(site.id)][-2:] == ["letter_sent",
                                                                             "blocked"]
    with pytest.raises(LetterError, match="unknown status"):
        mark_letter(confirmed_store, "FW-2026/00001", "lost", "aigerim")
    with pytest.raises(LetterError, match="no letter"):
        mark_letter(confirmed_store, "FW-1999/00001", "sent", "aigerim")


def test_building_letters_reads_the_register_once(confirmed_store, config, tmp_path, monkeypatch):
    build_letters(confirmed_store, config, tmp_path / "out", DAY)
    review_site(confirmed_store, "profit-daily.com", "owner", "appeal", "we hold a licence")
    review_site(confirmed_store, "profit-daily.com", "serik", "delist", "licence checked")
    confirmed_store.refresh()
    reads = recorded(monkeypatch, confirmed_store, "iter_letters")
    [letter] = build_letters(confirmed_store, config, tmp_path / "out", DAY)
    assert (letter.letter_type, letter.number) == ("delisting", "FW-2026/00008")
    assert len(reads) == 1


def test_marking_a_letter_writes_its_audit_entries_and_sites_in_one_call_each(
        confirmed_store, config, tmp_path, monkeypatch):
    [ministry, *_] = build_letters(confirmed_store, config, tmp_path / "out", DAY)
    bulk = recorded(monkeypatch, confirmed_store, "add_reviews")
    single = recorded(monkeypatch, confirmed_store, "add_review")
    site_reads = recorded(monkeypatch, confirmed_store, "get_site")
    mark_letter(confirmed_store, ministry.number, "blocked", "aigerim")
    assert (len(bulk), len(single), len(site_reads)) == (1, 0, 0)
    for site_id in ministry.site_ids:
        assert confirmed_store.get_site(site_id).status == "blocked"
        assert confirmed_store.reviews_for(site_id)[-1].action == "blocked"


def test_delisting_after_appeal_produces_a_delisting_letter(confirmed_store, config, tmp_path):
    build_letters(confirmed_store, config, tmp_path / "out", DAY)
    review_site(confirmed_store, "profit-daily.com", "owner", "appeal", "we hold a licence")
    review_site(confirmed_store, "profit-daily.com", "serik", "delist", "licence checked")
    confirmed_store.refresh()
    [letter] = build_letters(confirmed_store, config, tmp_path / "out", DAY)
    assert letter.letter_type == "delisting" and letter.number == "FW-2026/00008"
    html = (tmp_path / "out" / "FW-2026-00008.ru.html").read_text()
    assert "FW-2026/00001" in html and "licence checked" in html


def test_cli_builds_lists_shows_and_marks(confirmed_sqlite, tmp_path):
    from click.testing import CliRunner

    from fraudwatch.cli import main

    runner = CliRunner()
    env = {"FRAUDWATCH_STORE": confirmed_sqlite.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var")}
    built = runner.invoke(main, ["letters", "build", "--no-pdf", "--date", "2026-11-20"], env=env)
    assert built.exit_code == 0, built.output
    assert "FW-2026/00001\tblocking" in built.output
    assert (tmp_path / "var" / "letters" / "FW-2026-00001.ru.html").exists()
    marked = runner.invoke(main, ["letters", "mark", "FW-2026/00001", "--status", "sent"], env=env)
    assert marked.exit_code == 0, marked.output
    listed = runner.invoke(main, ["letters", "list", "--status", "sent"], env=env)
    assert listed.output.count("\n") == 1 and "FW-2026/00001" in listed.output
    shown = runner.invoke(main, ["letters", "show", "FW-2026/00001"], env=env)
    assert '"altyn-kazino.kz"' in shown.output
    missing = runner.invoke(main, ["letters", "show", "FW-0/1"], env=env)
    assert missing.exit_code == 1 and "no letter" in missing.output
    decided = runner.invoke(main, ["letters", "mark", "FW-2026/00001", "--status", "blocked",
                                   "--decision", "14-7/X", "--decision-date", "2026-11-22"],
                            env=env)
    assert decided.exit_code == 0 and "decision 14-7/X of 2026-11-22" in decided.output
    rewritten = runner.invoke(main, ["letters", "mark", "FW-2026/00001", "--status", "blocked",
                                     "--decision", "15-1/X"], env=env)
    assert rewritten.exit_code == 1 and "never rewritten" in rewritten.output
    assert "Traceback" not in rewritten.output
    dateless = runner.invoke(main, ["letters", "mark", "FW-2026/00001", "--status", "sent",
                                    "--decision-date", "2026-11-22"], env=env)
    assert dateless.exit_code == 2 and "go with --decision" in dateless.output


def test_a_missing_field_stops_the_letter_instead_of_printing_a_blank():
    from jinja2 import UndefinedError

    from takedown.render import render_html

    with pytest.raises(UndefinedError, match="letterhead"):
        render_html("blocking", "kk", {"number": "FW-1", "date": DAY, "recipient": "M",
                                       "rows": [], "role": "", "addressee": "M",
                                       "reply_days": 3})
    with pytest.raises(ValueError, match="no letters in language 'de'"):
        render_html("blocking", "de", {})
