"""RFC 3161 time-stamps on evidence packs, from a TSA on loopback (`openssl ts -reply`): the
pack carries the reply, `evidence verify` and OpenSSL both check it against the TSA's root,
and a pack rewritten afterwards, or stamped under another root, fails."""

from __future__ import annotations

import subprocess
import zipfile

import pytest
from click.testing import CliRunner

from fraudwatch.cli import main
from takedown.evidence import MANIFEST
from takedown.timestamp import TIMESTAMP
from tests.takedown.test_pack_signing import rewrite_with_new_manifest
from tests.takedown.tsa import Tsa, make_ca

pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module")
def tsa():
    with Tsa() as server:
        yield server


def env_for(store, tmp_path, **extra) -> dict:
    return {"FRAUDWATCH_STORE": store.url, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"),
            "FRAUDWATCH_CONFIG": "", **extra}


def make_pack(store, tmp_path, tsa_url: str):
    domain = next(iter(store.iter_sites())).domain
    result = CliRunner().invoke(main, ["evidence", "pack", domain, "--out", str(tmp_path)],
                                env=env_for(store, tmp_path,
                                            FRAUDWATCH_EVIDENCE_TSA_URL=tsa_url))
    return result, tmp_path / f"evidence-{domain}.zip"


def verify(store, tmp_path, pack, root):
    return CliRunner().invoke(main, ["evidence", "verify", str(pack)],
                              env=env_for(store, tmp_path,
                                          FRAUDWATCH_EVIDENCE_TSA_CA=str(root)))


def test_a_time_stamped_pack_verifies_here_and_with_openssl(confirmed_sqlite, tmp_path, tsa):
    result, pack = make_pack(confirmed_sqlite, tmp_path, tsa.url)
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(pack) as zf:
        assert TIMESTAMP in zf.namelist() and TIMESTAMP in zf.read("README.txt").decode()
        zf.extract(MANIFEST, tmp_path)
        zf.extract(TIMESTAMP, tmp_path)
    checked = verify(confirmed_sqlite, tmp_path, pack, tsa.root)
    assert checked.exit_code == 0, checked.output
    assert "time-stamped 20" in checked.output and "CN=Test TSA" in checked.output
    openssl = subprocess.run(["openssl", "ts", "-verify", "-data", str(tmp_path / MANIFEST),
                              "-in", str(tmp_path / TIMESTAMP), "-CAfile", str(tsa.root)],
                             capture_output=True, text=True)
    assert openssl.returncode == 0 and "Verification: OK" in openssl.stdout


def test_a_pack_rewritten_after_its_time_stamp_fails(confirmed_sqlite, tmp_path, tsa):
    _result, pack = make_pack(confirmed_sqlite, tmp_path, tsa.url)
    rewrite_with_new_manifest(pack)  # keeps the old time-stamp beside the new manifest
    with zipfile.ZipFile(pack, "a") as zf:
        assert TIMESTAMP in zf.namelist()
    checked = verify(confirmed_sqlite, tmp_path, pack, tsa.root)
    assert checked.exit_code == 1
    assert f"TAMPERED {TIMESTAMP}: the time-stamp does not verify" in checked.output


def test_a_time_stamp_under_another_root_or_none_at_all_fails(confirmed_sqlite, tmp_path, tsa):
    _result, pack = make_pack(confirmed_sqlite, tmp_path, tsa.url)
    make_ca(tmp_path / "other", "Another Root")
    other = verify(confirmed_sqlite, tmp_path, pack, tmp_path / "other" / "root.pem")
    assert other.exit_code == 1 and "the time-stamp does not verify" in other.output
    _result, plain = make_pack(confirmed_sqlite, tmp_path / "plain", "")
    missing = verify(confirmed_sqlite, tmp_path, plain, tsa.root)
    assert missing.exit_code == 1 and f"{TIMESTAMP} is missing" in missing.output


def test_an_unreachable_tsa_is_a_clear_error_and_no_pack(confirmed_sqlite, tmp_path):
    result, pack = make_pack(confirmed_sqlite, tmp_path, "http://127.0.0.1:9/tsa")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "time-stamping authority http://127.0.0.1:9/tsa failed" in result.output
    assert "evidence.tsa_url" in result.output and not pack.exists()
