"""Bad input to any command: a clear message naming the option and a non-zero exit, never a
Python traceback (issue 2/6, finding 11)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from crawler.frontier.journal import FrontierJournal
from fraudwatch.cli import main
from fraudwatch.cli.crawl_cmd import _lines
from tests.paths import ROOT


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FRAUDWATCH_VAR_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("FRAUDWATCH_STORE", f"sqlite:///{tmp_path}/fw.db")
    monkeypatch.delenv("FRAUDWATCH_CONFIG", raising=False)
    (tmp_path / "folder").mkdir()
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "binary.toml").write_bytes(b"\x00\x01\xff\xfe")
    (tmp_path / "format.toml").write_text('[letters]\nnumber_format = "{nosuch}"\n')
    (tmp_path / "run").mkdir()
    (tmp_path / "run" / "run.json").write_text("{not json")

    def invoke(*args: str):
        result = CliRunner().invoke(main, list(args))
        assert result.exception is None or isinstance(result.exception, SystemExit), \
            result.exc_info
        return result

    return invoke


@pytest.mark.parametrize("args,says", [
    (["crawl", "--seeds", "missing.txt"], "--seeds: missing.txt: No such file"),
    (["crawl", "--seeds", "folder"], "--seeds: folder: Is a directory"),
    (["crawl", "--seeds", "binary.txt"], "not a text file"),
    (["crawl", "--resolve-file", "missing", "a.kz"], "--resolve-file: missing"),
    (["crawl", "--resume", "--run-dir", "nowhere"], "no readable run in nowhere"),
    (["crawl", "--resume", "--run-dir", "run"], "run.json missing or damaged"),
    (["--config", "binary.toml", "config", "show"], "not a UTF-8 text file"),
    (["--config", "format.toml", "config", "show"], "letters.number_format"),
    (["serve", "--port", "99999"], "--port"),
    (["serve", "--check-rate", "-1"], "--check-rate"),
])
def test_bad_input_is_a_clear_error(run, args, says):
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert says in result.output and "Traceback" not in result.output


def test_store_stats_on_a_missing_sqlite_file_creates_nothing(run, tmp_path):
    result = run("--store", f"sqlite:///{tmp_path}/nowhere/dir/x.db", "store", "stats")
    assert result.exit_code == 1 and "no SQLite store at" in result.output
    assert not (tmp_path / "nowhere").exists()


def test_seed_files_in_utf16_or_cp1251_are_read(tmp_path):
    (tmp_path / "u16.txt").write_bytes("казино.қаз\nb.kz\n".encode("utf-16"))
    (tmp_path / "cp.txt").write_bytes("# сиды\na.kz\n".encode("cp1251"))
    assert _lines(str(tmp_path / "u16.txt"), "--seeds") == ["казино.қаз", "b.kz"]
    assert _lines(str(tmp_path / "cp.txt"), "--seeds") == ["# сиды", "a.kz"]


def test_a_damaged_journal_line_is_skipped_not_fatal(tmp_path):
    journal = tmp_path / "frontier.jsonl"
    good = ('{"url": "http://a.kz/", "site": "a.kz", "depth": 0, "hop": 0, "priority": 0, '
            '"kind": "landing"}')
    journal.write_bytes(good.encode() + b"\n\xff\xfe garbage \x80\n" + good.encode() + b"\n")
    assert [e.url for e in FrontierJournal(journal).load()] == ["http://a.kz/"] * 2


def test_a_crawl_whose_every_target_is_refused_says_why_and_fails(tmp_path):
    env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"),
           "FRAUDWATCH_STORE": f"sqlite:///{tmp_path}/fw.db", "PYTHONPATH": str(ROOT)}
    env.pop("FRAUDWATCH_CONFIG", None)
    result = subprocess.run([sys.executable, "-m", "fraudwatch", "crawl", "--render", "never",
                             "http://127.0.0.1:9/"], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=240)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "--allow-private-host" in result.stderr


@pytest.mark.parametrize("args", [["letters", "list"], ["letters", "cases"],
                                  ["letters", "show", "00001"],
                                  ["letters", "mark", "00001", "--status", "sent"],
                                  ["letters", "build", "--no-pdf"]])
def test_letters_commands_on_an_unusable_store_say_so(run, tmp_path, args):
    result = run("--store", f"sqlite:///{tmp_path}/folder", *args)  # a folder, not a file
    assert result.exit_code == 1, result.output
    assert "SQLite store" in result.output and "Traceback" not in result.output
