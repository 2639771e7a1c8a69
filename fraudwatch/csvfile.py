"""Spreadsheet-safe CSV: UTF-8 with a BOM so spreadsheets read Cyrillic right, and cells a
spreadsheet would run as formulas defused. Every CSV a person opens is written here."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """`value` as text, with a leading quote when a spreadsheet would take it for a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in FORMULA_STARTS else text


def write_csv(out: TextIO, columns: tuple[str, ...], rows: Iterable[dict]) -> None:
    """Write the BOM, a header of `columns` and `rows` (dicts keyed by `columns`) to `out`."""
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: csv_cell(row.get(k)) for k in columns})
