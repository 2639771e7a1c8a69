"""The site page `/sites/{domain}` and its screenshots (served from var_dir, names checked)."""

from __future__ import annotations

import re

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, Response

from fraudwatch.i18n import _
from fraudwatch.logs import get_logger
from fraudwatch.web.render import render
from fraudwatch.web.replay import kept_record
from fraudwatch.web.security import REVIEW_ROLES, Viewer
from fraudwatch.web.sitedetail import site_detail
from takedown.evidence import EvidenceError, build_pack
from takedown.signing import signer
from takedown.timestamp import tsa_of

log = get_logger("fraudwatch.web.site")
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
        raise HTTPException(404, _("no such screenshot"))
    path = request.app.state.var_dir / "screenshots" / name
    if not path.is_file():
        raise HTTPException(404, _("no such screenshot"))
    return FileResponse(path, media_type="image/png")


@router.get("/sites/{domain}/captures/{capture_id}.warc")
def capture_record(request: Request, domain: str, capture_id: str, user: Viewer):
    """The WARC record of one capture, byte for byte as the crawl wrote it (warcio reads
    it; pywb replays it)."""
    return Response(kept_record(request, domain, capture_id), media_type="application/warc",
                    headers={"Content-Disposition":
                             f'attachment; filename="{capture_id}.warc.gz"'})


@router.get("/sites/{domain}/evidence.zip")
def evidence_pack(request: Request, domain: str, user: Viewer):
    """The site's evidence pack (WARC records, screenshots, signs, audit, SHA-256 manifest),
    built now from what the store holds, as `fraudwatch evidence pack` builds it."""
    state = request.app.state
    try:
        path = build_pack(state.store, domain, state.var_dir, state.var_dir / "evidence",
                          signer(state.config), tsa_of(state.config))
    except EvidenceError as exc:
        if state.store.get_site_by_domain(domain) is not None:  # the site is there: the TSA
            log.error("evidence_pack_failed", domain=domain, error=str(exc))
            raise HTTPException(503, _("The evidence pack cannot be made now; the server log "
                                       "says why.")) from None
        raise HTTPException(404, _("no site %(domain)s in the store") % {"domain": domain}) \
            from None
    return FileResponse(path, media_type="application/zip", filename=path.name)
