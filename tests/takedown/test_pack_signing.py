"""Signed evidence packs: a pack whose files and manifest were both rewritten fails
`evidence verify` against the agency's public key; a huge entry is refused, not read."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile

import pytest
from click.testing import CliRunner

from fraudwatch.cli import main
from takedown import evidence
from takedown.evidence import MANIFEST, SIGNATURE, EvidenceError, manifest, verify_pack


@pytest.fixture
def keys(tmp_path):
    result = CliRunner().invoke(main, ["evidence", "keygen", str(tmp_path / "keys")])
    assert result.exit_code == 0, result.output
    private = tmp_path / "keys" / "evidence-signing.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    return private, tmp_path / "keys" / "evidence-signing.pub.pem"


def _env(store, tmp_path, **extra):
    return {"FRAUDWATCH_STORE": store.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"),
            **extra}


def rewrite_with_new_manifest(path) -> None:
    """What a forger does: change site.json and recompute the manifest to match."""
    with zipfile.ZipFile(path) as zf:
        files = {n: zf.read(n) for n in zf.namelist()}
    site = json.loads(files["site.json"])
    site["verdict"] = "clean"
    files["site.json"] = json.dumps(site).encode()
    files.pop(MANIFEST)
    signature = files.pop(SIGNATURE, None)
    files[MANIFEST] = manifest(files)
    if signature is not None:
        files[SIGNATURE] = signature
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)


def test_a_rewritten_signed_pack_fails_verify(confirmed_sqlite, tmp_path, keys):
    private, public = keys
    runner = CliRunner()
    signing = _env(confirmed_sqlite, tmp_path, FRAUDWATCH_EVIDENCE_SIGNING_KEY=str(private))
    made = runner.invoke(main, ["evidence", "pack", "profit-daily.com", "--out",
                                str(tmp_path / "packs")], env=signing)
    assert made.exit_code == 0, made.output
    path = tmp_path / "packs" / "evidence-profit-daily.com.zip"
    with zipfile.ZipFile(path) as zf:
        assert SIGNATURE in zf.namelist()
        assert "Ed25519" in zf.read("README.txt").decode()
    checking = _env(confirmed_sqlite, tmp_path, FRAUDWATCH_EVIDENCE_PUBLIC_KEY=str(public))
    good = runner.invoke(main, ["evidence", "verify", str(path)], env=checking)
    assert good.exit_code == 0 and "signed by" in good.output
    rewrite_with_new_manifest(path)
    assert verify_pack(path) == []  # the manifest alone cannot tell
    bad = runner.invoke(main, ["evidence", "verify", str(path)], env=checking)
    assert bad.exit_code == 1 and "not signed by the trusted key" in bad.output


def test_without_a_trusted_key_verify_says_what_it_cannot_tell(confirmed_sqlite, tmp_path):
    path = evidence.build_pack(confirmed_sqlite, "profit-daily.com", tmp_path / "var",
                               tmp_path / "packs")
    result = CliRunner().invoke(main, ["evidence", "verify", str(path)],
                                env=_env(confirmed_sqlite, tmp_path))
    assert result.exit_code == 0 and "no trusted key is configured" in result.output


def test_an_unsigned_pack_fails_against_a_trusted_key(confirmed_sqlite, tmp_path, keys):
    path = evidence.build_pack(confirmed_sqlite, "profit-daily.com", tmp_path / "var",
                               tmp_path / "packs")
    from takedown.signing import public_key

    assert verify_pack(path, public_key(str(keys[1]))) == [
        f"{SIGNATURE} is missing: the pack is not signed"]


def test_a_bad_key_is_a_clear_error(confirmed_sqlite, tmp_path):
    (tmp_path / "not-a-key.pem").write_text("hello")
    env = _env(confirmed_sqlite, tmp_path, FRAUDWATCH_EVIDENCE_SIGNING_KEY=str(tmp_path / "nope"))
    result = CliRunner().invoke(main, ["evidence", "pack", "profit-daily.com"], env=env)
    assert result.exit_code == 1 and "cannot be read" in result.output
    env["FRAUDWATCH_EVIDENCE_SIGNING_KEY"] = str(tmp_path / "not-a-key.pem")
    result = CliRunner().invoke(main, ["letters", "build", "--no-pdf"], env=env)
    assert result.exit_code == 1 and "not an unencrypted PEM" in result.output
    assert "Traceback" not in result.output


def test_an_entry_over_the_bound_is_refused_unread(tmp_path, monkeypatch):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("site.json", b"\0" * 4096)
        zf.writestr(MANIFEST, f"{hashlib.sha256(b'x').hexdigest()}  site.json\n")
    monkeypatch.setattr(evidence, "MAX_ENTRY_BYTES", 1024)
    with pytest.raises(EvidenceError, match="over the"):
        verify_pack(path)
