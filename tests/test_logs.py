"""Under cron (stderr not a terminal) every log record is a JSON line, whoever wrote it."""

from __future__ import annotations

import json
import subprocess
import sys


def test_library_and_own_records_are_json_lines_when_not_a_terminal(tmp_path):
    script = (
        "import logging\n"
        "from fraudwatch.logs import setup_logging, get_logger\n"
        "setup_logging('INFO', 'auto')\n"
        "get_logger('fraudwatch.web').info('login', user='aigerim')\n"
        "logging.getLogger('scrapy.core.engine').warning('Ignored response %s', '<200 x>')\n"
        "logging.getLogger('scrapy.core.engine').debug('below the level')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=tmp_path, check=True)
    records = [json.loads(line) for line in result.stderr.splitlines()]
    assert [(r["logger"], r["level"], r["event"]) for r in records] == [
        ("fraudwatch.web", "info", "login"),
        ("scrapy.core.engine", "warning", "Ignored response <200 x>"),
    ]
    assert records[0]["user"] == "aigerim" and all("timestamp" in r for r in records)
