"""Shared fixtures of the crawler tests."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.paths import ROOT


@pytest.fixture
def fraudwatch_cli(tmp_path):
    """Run `fraudwatch -q --store sqlite:///<tmp>/fw.db ARGS...` in a subprocess (a Twisted
    reactor cannot restart in-process) with var_dir in tmp; fail with its stderr if it fails."""

    def run(*args: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "FRAUDWATCH_VAR_DIR": str(tmp_path / "var"),
               "PYTHONPATH": str(ROOT), "FRAUDWATCH_LOG_LEVEL": "WARNING"}
        env.pop("FRAUDWATCH_CONFIG", None)
        result = subprocess.run(
            [sys.executable, "-m", "fraudwatch", "-q", "--store",
             f"sqlite:///{tmp_path}/fw.db", *args],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240)
        assert result.returncode == 0, result.stderr[-3000:]
        return result

    return run
