"""The console command: help everywhere, configuration errors, search from the terminal."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from fraudwatch.cli import main
from fraudwatch.store import Page, SignHit, open_store


def all_commands(group: click.Group, prefix=()):
    for name, cmd in group.commands.items():
        yield (*prefix, name)
        if isinstance(cmd, click.Group):
            yield from all_commands(cmd, (*prefix, name))


def test_help_lists_subcommands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in ("config", "search", "store"):
        assert name in result.output


@pytest.mark.parametrize("path", list(all_commands(main)), ids=" ".join)
def test_every_subcommand_has_help(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_bad_store_url_fails_naming_the_key_and_fix():
    result = CliRunner().invoke(main, ["search", "x"], env={"FRAUDWATCH_STORE": "mysql://db"})
    assert result.exit_code == 2
    assert "store = 'mysql://db' (from FRAUDWATCH_STORE)" in result.output
    assert "fix:" in result.output


def test_unknown_toml_key_fails_naming_it(tmp_path):
    cfg = tmp_path / "fw.toml"
    cfg.write_text('stor = "sqlite:///x.db"\n')
    result = CliRunner().invoke(main, ["--config", str(cfg), "config", "show"])
    assert result.exit_code == 2
    assert "unknown key 'stor'" in result.output


def test_config_layers_file_then_environment_then_flag(tmp_path):
    cfg = tmp_path / "fw.toml"
    cfg.write_text('store = "sqlite:///from-file.db"\n[log]\nlevel = "WARNING"\n')
    runner = CliRunner()
    shown = runner.invoke(main, ["--config", str(cfg), "config", "show", "--json"],
                          env={"FRAUDWATCH_LOG_LEVEL": "ERROR"})
    values = json.loads(shown.output)
    assert values["store"] == "sqlite:///from-file.db" and values["log.level"] == "ERROR"
    flagged = runner.invoke(main, ["--config", str(cfg), "--store", "http://127.0.0.1:1",
                                   "config", "show", "--json"])
    assert json.loads(flagged.output)["store"] == "http://127.0.0.1:1"


def test_config_check_reports_an_unreachable_store():
    result = CliRunner().invoke(main, ["--store", "http://127.0.0.1:9", "config", "check",
                                       "--no-browser"])
    assert result.exit_code == 1
    assert "store: FAILED" in result.output and "unreachable" in result.output


def test_config_check_reports_a_working_store(tmp_path):
    result = CliRunner().invoke(main, ["--store", f"sqlite:///{tmp_path}/fw.db", "config",
                                       "check", "--no-browser"])
    assert result.exit_code == 0, result.output
    assert "store: ok: SQLite" in result.output


@pytest.fixture(params=["sqlite", "elasticsearch"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/fw.db"
    es = request.getfixturevalue("es_store")
    return es.url, es.prefix


def test_search_json_prints_one_object_per_hit(store_url):
    env = {}
    if isinstance(store_url, tuple):
        store_url, prefix = store_url
        env["FRAUDWATCH_ES_INDEX_PREFIX"] = prefix
        from fraudwatch.store.elastic import ElasticStore

        with ElasticStore(store_url, prefix=prefix) as es:
            _seed_store(es)
    else:
        with open_store(store_url) as sqlite:
            sqlite.setup()
            _seed_store(sqlite)
    result = CliRunner().invoke(
        main, ["--store", store_url, "search", "фриспины", "category:casino", "--json"], env=env)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 1
    hit = lines[0]
    assert hit["domain"] == "zoloto-slots.kz" and hit["verdict"] == "illegal"
    assert hit["signs"] == ["casino.free_spins"] and hit["last_seen"].startswith("2026-11-20")
    assert set(hit) >= {"url", "domain", "category", "verdict", "score", "signs", "title",
                        "last_seen"}
    none = CliRunner().invoke(main, ["--store", store_url, "search", "--verdict", "licensed",
                                     "фриспины", "--json"], env=env)
    assert none.exit_code == 0 and none.output == ""


def _seed_store(store) -> None:
    store.put_pages([
        Page(url="http://zoloto-slots.kz/", domain="zoloto-slots.kz", tld="kz",
             title="Золото слотов", text="Фриспины без депозита и рабочее зеркало",
             category="casino", verdict="illegal", score=0.96, lang="ru",
             signs=[SignHit("casino.free_spins", "casino", 1.0, "Фриспины без депозита")],
             last_seen="2026-11-20T08:00:00+00:00"),
        Page(url="http://kredit-bank.kz/", domain="kredit-bank.kz", tld="kz", title="Банк",
             text="Депозиты и кредиты по лицензии", category="legit", verdict="licensed",
             score=0.02, lang="ru", last_seen="2026-11-19T08:00:00+00:00"),
    ])
    store.refresh()


@pytest.mark.parametrize(("args", "found"), [
    (["фриспины category:casino"], ["zoloto-slots.kz"]),  # one argument, the whole query
    (["category:legit verdict:licensed"], ["kredit-bank.kz"]),
    (['депозиты "по лицензии"'], ["kredit-bank.kz"]),
    (["рабочее зеркало"], ["zoloto-slots.kz"]),  # one argument with a space: a phrase
    (["зеркало рабочее"], []),
    (["зеркало", "рабочее"], ["zoloto-slots.kz"]),  # words
])
def test_search_takes_a_quoted_argument_as_a_query_or_a_phrase(tmp_path, args, found):
    store_url = f"sqlite:///{tmp_path}/fw.db"
    with open_store(store_url) as sqlite:
        sqlite.setup()
        _seed_store(sqlite)
    result = CliRunner().invoke(main, ["--store", store_url, "search", "--json", *args])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["domain"] for line in result.output.splitlines()] == found


def test_search_rejects_unbalanced_quotes(tmp_path):
    result = CliRunner().invoke(main, ["--store", f"sqlite:///{tmp_path}/fw.db", "search",
                                       '"unclosed'])
    assert result.exit_code != 0


@pytest.mark.parametrize(("args", "said"), [
    (["bad", "((("], "no brackets or operators"),
    (["casino", "OR", "loan"], "no brackets or operators"),
    (["--since", "yesterday"], "Last seen from must be a date like 2026-11-30"),
    (["--until", "31.12.2026"], "Last seen to must be a date"),
])
def test_search_says_what_is_wrong_with_a_query_instead_of_finding_nothing(tmp_path, args,
                                                                           said):
    result = CliRunner().invoke(main, ["--store", f"sqlite:///{tmp_path}/fw.db", "search",
                                       *args])
    assert result.exit_code == 1 and said in result.output and "Traceback" not in result.output


def test_search_until_a_day_includes_that_day(tmp_path):
    store_url = f"sqlite:///{tmp_path}/fw.db"
    with open_store(store_url) as sqlite:
        sqlite.setup()
        _seed_store(sqlite)
    result = CliRunner().invoke(main, ["--store", store_url, "search", "--until", "2026-11-20",
                                       "--json"])
    assert result.exit_code == 0 and len(result.output.splitlines()) == 2


def test_demo_on_a_busy_port_says_which_port_and_what_to_do(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["--store", f"sqlite:///{tmp_path}/fw.db", "demo",
                                           "--port", str(port)])
    assert result.exit_code == 1
    assert f"127.0.0.1:{port}" in result.output and "--port" in result.output


def test_crawl_reads_a_seed_file_given_as_an_argument_as_the_readme_shows(tmp_path,
                                                                          monkeypatch):
    """`fraudwatch crawl seeds.txt`: the file's lines are the seeds, not "seeds.txt"."""
    from fraudwatch.cli.crawl_cmd import _seeds

    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds.txt").write_text("# suspects\nkazino-altyn.kz\nhttp://zaim-24.com/\n")
    assert _seeds(("seeds.txt", "pyramid.kz"), None) == [
        "http://kazino-altyn.kz/", "http://zaim-24.com/", "http://pyramid.kz/"]


def test_search_by_site_lists_each_site_once(tmp_path):
    store_url = f"sqlite:///{tmp_path}/fw.db"
    with open_store(store_url) as sqlite:
        sqlite.setup()
        _seed_store(sqlite)
        sqlite.put_pages([Page(url="http://zoloto-slots.kz/bonus", domain="zoloto-slots.kz",
                               tld="kz", title="Бонусы", text="Фриспины каждый день",
                               category="casino", verdict="suspicious", score=0.6, lang="ru",
                               last_seen="2026-11-21T08:00:00+00:00")])
        sqlite.refresh()
    pages = CliRunner().invoke(main, ["--store", store_url, "search", "фриспины", "--json"])
    sites = CliRunner().invoke(main, ["--store", store_url, "search", "фриспины", "--json",
                                      "--by-site"])
    assert len(pages.output.splitlines()) == 2
    hits = [json.loads(line) for line in sites.output.splitlines()]
    assert [(h["domain"], h["pages"]) for h in hits] == [("zoloto-slots.kz", 2)]
