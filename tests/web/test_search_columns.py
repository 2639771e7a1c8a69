"""The analyst chooses the result columns; the choice is kept for the next searches."""

from __future__ import annotations

import re

import pytest

from tests.web.support import XSS

HEADER = re.compile(r'<th data-column="(\w+)">')


@pytest.fixture
def viewer(as_role):
    return as_role("viewer")


def headers(page: str) -> list[str]:
    return HEADER.findall(page)


def row_of(page: str, domain: str) -> str:
    """The table row of the hit on `domain`."""
    return next(row for row in page.split("<tr>") if f'href="/sites/{domain}"' in row)


def test_the_default_columns_and_a_chooser_listing_every_column(viewer):
    page = viewer.get("/search").text
    assert headers(page) == ["verdict", "category", "score", "review_state", "last_seen"]
    assert 'name="cols" value="registrar"' in page and 'name="cols" value="verdict" ' \
        'checked' in page


def test_chosen_columns_show_the_sites_registrar_host_and_network_and_are_kept(viewer):
    chosen = viewer.get("/search", params=[("cols", "category"), ("cols", "registrar"),
                                           ("cols", "hosting"), ("cols", "network_id"),
                                           ("cols", "first_seen")])
    page = chosen.text
    assert headers(page) == ["category", "registrar", "hosting", "network_id", "first_seen"]
    altyn = row_of(page, "altyn-bonus.kz")
    assert '<td data-column="registrar">PS Internet</td>' in altyn
    assert '<td data-column="hosting">Example Host</td>' in altyn
    assert '<a href="/networks/net-1">net-1</a>' in altyn
    hostile = row_of(page, "profit-daily.com")
    assert XSS not in hostile and "&lt;script&gt;" in hostile  # a registrar's name is escaped
    assert "fw_cols" in chosen.headers["set-cookie"]
    again = viewer.get("/search", params={"q": "депозит"}).text  # the cookie keeps the choice
    assert headers(again) == ["category", "registrar", "hosting", "network_id", "first_seen"]
    reset = viewer.get("/search", params={"cols": "default"}).text
    assert headers(reset) == ["verdict", "category", "score", "review_state", "last_seen"]


def test_by_page_the_verdict_is_the_pages_and_the_status_the_sites(viewer, sample_store):
    site = sample_store.get_site_by_domain("tez-nesie.kz")
    site.verdict, site.status = "clean", "blocked"
    sample_store.put_sites([site])
    sample_store.refresh()
    params = [("group", "page"), ("cols", "verdict"), ("cols", "status")]
    by_page = row_of(viewer.get("/search", params=params).text, "tez-nesie.kz")
    assert 'class="verdict illegal"' in by_page and ">blocked</td>" in by_page
    by_site = row_of(viewer.get("/search", params=params[1:]).text, "tez-nesie.kz")
    assert 'class="verdict clean"' in by_site


def test_unknown_columns_are_ignored_and_the_chooser_speaks_the_readers_language(viewer):
    page = viewer.get("/search", params={"cols": "password_hash,ip", "hl": "ru"}).text
    assert headers(page) == ["ip"]
    assert "Столбцы" in page and "Показать эти столбцы" in page
