"""The network pages `/networks` and `/networks/{id}`, their graph, the site page's network
link and mirror badge, and /api/networks, on both stores."""

from __future__ import annotations

import re

import pytest

from fraudwatch.networks import Link
from fraudwatch.store import Site
from fraudwatch.web.networkgraph import HEIGHT, WIDTH, circle_layout
from tests.web.support import XSS


@pytest.fixture
def viewer(networked, as_role):
    return as_role("viewer")


def test_network_page_lists_members_links_and_draws_them(viewer):
    page = viewer.get("/networks/net-1").text
    for domain in ("altyn-bonus.kz", "tez-nesie.kz", "profit-daily.com"):
        assert f'href="/sites/{domain}"' in page
        assert f'data-domain="{domain}"' in page  # a node of the graph
    assert "altyn_pay" in page and "+77015551234" in page  # the shared values
    assert re.search(r'<text class="edge-label"[^>]*>'
                     r'IP address, phone number, Telegram account</text>', page)
    assert page.count('<g class="node"') == 3 and page.count("<line ") == 2
    assert "<td>2.0</td>" in page  # telegram 1.0 + phone 0.8 + ip 0.2


def test_network_page_escapes_titles_and_fingerprint_values(viewer):
    page = viewer.get("/networks/net-1").text
    assert XSS not in page
    assert page.count("&lt;script&gt;alert(") >= 2  # the title and the shared ym value


def test_networks_list_is_largest_first_with_states(viewer):
    page = viewer.get("/networks").text
    assert 'href="/networks/net-1"' in page
    assert "confirmed 1" in page and "not reviewed 2" in page
    assert "<td>3</td>" in page


def test_site_page_links_to_its_network_and_shows_mirror_alert(viewer):
    page = viewer.get("/sites/tez-nesie.kz").text
    assert 'href="/networks/net-1"' in page
    assert re.search(r'class="badge mirror" href="/sites/altyn-bonus.kz">mirror of altyn-bonus.kz',
                     page)
    assert '<tr class="mirror-alert">' in page and "shares telegram:altyn_pay" in page


@pytest.mark.parametrize("network_id", ["net-nope", "*", "net-1 OR 1=1", "%27%22%3C", "x" * 600])
def test_unknown_network_is_404(viewer, network_id):
    assert viewer.get(f"/networks/{network_id}").status_code == 404
    assert viewer.get(f"/api/networks/{network_id}").status_code == 404


def test_network_pages_need_a_login(client):
    assert client.get("/networks/net-1", follow_redirects=False).status_code == 303
    assert client.get("/api/networks/net-1").status_code == 401


def test_api_network_gives_members_and_shared_fingerprints(viewer):
    body = viewer.get("/api/networks/net-1").json()
    assert [m["domain"] for m in body["members"]] == [
        "altyn-bonus.kz", "profit-daily.com", "tez-nesie.kz"]
    links = {(x["a"], x["b"]): x for x in body["links"]}
    mirror = links[("altyn-bonus.kz", "tez-nesie.kz")]
    assert mirror["shared"] == {"ip": "203.0.113.7", "phone": "+77015551234",
                                "telegram": "altyn_pay"}
    assert mirror["weight"] == 2.0
    assert links[("altyn-bonus.kz", "profit-daily.com")]["shared"] == {"ym": XSS}
    listed = viewer.get("/api/networks").json()
    assert listed[0]["id"] == "net-1" and listed[0]["size"] == 3


def test_circle_layout_is_deterministic_and_inside_the_picture():
    sites = [Site(domain=f"s{i}.kz", verdict="illegal") for i in range(7)]
    sites[3].mirror_of = "s0.kz"
    links = [Link("s0.kz", "s3.kz", {"telegram": "x"}), Link("s1.kz", "s9.kz", {"btc": "y"})]
    graph = circle_layout(list(reversed(sites)), links)
    assert graph == circle_layout(sites, links)
    assert graph.nodes[0].domain == "s0.kz" and graph.nodes[0].y < HEIGHT / 2  # at the top
    assert all(0 < n.x < WIDTH and 0 < n.y < HEIGHT for n in graph.nodes)
    assert len(graph.edges) == 1 and graph.edges[0].mirror
    assert graph.edges[0].label == "Telegram account"
