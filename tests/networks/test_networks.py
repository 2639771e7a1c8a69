"""Networks join sites of one operator and nothing that shares only infrastructure."""

from __future__ import annotations

import pytest

from classifiers.fingerprints import extract
from fraudwatch.networks import THRESHOLD, build_networks, cluster, find_links, watch_mirrors
from fraudwatch.store import Site

TEMPLATE = """<html><head>{head}</head><body class="dark">
<header class="top"><nav class="menu"><a href="/">Главная</a><a href="/bonus">Бонусы</a></nav>
</header><main class="slots"><section class="hero"><h1>{title}</h1><p>{text}</p></section>
<section class="games"><div class="card"></div><div class="card"></div></section></main>
<footer class="foot"><p>{contacts}</p></footer></body></html>"""
JQUERY = '<script src="https://cdn.example-cdn.net/jquery/3.7.1/jquery.min.js"></script>'


def page(title, text, contacts="", head=JQUERY):
    return TEMPLATE.format(title=title, text=text, contacts=contacts, head=head)


def news_page(text):
    return (f"<html><head>{JQUERY}</head><body><article><h2>Новости</h2><p>{text}</p>"
            "<ul><li>один</li><li>два</li></ul></article><aside><form><input></form></aside>"
            "</body></html>")


def test_extract_normalises_contacts_ids_and_wallets():
    html = page("Алтын", "Пополнение USDT TRC20", head=JQUERY + "<script>ym(87654321, 'init')"
                "</script>", contacts='<a href="https://t.me/Altyn_Support">TG</a> '
                '+7 (701) 555-12-34 <a href="https://wa.me/77015551234">WA</a> '
                'Support@Altyn-Win.kz 0x52908400098527886E0F7030069857D2E4169EE7')
    prints = extract(html, "http://altyn-win.kz/", ip="198.51.100.4")
    assert prints["telegram"] == ["altyn_support"]
    assert prints["phone"] == ["+77015551234"]
    assert prints["ym"] == ["87654321"]
    assert prints["email"] == ["support@altyn-win.kz"]
    assert prints["eth"] == ["0x52908400098527886e0f7030069857d2e4169ee7"]
    assert prints["ip"] == ["198.51.100.4"]


def test_canonical_pointing_elsewhere_is_a_link_target():
    html = '<link rel="canonical" href="https://altyn-win2.kz/">' + page("a", "b")
    assert extract(html, "http://altyn-win.kz/")["link_target"] == ["altyn-win2.kz"]
    own = '<link rel="canonical" href="http://altyn-win.kz/">' + page("a", "b")
    assert "link_target" not in extract(own, "http://altyn-win.kz/")


@pytest.fixture
def farm_like_sites():
    operator = '<a href="https://t.me/altyn_pay">TG</a> +7 701 555 12 34'
    return {
        "altyn-win.kz": extract(page("Алтын казино", "Фриспины каждый день", operator),
                                "http://altyn-win.kz/", ip="198.51.100.4"),
        "altyn-win2.kz": extract(page("Алтын казино зеркало", "Рабочее зеркало", operator),
                                 "http://altyn-win2.kz/", ip="203.0.113.9"),
        "news-one.kz": extract(news_page("Суд закрыл пирамиду"), "http://news-one.kz/",
                               ip="198.51.100.4"),
        "shop-two.kz": extract(news_page("Бонусы за покупки в магазине"), "http://shop-two.kz/",
                               ip="198.51.100.4"),
    }


def test_mirror_pair_joins_and_cdn_or_library_does_not(farm_like_sites):
    networks = cluster(farm_like_sites)
    assert [n.members for n in networks] == [["altyn-win.kz", "altyn-win2.kz"]]
    link = networks[0].links[0]
    assert {"telegram", "phone"} <= set(link.shared) and link.weight >= THRESHOLD


def test_shared_ip_and_template_alone_stay_below_threshold(farm_like_sites):
    pairs = {(x.a, x.b) for x in find_links(farm_like_sites, threshold=0.0)}
    assert ("news-one.kz", "shop-two.kz") in pairs  # they share an IP and a similar template
    assert ("news-one.kz", "shop-two.kz") not in {(x.a, x.b) for x in find_links(farm_like_sites)}


def test_value_on_many_sites_is_infrastructure():
    sites = {f"site{i}.kz": {"telegram": ["cdn_widget_bot"]} for i in range(60)}
    assert cluster(sites) == []
    assert len(cluster(sites, max_shared=100)) == 1


def test_networks_are_written_and_mirrors_of_confirmed_sites_alerted(store, farm_like_sites,
                                                                     tmp_path):
    store.put_sites([Site(domain=d, fingerprints=f) for d, f in farm_like_sites.items()])
    store.refresh()
    networks = build_networks(store)
    ids = {d: store.get_site_by_domain(d).network_id for d in farm_like_sites}
    assert ids["altyn-win.kz"] == ids["altyn-win2.kz"] == networks[0].id
    assert ids["news-one.kz"] == ids["shop-two.kz"] == ""

    assert watch_mirrors(store, tmp_path) == []  # nothing confirmed yet
    confirmed = store.get_site_by_domain("altyn-win.kz")
    confirmed.review_state = "confirmed"
    store.put_sites([confirmed])
    store.refresh()
    alerts = watch_mirrors(store, tmp_path)
    assert len(alerts) == 1 and "telegram:altyn_pay" in alerts[0].comment
    mirror = store.get_site_by_domain("altyn-win2.kz")
    assert mirror.mirror_of == "altyn-win.kz"
    assert [r.action for r in store.reviews_for(mirror.id)] == ["mirror_alert"]
    assert (tmp_path / "seeds" / "priority.txt").read_text().split() == ["altyn-win2.kz"]
    assert watch_mirrors(store, tmp_path) == []  # alerted once
