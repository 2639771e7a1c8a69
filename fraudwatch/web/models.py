"""The models page `/models`: every model version with its figures, and the pages where the
version running in shadow disagrees with the promoted one, with the signs of each, so a
supervisor can judge before `fraudwatch model promote`."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, HTTPException, Request

from fraudwatch.i18n import _
from fraudwatch.learning.compare import compare
from fraudwatch.learning.versionlist import version_rows
from fraudwatch.modelversions import ModelVersions, VersionError
from fraudwatch.web.render import render
from fraudwatch.web.security import Supervisor

router = APIRouter(include_in_schema=False)

ROWS_SHOWN = 200
Change = Literal["all", "to_illegal", "from_illegal"]


@router.get("/models")
def models_page(request: Request, user: Supervisor, version: int | None = None,
                change: Change = "all"):
    """The versions, and the disagreements of `version` (default: the shadow one)."""
    versions = ModelVersions(request.app.state.var_dir)
    try:
        rows = version_rows(versions)
        number = version or versions.shadow()
        name = versions.info(number).name if number else ""
    except VersionError as exc:
        if version:
            raise HTTPException(404, _("There is no model version %(number)s.")
                                % {"number": version}) from exc
        raise HTTPException(500, _("The model versions cannot be read: %(error)s")
                            % {"error": exc}) from exc
    found = compare(request.app.state.store, name) if number else None
    shown = [] if found is None else [
        row for row in found.disagreements
        if change == "all" or getattr(row, change)]
    return render(request, "models.html", rows=rows, number=number, found=found,
                  shown=shown[:ROWS_SHOWN], total=len(shown), change=change,
                  to_illegal=sum(r.to_illegal for r in found.disagreements) if found else 0,
                  from_illegal=sum(r.from_illegal for r in found.disagreements) if found else 0)
