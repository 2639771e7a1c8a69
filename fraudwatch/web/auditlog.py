"""The audit log for supervisors: a page filtered by who, action, site and dates, newest
first, and the same selection as CSV (`/audit.csv`) and JSON (`/api/audit`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from fraudwatch.domains import ascii_domain
from fraudwatch.i18n import _
from fraudwatch.store import Store
from fraudwatch.store.vocabulary import Action
from fraudwatch.web.csvout import csv_response
from fraudwatch.web.render import render
from fraudwatch.web.security import Supervisor
from fraudwatch.words import word

router = APIRouter(include_in_schema=False)
AUDIT_COLUMNS = ("at", "user", "action", "domain", "site_id", "comment", "wrong_signs", "id")
PAGE_SIZE = 100


class AuditFilterError(ValueError):
    """A filter of the audit log that cannot be applied; the message says why."""


@dataclass(frozen=True)
class AuditFilter:
    """Which entries to show: by person, action, site and the days they were recorded."""

    user: str = ""
    action: str = ""
    domain: str = ""
    since: str = ""
    until: str = ""

    @classmethod
    def parse(cls, params) -> AuditFilter:
        """The filter in a request's query parameters; AuditFilterError on a bad value."""
        values = {name: (params.get(name) or "").strip() for name in
                  ("user", "action", "domain", "since", "until")}
        if values["action"] and values["action"] not in set(Action):
            raise AuditFilterError(_("unknown action %(action)s") % {"action": values["action"]})
        for name in ("since", "until"):
            try:
                values[name] = date.fromisoformat(values[name]).isoformat() if values[name] \
                    else ""
            except ValueError:
                raise AuditFilterError(_("%(field)s must be a date like 2026-11-30")
                                       % {"field": word(name, "field")}) from None
        if values["domain"]:
            values["domain"] = ascii_domain(values["domain"])
        return cls(**values)

    def keeps(self, row: dict[str, str]) -> bool:
        day = row["at"][:10]
        return ((not self.user or row["user"] == self.user)
                and (not self.action or row["action"] == self.action)
                and (not self.domain or row["domain"] == self.domain)
                and (not self.since or day >= self.since)
                and (not self.until or day <= self.until))


def audit_rows(store: Store, keep: AuditFilter | None = None) -> list[dict]:
    """The audit log's entries that `keep` selects (all by default), oldest first, each with
    its site's domain (and the ids of the signs a rejection named wrong: `wrong_signs`)."""
    domains: dict[str, str] = {}
    rows = []
    for entry in store.iter_reviews():
        if entry.site_id not in domains:
            site = store.get_site(entry.site_id)
            domains[entry.site_id] = site.domain if site else ""
        row = {"at": entry.at, "user": entry.user, "action": str(entry.action),
               "domain": domains[entry.site_id], "site_id": entry.site_id,
               "comment": entry.comment, "wrong_signs": list(entry.wrong_signs),
               "id": entry.id}
        if keep is None or keep.keeps(row):
            rows.append(row)
    return sorted(rows, key=lambda row: row["at"])


@router.get("/audit")
def audit_page(request: Request, user: Supervisor):
    """The audit log, newest first, PAGE_SIZE entries a page, with its filters."""
    error, rows = "", []
    try:
        keep = AuditFilter.parse(request.query_params)
        rows = audit_rows(request.app.state.store, keep)[::-1]
    except AuditFilterError as exc:
        keep, error = AuditFilter(), str(exc)
    try:
        page = max(1, int(request.query_params.get("page") or 1))
    except ValueError:
        page = 1
    pages = max(1, -(-len(rows) // PAGE_SIZE))
    query = str(request.url.query)
    return render(request, "audit.html", status_code=400 if error else 200, error=error,
                  keep=keep, rows=rows[(page - 1) * PAGE_SIZE:page * PAGE_SIZE],
                  total=len(rows), page=min(page, pages), pages=pages, actions=tuple(Action),
                  users=sorted({r["user"] for r in audit_rows(request.app.state.store)}),
                  csv_url="/audit.csv" + (f"?{query}" if query else ""))


@router.get("/audit.csv")
def audit_csv(request: Request, user: Supervisor):
    """The filtered audit log (all of it without filters) as CSV, oldest first; the signs
    named wrong as their ids, separated by spaces."""
    try:
        keep = AuditFilter.parse(request.query_params)
    except AuditFilterError as exc:
        return Response(str(exc), status_code=400, media_type="text/plain; charset=utf-8")
    rows = [row | {"wrong_signs": " ".join(row["wrong_signs"])}
            for row in audit_rows(request.app.state.store, keep)]
    return csv_response(AUDIT_COLUMNS, rows, "audit.csv")
