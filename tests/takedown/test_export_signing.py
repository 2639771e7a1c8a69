"""A signed block list: `export --out FILE --sign` writes FILE.sig, which OpenSSL verifies
against the agency's public key, and which fails once the file is changed."""

from __future__ import annotations

import base64
import subprocess

from click.testing import CliRunner

from fraudwatch.cli import main


def keygen(tmp_path):
    result = CliRunner().invoke(main, ["evidence", "keygen", str(tmp_path / "keys")])
    assert result.exit_code == 0, result.output
    keys = tmp_path / "keys"
    return keys / "evidence-signing.pem", keys / "evidence-signing.pub.pem"


def openssl_verifies(public, data_file, signature_file, tmp_path) -> bool:
    raw = tmp_path / "signature.bin"
    raw.write_bytes(base64.b64decode(signature_file.read_bytes()))
    result = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", str(public),
                             "-rawin", "-in", str(data_file), "-sigfile", str(raw)],
                            capture_output=True, text=True)
    return result.returncode == 0 and "Signature Verified Successfully" in result.stdout


def test_a_signed_export_verifies_with_openssl_and_a_changed_one_does_not(confirmed_sqlite,
                                                                         tmp_path):
    private, public = keygen(tmp_path)
    env = {"FRAUDWATCH_STORE": confirmed_sqlite.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"),
           "FRAUDWATCH_EVIDENCE_SIGNING_KEY": str(private)}
    out = tmp_path / "blocklist.csv"
    result = CliRunner().invoke(main, ["export", "--format", "csv", "--out", str(out), "--sign"],
                                env=env)
    assert result.exit_code == 0, result.output
    signature = tmp_path / "blocklist.csv.sig"
    assert "signed by key" in result.output and signature.is_file()
    assert out.read_text(encoding="utf-8").count("\n") > 1  # the confirmed sites are in it
    assert openssl_verifies(public, out, signature, tmp_path)
    out.write_bytes(out.read_bytes().replace(b"\n", b"\r\n", 1))  # one byte more
    assert not openssl_verifies(public, out, signature, tmp_path)


def test_sign_without_a_key_or_a_file_is_a_clear_error(confirmed_sqlite, tmp_path):
    env = {"FRAUDWATCH_STORE": confirmed_sqlite.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var")}
    out = tmp_path / "registry.xml"
    no_key = CliRunner().invoke(main, ["export", "--format", "registry", "--out", str(out),
                                       "--sign"], env=env)
    assert no_key.exit_code == 1 and "--sign needs the agency's key" in no_key.output
    assert "Traceback" not in no_key.output and not out.exists()
    no_file = CliRunner().invoke(main, ["export", "--sign"], env=env)
    assert no_file.exit_code == 2 and "--sign goes with --out FILE" in no_file.output
