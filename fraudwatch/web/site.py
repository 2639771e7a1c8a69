"""The site page `/sites/{domain}` and its screenshots (served from var_dir, names checked)."""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse

from fraudwatch.i18n import _
from fraudwatch.web.render import render
from fraudwatch.web.security import REVIEW_ROLES, Viewer
from fraudwatch.web.sitedetail import site_detail

router = APIRouter(include_in_schema=False)
SCREENSHOT_NAME = re.compile(r"^[0-9a-f]{64}\.png$")


@router.get("/sites/{domain}")
def site_page(request: Request, domain: str, user: Viewer):
    """Render verdict, signs and evidence, captures, network, letters and reviews of a site."""
    detail = site_detail(request.app.state.store, domain.lower())
    if detail is None:
        raise HTTPException(404, _("no site %(domain)s in the store") % {"domain": domain})
    actions = [a for a in REVIEW_ROLES if user.at_least(REVIEW_ROLES[a])]
    return render(request, "site.html", d=detail, actions=actions)


@router.get("/screenshots/{name}")
def screenshot(request: Request, name: str, user: Viewer):
    """A stored screenshot, by its content-addressed file name only."""
    if not SCREENSHOT_NAME.match(name):
        raise HTTPException(404, "no such screenshot")
    path = request.app.state.var_dir / "screenshots" / name
    if not path.is_file():
        raise HTTPException(404, "no such screenshot")
    return FileResponse(path, media_type="image/png")
