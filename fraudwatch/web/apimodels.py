"""Request and response bodies of the JSON API (they make the OpenAPI document)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from fraudwatch.store.query import Hit
from fraudwatch.web.security import REVIEW_ROLES

ReviewAction = Literal[tuple(str(a) for a in REVIEW_ROLES)]  # type: ignore[valid-type]


class SearchOut(BaseModel):
    total: int
    page: int
    size: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    estimated: list[str] = Field(default_factory=list, description=(
        "the facets, and \"total\" for the total, whose counts are estimated from a sample "
        "of the sites (by site, over many pages, on Elasticsearch); the others are exact"))


class SiteOut(BaseModel):
    site: dict[str, Any]
    pages: list[dict[str, Any]]
    captures: list[dict[str, Any]]
    related: list[str]
    letters: list[dict[str, Any]]
    reviews: list[dict[str, Any]]


class LinkOut(BaseModel):
    a: str
    b: str
    shared: dict[str, str] = Field(description="fingerprint kind -> one shared value")
    weight: float


class NetworkOut(BaseModel):
    id: str
    members: list[dict[str, Any]]
    links: list[LinkOut]


class NetworkSummaryOut(BaseModel):
    id: str
    size: int
    review_states: dict[str, int]
    verdicts: dict[str, int]
    domains: list[str]


class ReviewIn(BaseModel):
    action: ReviewAction
    comment: str = Field("", max_length=4000)
    wrong_signs: list[str] = Field(
        default_factory=list, max_length=100,
        description="reject or delist only: ids of the site's signs the model got wrong")


class ReviewOut(BaseModel):
    id: str
    site_id: str
    user: str
    action: str
    comment: str
    at: str
    wrong_signs: list[str] = []


class AuditOut(BaseModel):
    at: str
    user: str
    action: str
    domain: str
    site_id: str
    comment: str
    id: str
    wrong_signs: list[str] = []


class CheckIn(BaseModel):
    url: str = Field(min_length=1, max_length=2000)
    lang: Literal["ru", "kk", "en"] = "ru"


class CheckOut(BaseModel):
    url: str
    domain: str
    known: bool
    verdict: str
    category: str
    message: str
    signs: list[str]
    review: Literal["confirmed", "cleared", "automatic", ""] = Field(
        "", description="confirmed or cleared by the regulator, or an automatic verdict")
    decided_on: str = Field("", description="day of the regulator's decision (YYYY-MM-DD)")
