"""Progress bars for long commands: rich on a terminal, nothing under cron (`--quiet`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


@contextmanager
def progress_bar(enabled: bool, description: str) -> Iterator[Callable[[int, int], None]]:
    """A `report(done, total)` callback drawing one bar on stderr while the block runs; log
    lines written meanwhile are printed above the bar, never glued to it."""
    if not enabled:
        yield lambda done, total: None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(description, total=None)

        def report(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield report
