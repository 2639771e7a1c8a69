"""Writing a spreadsheet-safe CSV file named on the command line (fraudwatch.csvfile)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click


def save_csv(path: Path, columns: tuple[str, ...], rows: Iterable[dict]) -> None:
    """`rows` as CSV at `path`; a disk that refuses it is a CLI error naming the file."""
    from fraudwatch.csvfile import write_csv

    try:
        with path.open("w", encoding="utf-8", newline="") as out:
            write_csv(out, columns, rows)
    except OSError as exc:
        raise click.ClickException(f"cannot write {path}: {exc.strerror or exc}") from exc
