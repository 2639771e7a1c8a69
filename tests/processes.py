"""Child processes a test starts: none outlives the test, whether it passes or fails."""

from __future__ import annotations

import os
import signal
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager, suppress


@contextmanager
def reaped(*processes: subprocess.Popen) -> Iterator[tuple[subprocess.Popen, ...]]:
    """Kill whichever of `processes` still runs on the way out, with its process group when it
    leads one, and close their pipes, so a failing test leaves no process or open file behind
    for a later test to trip over."""
    try:
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                kill(process)
            with process:  # closes the pipes and waits
                pass


def kill(process: subprocess.Popen) -> None:
    """SIGKILL `process` (its group when it leads one) and wait for it; no error if it has
    ended already."""
    with suppress(ProcessLookupError):
        if os.getpgid(process.pid) == process.pid:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    process.wait(timeout=30)
