"""The benchmark command, bench/run, end to end on its cheapest row (no Elasticsearch, Redis or
browser needed)."""

from __future__ import annotations

import json
import subprocess

from tests.paths import ROOT


def test_bench_run_quick_classify_row(tmp_path):
    out = tmp_path / "table.json"
    result = subprocess.run([str(ROOT / "bench" / "run"), "--quick", "--only", "classify",
                             "--json", str(out)], cwd=tmp_path, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    table = json.loads(out.read_text())
    assert table["quick"] is True and table["errors"] == {}
    assert [row["id"] for row in table["rows"]] == ["3a", "3b", "3c", "3d"]
    assert table["rows"][0]["value"] > 0 and "pages/s" in table["rows"][0]["figure"]
    raw = table["raw"]["classify"]
    assert raw["fast_ratio"] > 0 and raw["encoder_pages_s"] > 0 and raw["load_s"] > 0
    signs = raw["signs"]
    assert signs["prefiltered_ms"] > 0 and signs["plain_ms"] > 0  # same matches, both timed
    # each row as soon as measured, then the table, then the total time
    assert result.stdout.count("fast stage only") == 2
    assert result.stdout.count("sentence encoder on every page") == 2
    assert "\ntotal: " in result.stdout


def test_bench_run_rejects_an_unknown_row():
    result = subprocess.run([str(ROOT / "bench" / "run"), "--only", "3,nosuchrow"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and "unknown row 'nosuchrow'" in result.stderr
