"""The network pages: `/networks` (largest first) and `/networks/{network_id}` with its graph."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from fraudwatch.i18n import _
from fraudwatch.store.vocabulary import VERDICTS
from fraudwatch.web.charts import PALETTE
from fraudwatch.web.networkdetail import network_detail, network_summaries
from fraudwatch.web.networkgraph import BLOCKED_RING, STATE_RING
from fraudwatch.web.render import render
from fraudwatch.web.security import Viewer

router = APIRouter(include_in_schema=False)


@router.get("/networks")
def networks_page(request: Request, user: Viewer):
    """List the recorded operator networks with their size and review states."""
    return render(request, "networks.html",
                  networks=network_summaries(request.app.state.store))


@router.get("/networks/{network_id}")
def network_page(request: Request, network_id: str, user: Viewer):
    """Render a network's members, the fingerprints that join them, and its graph."""
    detail = network_detail(request.app.state.store, network_id)
    if detail is None:
        raise HTTPException(404, _("no network %(id)s in the store") % {"id": network_id})
    verdicts = {v: PALETTE[v] for v in VERDICTS}
    rings = STATE_RING | {"blocked": BLOCKED_RING}
    return render(request, "network.html", n=detail, graph=detail.graph, verdicts=verdicts,
                  rings=rings)
