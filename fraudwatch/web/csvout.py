"""CSV downloads (the audit log, search results), written by fraudwatch.csvfile."""

from __future__ import annotations

import io
from collections.abc import Iterable

from fastapi.responses import Response

from fraudwatch.csvfile import write_csv


def csv_response(columns: tuple[str, ...], rows: Iterable[dict], filename: str) -> Response:
    """A CSV attachment of `rows` (dicts keyed by `columns`)."""
    out = io.StringIO()
    write_csv(out, columns, rows)
    return Response(out.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
