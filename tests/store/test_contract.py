"""One contract for both store backends: SQLite (embedded) and a real Elasticsearch node."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fraudwatch.store import Capture, Letter, Page, Review, SearchQuery, SignHit, Site, stable_id
from fraudwatch.store.query import QueryError


def page(url, text, *, category="legit", verdict="clean", score=0.1, signs=(), lang="ru",
         last_seen="2026-11-01T10:00:00+00:00", title="", tld="kz", status="live"):
    domain = url.split("/")[2]
    return Page(url=url, domain=domain, tld=tld, title=title or f"Title of {domain}", text=text,
                lang=lang, category=category, verdict=verdict, score=score,
                signs=[SignHit(s, s.split(".")[0], 1.0, f"evidence for {s}") for s in signs],
                last_seen=last_seen, status=status)


CORPUS = [
    page("http://altyn-bonus.kz/", "Фриспины и бонус на депозит 200%. Рабочее зеркало казино.",
         category="casino", verdict="illegal", score=0.97,
         signs=["casino.free_spins", "casino.deposit_bonus", "casino.mirror"],
         last_seen="2026-11-03T10:00:00+00:00"),
    page("http://altyn-bonus.kz/bonus", "Вейджер x40 на бонусы, слоты и ставки.",
         category="casino", verdict="suspicious", score=0.7, signs=["casino.wagering"],
         last_seen="2026-11-02T10:00:00+00:00"),
    page("http://profit-daily.com/", "Guaranteed returns of 3% every day. Invest now, "
         "invite friends and earn from three referral levels.", category="pyramid",
         verdict="illegal", score=0.99, lang="en", tld="com",
         signs=["pyramid.fixed_return", "pyramid.referral_levels"],
         last_seen="2026-11-05T10:00:00+00:00"),
    page("http://tez-nesie.kz/", "Несие бас тартусыз, кредиттік тарихсыз. ЖСН және карта "
         "CVV кодын енгізіңіз.", category="loan", verdict="illegal", score=0.95, lang="kk",
         signs=["loan.no_refusal", "loan.asks_cvv"], last_seen="2026-11-04T10:00:00+00:00"),
    page("http://bank-example.kz/deposits", "Депозиты банка: ставка 14% годовых, лицензия "
         "АРРФР № 1.2.34. Доходы по вкладам застрахованы.", category="legit",
         verdict="licensed", score=0.05, last_seen="2026-10-20T10:00:00+00:00"),
    page("http://news-example.kz/pyramid-closed", "Суд закрыл финансовую пирамиду, которая "
         "обещала доходы каждый день.", category="legit", verdict="clean", score=0.2,
         last_seen="2026-10-25T10:00:00+00:00", status="down"),
]


@pytest.fixture
def searchable(store):
    store.put_pages(CORPUS)
    store.refresh()
    return store


def urls(result):
    return [h.url for h in result.hits]


def test_setup_is_idempotent_and_ping_describes_backend(store):
    store.setup()
    store.setup()
    assert store.ping()
    assert store.count("page") == 0


def test_upsert_by_stable_id_is_idempotent(store):
    store.put_pages(CORPUS)
    store.put_pages(CORPUS)
    store.refresh()
    assert store.count("page") == len(CORPUS)
    changed = page(CORPUS[0].url, "Теперь здесь заглушка хостинга.", verdict="clean",
                   last_seen="2026-11-09T10:00:00+00:00")
    store.put_pages([changed])
    store.refresh()
    assert store.count("page") == len(CORPUS)
    got = store.get_page(stable_id("page", CORPUS[0].url))
    assert got.verdict == "clean" and "заглушка" in got.text
    assert store.search(SearchQuery(text="фриспины")).total == 0


def test_first_seen_keeps_the_earliest_sighting(store):
    first = page("http://a-site.kz/", "раз", last_seen="2026-01-01T00:00:00+00:00")
    later = page("http://a-site.kz/", "два", last_seen="2026-06-01T00:00:00+00:00")
    later.first_seen = "2026-06-01T00:00:00+00:00"
    store.put_pages([first])
    store.put_pages([later])
    got = store.get_page(first.id)
    assert got.first_seen == "2026-01-01T00:00:00+00:00"
    assert got.last_seen == "2026-06-01T00:00:00+00:00"
    assert got.text == "два"


def test_documents_round_trip_and_missing_ids_give_none(store):
    site = Site(domain="altyn-bonus.kz", tld="kz", category="casino", verdict="illegal",
                signs=["casino.mirror"], first_seen="2026-11-01T00:00:00+00:00",
                last_seen="2026-11-03T00:00:00+00:00", ip="203.0.113.7")
    cap = Capture(url="http://altyn-bonus.kz/", fetched_at="2026-11-03T00:00:00+00:00",
                  domain="altyn-bonus.kz", status=200, headers={"Content-Type": "text/html"},
                  redirects=["http://altyn-bonus.kz"], fingerprints={"telegram": ["@altyn"]},
                  warc_file="run.warc.gz", warc_offset=1234, html_sha256="ab" * 32)
    letter = Letter(number="01-02/77", date="2026-11-10", letter_type="ministry",
                    recipient="ministry", site_ids=[site.id], files={"letter.pdf": "cd" * 32})
    store.put_sites([site])
    store.put_captures([cap])
    store.put_letters([letter])
    assert store.get_site(site.id) == store.get_site_by_domain("altyn-bonus.kz")
    assert store.get_site(site.id).signs == ["casino.mirror"]
    assert store.get_capture(cap.id) == cap
    assert store.get_letter(letter.id) == letter
    for getter in (store.get_site, store.get_capture, store.get_page, store.get_letter):
        assert getter("0" * 32) is None


def test_bulk_write_of_many_pages(store):
    pages = [page(f"http://bulk-{i}.kz/", f"страница номер {i} бонус") for i in range(1200)]
    assert store.put_pages(pages) == 1200
    store.refresh()
    assert store.count("page") == 1200
    assert store.search(SearchQuery(text="бонус", size=5)).total == 1200


@pytest.mark.parametrize("text, expected", [
    ("доход", {"http://bank-example.kz/deposits", "http://news-example.kz/pyramid-closed"}),
    ("зеркало", {"http://altyn-bonus.kz/"}),
    ("return", {"http://profit-daily.com/"}),
    ("referrals", {"http://profit-daily.com/"}),
    ("тарихсыз", {"http://tez-nesie.kz/"}),
    ("бонусы вейджер", {"http://altyn-bonus.kz/bonus"}),
    ("несуществующееслово", set()),
])
def test_full_text_search_stems_russian_and_english(searchable, text, expected):
    assert set(urls(searchable.search(SearchQuery(text=text)))) == expected


def test_phrase_matches_words_in_order_only(searchable):
    assert urls(searchable.search(SearchQuery(phrases=["рабочее зеркало"]))) == [
        "http://altyn-bonus.kz/"]
    assert searchable.search(SearchQuery(phrases=["зеркало рабочее"])).total == 0


def test_filters_combine_as_and_across_fields_and_or_within(searchable):
    res = searchable.search(SearchQuery(filters={"category": ["casino", "loan"]}))
    assert set(urls(res)) == {"http://altyn-bonus.kz/", "http://altyn-bonus.kz/bonus",
                              "http://tez-nesie.kz/"}
    res = searchable.search(SearchQuery(filters={"category": ["casino"], "verdict": ["illegal"]}))
    assert urls(res) == ["http://altyn-bonus.kz/"]
    res = searchable.search(SearchQuery(filters={"sign": ["casino.mirror", "loan.asks_cvv"]}))
    assert set(urls(res)) == {"http://altyn-bonus.kz/", "http://tez-nesie.kz/"}
    by_day = searchable.search(SearchQuery(last_seen_from="2026-11-03", last_seen_to="2026-11-04"))
    assert set(urls(by_day)) == set(urls(res))  # a day ends the range at its last instant
    res = searchable.search(SearchQuery(text="бонус", filters={"domain": ["altyn-bonus.kz"],
                                                            "tld": ["kz"]}))
    assert set(urls(res)) == {"http://altyn-bonus.kz/", "http://altyn-bonus.kz/bonus"}
    assert searchable.search(SearchQuery(filters={"status": ["down"]})).total == 1


def test_facets_count_the_filtered_result(searchable):
    res = searchable.search(SearchQuery())
    assert res.facets["category"] == {"casino": 2, "legit": 2, "pyramid": 1, "loan": 1}
    assert res.facets["tld"] == {"kz": 5, "com": 1}
    assert res.facets["lang"] == {"ru": 4, "en": 1, "kk": 1}
    assert res.facets["status"] == {"live": 5, "down": 1}
    res = searchable.search(SearchQuery(filters={"verdict": ["illegal"]}))
    assert res.facets["category"] == {"casino": 1, "pyramid": 1, "loan": 1}
    assert res.facets["lang"] == {"ru": 1, "en": 1, "kk": 1}


def test_a_facet_keeps_its_other_values_in_view_under_its_own_filter(searchable):
    """Disjunctive facets: values of one field are alternatives; a facet is counted under
    every other facet's filter but not its own."""
    res = searchable.search(SearchQuery(filters={"verdict": ["illegal"], "category": ["casino"]}))
    assert urls(res) == ["http://altyn-bonus.kz/"]
    assert res.facets["verdict"] == {"illegal": 1, "suspicious": 1}  # casino pages
    assert res.facets["category"] == {"casino": 1, "loan": 1, "pyramid": 1}  # illegal pages
    either = searchable.search(SearchQuery(filters={"category": ["casino", "loan"]}))
    assert either.total == 3 and either.facets["category"]["pyramid"] == 1
    text = searchable.search(SearchQuery(text="доходы", filters={"status": ["down"]}))
    assert urls(text) == ["http://news-example.kz/pyramid-closed"]
    assert text.facets["status"] == {"down": 1, "live": 1}


def test_hits_grouped_by_site_show_each_site_once_by_its_best_page(searchable):
    res = searchable.search(SearchQuery(group="site", sort="-score"))
    assert res.total == 5 and len(res.hits) == 5
    assert [h.domain for h in res.hits][:2] == ["profit-daily.com", "altyn-bonus.kz"]
    altyn = res.hits[1]
    assert (altyn.url, altyn.pages, altyn.score) == ("http://altyn-bonus.kz/", 2, 0.97)
    assert res.facets["category"] == {"legit": 2, "casino": 1, "loan": 1, "pyramid": 1}
    assert res.facets["verdict"]["illegal"] == 3 and res.facets["verdict"]["suspicious"] == 1
    wager = searchable.search(SearchQuery(text="вейджер", group="site"))
    assert [(h.url, h.pages) for h in wager.hits] == [("http://altyn-bonus.kz/bonus", 1)]
    paged = [searchable.search(SearchQuery(group="site", sort="domain", size=2, page=n))
             for n in (1, 2, 3)]
    assert [h.domain for r in paged for h in r.hits] == [
        "altyn-bonus.kz", "bank-example.kz", "news-example.kz", "profit-daily.com",
        "tez-nesie.kz"]
    narrowed = searchable.search(SearchQuery(group="site", filters={"verdict": ["suspicious"]}))
    assert narrowed.total == 1 and narrowed.hits[0].url == "http://altyn-bonus.kz/bonus"


def test_the_timeline_counts_the_results_per_day_first_and_last_seen(store):
    store.put_pages([
        replace(page("http://a.kz/", "казино бонус", category="casino"),
                first_seen="2026-10-01T09:00:00+00:00", last_seen="2026-11-03T23:30:00+00:00"),
        replace(page("http://a.kz/x", "казино слоты", category="casino"),
                first_seen="2026-10-01T11:00:00+00:00", last_seen="2026-11-03T01:00:00+00:00"),
        replace(page("http://b.kz/", "казино", category="loan"),
                first_seen="2026-10-02T09:00:00+00:00", last_seen="2026-11-04T09:00:00+00:00"),
        replace(page("http://c.kz/", "новости"),
                first_seen="2026-09-01T09:00:00+00:00", last_seen="2026-11-04T09:00:00+00:00")])
    store.refresh()
    assert store.search(SearchQuery(text="казино")).timeline == {}  # only when asked
    pages = store.search(SearchQuery(text="казино", timeline=True)).timeline
    assert pages == {"first_seen": {"2026-10-01": 2, "2026-10-02": 1},
                     "last_seen": {"2026-11-03": 2, "2026-11-04": 1}}
    sites = store.search(SearchQuery(text="казино", timeline=True, group="site")).timeline
    assert sites["first_seen"] == {"2026-10-01": 1, "2026-10-02": 1}
    faceted = store.search(SearchQuery(timeline=True, filters={"category": ["casino"]}))
    assert faceted.timeline["last_seen"] == {"2026-11-03": 2}
    dated = store.search(SearchQuery(timeline=True, last_seen_from="2026-11-04"))
    assert dated.timeline["first_seen"] == {"2026-09-01": 1, "2026-10-02": 1}


def test_sorting_and_paging_are_stable(searchable):
    by_score = urls(searchable.search(SearchQuery(sort="-score", size=3)))
    assert by_score == ["http://profit-daily.com/", "http://altyn-bonus.kz/",
                        "http://tez-nesie.kz/"]
    newest = searchable.search(SearchQuery(sort="-last_seen", size=2))
    second = searchable.search(SearchQuery(sort="-last_seen", size=2, page=2))
    assert newest.total == second.total == len(CORPUS)
    assert urls(newest) == ["http://profit-daily.com/", "http://tez-nesie.kz/"]
    assert urls(second) == ["http://altyn-bonus.kz/", "http://altyn-bonus.kz/bonus"]
    assert searchable.search(SearchQuery(sort="-last_seen", size=2, page=9)).hits == []


def test_relevance_prefers_the_page_matching_more_often(store):
    store.put_pages([
        page("http://once.kz/", "казино и новости и погода и спорт и культура"),
        page("http://often.kz/", "казино казино казино бонус казино", title="Казино"),
    ])
    store.refresh()
    assert urls(store.search(SearchQuery(text="казино")))[0] == "http://often.kz/"


def test_date_range_filter_on_last_seen(searchable):
    res = searchable.search(SearchQuery(last_seen_from="2026-11-03T00:00:00+00:00",
                                    last_seen_to="2026-11-04T23:59:59+00:00"))
    assert set(urls(res)) == {"http://altyn-bonus.kz/", "http://tez-nesie.kz/"}


def test_hits_carry_fields_and_escaped_highlighted_snippets(store):
    store.put_pages([page("http://x-casino.kz/", "Лучшие <script>alert(1)</script> фриспины "
                          "каждый день", category="casino", verdict="illegal", score=0.9,
                          signs=["casino.free_spins"], title="<b>X</b>")])
    store.refresh()
    hit = store.search(SearchQuery(text="фриспины")).hits[0]
    assert (hit.domain, hit.category, hit.verdict, hit.signs) == (
        "x-casino.kz", "casino", "illegal", ["casino.free_spins"])
    assert hit.title == "<b>X</b>"
    assert "<mark>фриспины</mark>" in hit.snippet
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet
    assert set(hit.to_json()) >= {"url", "domain", "category", "verdict", "score", "signs",
                                  "title", "last_seen"}


def test_a_snippet_is_a_window_around_a_stemmed_match_deep_in_a_long_page(store):
    """Each store highlights its own way (Elasticsearch: its highlighter, SQLite: cut here);
    both show the matched word in a short window, never the whole page."""
    filler = "Новости города и погода на неделю. " * 40
    store.put_pages([page("http://deep.kz/", filler + "Гарантированные доходы каждый день. "
                          + filler)])
    store.refresh()
    hit = store.search(SearchQuery(text="доход")).hits[0]
    assert "<mark>доходы</mark>" in hit.snippet
    assert len(hit.snippet) < 400
    plain = store.search(SearchQuery()).hits[0]
    assert plain.snippet.lstrip("…").startswith("Новости города") and len(plain.snippet) < 400


def test_get_sites_reads_the_ones_that_exist_in_the_order_asked(store):
    sites = [Site(domain=d) for d in ("a-casino.kz", "b-loan.kz", "c-hyip.com")]
    store.put_sites(sites)
    store.refresh()
    asked = [sites[2].id, stable_id("site", "never-seen.kz"), sites[0].id]
    assert [s.domain for s in store.get_sites(asked)] == ["c-hyip.com", "a-casino.kz"]
    assert store.get_sites([]) == []


def test_reviews_are_an_append_only_log_in_order(store):
    site_id = stable_id("site", "altyn-bonus.kz")
    entries = [Review(site_id=site_id, user="aigerim", action=a, comment=c,
                      at=f"2026-11-0{i + 1}T09:00:00+00:00")
               for i, (a, c) in enumerate([("needs_info", "нужен скриншот"),
                                           ("confirmed", "казино без лицензии")])]
    for entry in entries:
        store.add_review(entry)
    store.add_review(entries[0])
    store.add_review(Review(site_id="other", user="x", action="rejected"))
    assert [r.action for r in store.reviews_for(site_id)] == ["needs_info", "confirmed"]
    assert store.reviews_for(site_id)[1].comment == "казино без лицензии"
    assert len(list(store.iter_reviews())) == 3


class _WrittenBeforeWrongSigns(Review):
    """An audit entry as stored before reviews named the signs the model got wrong."""

    def to_doc(self):
        doc = super().to_doc()
        del doc["wrong_signs"]
        return doc


def test_reviews_keep_the_signs_named_wrong_and_older_entries_still_load(store):
    site_id = stable_id("site", "tez-nesie.kz")
    store.add_review(_WrittenBeforeWrongSigns(site_id=site_id, user="serik", action="comment",
                                              at="2026-11-01T09:00:00+00:00"))
    store.add_review(Review(site_id=site_id, user="serik", action="reject", comment="bank",
                            at="2026-11-02T09:00:00+00:00",
                            wrong_signs=["loan.no_refusal", "loan.asks_card_secrets"]))
    store.refresh()
    assert [r.wrong_signs for r in store.reviews_for(site_id)] == [
        [], ["loan.no_refusal", "loan.asks_card_secrets"]]
    assert [r.wrong_signs for r in store.iter_reviews()][-1] == [
        "loan.no_refusal", "loan.asks_card_secrets"]


def test_sites_filter_by_review_state(store):
    store.put_sites([Site(domain=f"s{i}.kz", review_state=state)
                     for i, state in enumerate(["new", "confirmed", "confirmed", "rejected"])])
    store.refresh()
    assert [s.domain for s in store.iter_sites(review_state="confirmed")] == ["s1.kz", "s2.kz"]
    assert len(list(store.iter_sites())) == 4


def test_captures_and_pages_of_a_site(store):
    caps = [Capture(url=f"http://c.kz/{p}", fetched_at=t, domain="c.kz")
            for p, t in [("b", "2026-11-02T00:00:00+00:00"), ("a", "2026-11-01T00:00:00+00:00")]]
    store.put_captures(caps + [Capture(url="http://d.kz/", fetched_at="2026-11-01T00:00:00+00:00",
                                       domain="d.kz")])
    store.put_pages([page("http://c.kz/b", "b"), page("http://c.kz/a", "a")])
    store.refresh()
    assert [c.url for c in store.captures_for("c.kz")] == ["http://c.kz/a", "http://c.kz/b"]
    assert [p.url for p in store.pages_for("c.kz")] == ["http://c.kz/a", "http://c.kz/b"]
    assert store.count("capture") == 3


def test_bad_queries_are_refused_with_a_reason():
    with pytest.raises(QueryError, match="unknown filter"):
        SearchQuery(filters={"colour": ["red"]})
    with pytest.raises(QueryError, match="unknown sort"):
        SearchQuery(sort="random")


def test_many_audit_entries_append_at_once_and_repeats_are_kept_once(store):
    entries = [Review(site_id=f"site-{i % 10}", user="letters", action="letter_sent",
                      comment=f"FW-2026/{i:05d}",
                      at=f"2026-11-20T10:{i // 60:02d}:{i % 60:02d}+00:00")
               for i in range(300)]
    store.add_reviews(entries)
    store.add_reviews(entries[:50])
    assert len(list(store.iter_reviews())) == 300
    assert [r.comment for r in store.reviews_for("site-3")][:2] == ["FW-2026/00003",
                                                                    "FW-2026/00013"]


def test_site_review_state_registrar_and_hosting_reach_its_pages_for_search(searchable):
    searchable.put_sites([Site(domain="altyn-bonus.kz", review_state="confirmed",
                           registrar="Example Registrar LLP", hosting="AS64500 Example Host"),
                      Site(domain="tez-nesie.kz", review_state="needs_info")])
    searchable.refresh()
    res = searchable.search(SearchQuery(filters={"review_state": ["confirmed"]}))
    assert set(urls(res)) == {"http://altyn-bonus.kz/", "http://altyn-bonus.kz/bonus"}
    assert res.facets["registrar"] == {"Example Registrar LLP": 2}
    everything = searchable.search(SearchQuery())
    assert everything.facets["review_state"] == {"new": 3, "confirmed": 2, "needs_info": 1}
    assert everything.facets["hosting"] == {"AS64500 Example Host": 2}
    by_site = searchable.search(SearchQuery(group="site"))
    assert (by_site.facets["hosting"], by_site.facets["registrar"]) == \
        ({"AS64500 Example Host": 1}, {"Example Registrar LLP": 1})
    page = searchable.get_page(stable_id("page", "http://altyn-bonus.kz/bonus"))
    assert (page.review_state, page.registrar) == ("confirmed", "Example Registrar LLP")
    text = searchable.search(SearchQuery(text="бонус", filters={"review_state": ["confirmed"]}))
    assert text.total == 2


@pytest.mark.parametrize("text", [":", "-- ::", '" "'])
def test_queries_without_words_search_everything(searchable, text):
    assert searchable.search(SearchQuery(text=text)).total == len(CORPUS)
    assert searchable.search(SearchQuery(phrases=[text])).total == len(CORPUS)


WRITER = """
import sys
from fraudwatch.store import Page, Review, Site
from fraudwatch.store.elastic import ElasticStore
from fraudwatch.store.sqlite import SQLiteStore

kind, where, prefix = sys.argv[1:4]
store = SQLiteStore(where) if kind == "sqlite" else ElasticStore(where, prefix=prefix)
store.put_pages([Page(url="http://later-casino.kz/", domain="later-casino.kz", tld="kz",
                      title="later", text="казино зеркало появилось позже", lang="ru",
                      category="casino", verdict="illegal", score=0.9)])
store.add_review(Review(site_id="later-casino.kz", user="cli", action="comment", comment="t"))
store.put_sites([Site(domain="later-casino.kz", tld="kz", review_state="confirmed")])
store.refresh()
store.close()
"""


def test_a_store_that_has_searched_sees_what_another_process_writes_next(searchable):
    """A long-lived reader (the web UI) must see the nightly crawl and CLI reviews at once:
    nothing it did, a search included, may pin it to an old snapshot."""
    import subprocess
    import sys

    assert searchable.search(SearchQuery(text="казино")).total >= 1
    assert searchable.search(SearchQuery(text="зеркало", filters={"category": ["casino"]})).hits
    reviews_before = len(list(searchable.iter_reviews()))
    sites_before = searchable.search(SearchQuery(group="site"))
    kind = "sqlite" if searchable.url.startswith("sqlite") else "elasticsearch"
    where = str(searchable.path) if kind == "sqlite" else searchable.url
    written = subprocess.run([sys.executable, "-c", WRITER, kind, where,
                              getattr(searchable, "prefix", "")], capture_output=True, text=True,
                             timeout=120)
    assert written.returncode == 0, written.stderr[-2000:]

    assert len(list(searchable.iter_reviews())) == reviews_before + 1
    assert "http://later-casino.kz/" in urls(searchable.search(SearchQuery(text="появилось")))
    assert searchable.get_page(stable_id("page", "http://later-casino.kz/")) is not None
    # counts and facets too: the new site, and its review state copied onto its page
    sites = searchable.search(SearchQuery(group="site"))
    assert sites.total == sites_before.total + 1
    assert sites.facets["category"]["casino"] == sites_before.facets["category"]["casino"] + 1
    confirmed = searchable.search(SearchQuery(filters={"review_state": ["confirmed"]},
                                              group="site"))
    assert "later-casino.kz" in {hit.domain for hit in confirmed.hits}
