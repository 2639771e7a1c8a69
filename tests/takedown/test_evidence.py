"""Evidence packs: contents, WARC records copied byte for byte, and tamper detection."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

from click.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator

from fraudwatch.cli import main
from takedown.evidence import MANIFEST, build_pack, verify_pack


def test_pack_holds_warc_screenshot_signs_and_reviews(confirmed_store, tmp_path):
    path = build_pack(confirmed_store, "altyn-kazino.kz", tmp_path / "var", tmp_path / "packs")
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        warc = zf.read("captures.warc.gz")
        pages = json.loads(zf.read("classification.json"))
        reviews = json.loads(zf.read("reviews.json"))
        captures = json.loads(zf.read("captures.json"))
        shot = zf.read(captures[0]["screenshot_file"])
        times = {info.date_time for info in zf.infolist()}
    assert times == {(2026, 11, 1, 9, 0, 0)}  # when the evidence was taken, not a fixed date
    assert {"site.json", "README.txt", MANIFEST, "captures.warc.gz"} <= names
    info, request, record = [(r, r.content_stream().read())
                             for r in ArchiveIterator(io.BytesIO(warc))]
    assert info[0].rec_type == "warcinfo" and b"test-operator" in info[1]
    request, record = request[0], record[0]
    assert request.rec_type == "request"
    assert record.rec_headers.get_header("WARC-Concurrent-To") == \
        request.rec_headers.get_header("WARC-Record-ID")
    assert captures[0]["warc_record"] == 2
    assert record.rec_type == "response"
    assert record.rec_headers.get_header("WARC-Warcinfo-ID") == \
        info[0].rec_headers.get_header("WARC-Record-ID")
    assert record.rec_headers.get_header("WARC-Target-URI") == "https://altyn-kazino.kz/"
    assert pages[0]["signs"][0]["evidence"] == "evidence of casino.no_licence"
    assert pages[0]["verdict"] == "illegal" and pages[0]["model"] == "demo-1"
    assert [(r["user"], r["action"]) for r in reviews] == [("serik", "confirm")]
    assert shot.startswith(b"\x89PNG")
    assert verify_pack(path) == []


def tamper(path, name: str, data: bytes) -> None:
    """Rewrite `path` with `name` replaced by (or added as) `data`."""
    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    files[name] = data
    with zipfile.ZipFile(path, "w") as zf:
        for n, d in files.items():
            zf.writestr(n, d)


def test_tampered_pack_fails_verify_naming_the_file(confirmed_sqlite, tmp_path):
    path = build_pack(confirmed_sqlite, "profit-daily.com", tmp_path / "var", tmp_path / "packs")
    runner = CliRunner()
    assert runner.invoke(main, ["evidence", "verify", str(path)]).exit_code == 0
    tamper(path, "classification.json", b"[]")
    result = runner.invoke(main, ["evidence", "verify", str(path)])
    assert result.exit_code == 1
    assert "classification.json: SHA-256 does not match" in result.output
    tamper(path, "extra.txt", b"x")
    assert "extra.txt: not in the manifest" in verify_pack(path)


def test_cli_pack_is_reproducible(confirmed_sqlite, tmp_path):
    env = {"FRAUDWATCH_STORE": confirmed_sqlite.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var")}
    runner = CliRunner()
    first = runner.invoke(main, ["evidence", "pack", "altyn-kazino.kz", "--out",
                                 str(tmp_path / "a")], env=env)
    second = runner.invoke(main, ["evidence", "pack", "altyn-kazino.kz", "--out",
                                  str(tmp_path / "b")], env=env)
    assert first.exit_code == 0 and second.exit_code == 0, first.output
    digests = {hashlib.sha256((tmp_path / d / "evidence-altyn-kazino.kz.zip").read_bytes())
               .hexdigest() for d in ("a", "b")}
    assert len(digests) == 1
    missing = runner.invoke(main, ["evidence", "pack", "nowhere.kz"], env=env)
    assert missing.exit_code == 1 and "no site" in missing.output
