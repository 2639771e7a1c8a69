"""The Elasticsearch store: one index per document kind behind an alias.

Indices are named `<prefix>-<kind>s-v<N>` and read and written through the alias
`<prefix>-<kind>s`, so `migrate()` can build a new version from the templates, copy the
documents over and swap the alias atomically, without downtime.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from fraudwatch.store.base import Store, StoreError
from fraudwatch.store.es_mappings import DATE_FIELDS, KINDS, index_template
from fraudwatch.store.merge import merge_first_seen
from fraudwatch.store.models import Capture, Letter, Page, Review, Site
from fraudwatch.store.query import Hit, SearchQuery, SearchResult
from fraudwatch.store.textindex import snippet

TEXT_FIELDS = ["title^2", "title.ru^2", "title.en^2", "text", "text.ru", "text.en"]
_SORTS = {
    "last_seen": [{"last_seen": "asc"}, {"url": "asc"}],
    "-last_seen": [{"last_seen": "desc"}, {"url": "asc"}],
    "score": [{"score": "asc"}, {"url": "asc"}], "-score": [{"score": "desc"}, {"url": "asc"}],
    "domain": [{"domain": "asc"}, {"url": "asc"}],
    "relevance": [{"_score": "desc"}, {"last_seen": "desc"}, {"url": "asc"}],
}
_FILTER_FIELDS = {"sign": "sign_ids"}
SITE_FIELDS_ON_PAGES = ("review_state", "registrar", "hosting")
_CLASSES = {"capture": Capture, "page": Page, "site": Site, "review": Review, "letter": Letter}


class ElasticStore(Store):
    def __init__(self, url: str, prefix: str = "fraudwatch", timeout: float = 30.0):
        from elasticsearch import Elasticsearch

        self.url = url
        self.prefix = prefix
        self.es = Elasticsearch(url, request_timeout=timeout, retry_on_timeout=True,
                                max_retries=2)

    def alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}s"

    # lifecycle ----------------------------------------------------------------------------

    def setup(self) -> None:
        for kind in KINDS:
            self._call(self.es.indices.put_index_template, name=self.alias(kind),
                       **index_template(self.prefix, kind))
            if not self._call(self.es.indices.exists_alias, name=self.alias(kind)):
                self._call(self.es.indices.create, index=f"{self.alias(kind)}-v1",
                           aliases={self.alias(kind): {"is_write_index": True}})

    def ping(self) -> str:
        # GET / lives in a module that the integ-test-zip distribution lacks: ask the node.
        nodes = self._call(self.es.nodes.info, node_id="_local", metric="_none")
        version = next(iter(nodes["nodes"].values()))["version"]
        health = self._call(self.es.cluster.health)
        return (f"Elasticsearch {version} at {self.url} "
                f"(cluster {health['status']})")

    def migrate(self) -> dict[str, str]:
        """Re-create every index from the current templates and swap aliases; returns new names."""
        self.setup()
        moved = {}
        for kind in KINDS:
            alias = self.alias(kind)
            current = sorted(self._call(self.es.indices.get_alias, name=alias))[-1]
            version = int(current.rsplit("-v", 1)[1]) + 1
            target = f"{alias}-v{version}"
            self._call(self.es.indices.create, index=target)
            self._copy(current, target)
            self._call(self.es.indices.refresh, index=target)
            self._call(self.es.indices.update_aliases, actions=[
                {"remove": {"index": current, "alias": alias}},
                {"add": {"index": target, "alias": alias, "is_write_index": True}},
            ])
            self._call(self.es.indices.delete, index=current)
            moved[kind] = target
        return moved

    def _copy(self, source: str, target: str) -> None:
        """Copy every document with its id (the _reindex API is not in integ-test-zip)."""
        from elasticsearch import helpers

        hits = helpers.scan(self.es, index=source, query={"query": {"match_all": {}}}, size=500)
        actions = ({"_index": target, "_id": h["_id"], "_source": h["_source"]} for h in hits)
        helpers.bulk(self.es, actions, chunk_size=500)

    def refresh(self) -> None:
        self._call(self.es.indices.refresh, index=",".join(self.alias(k) for k in KINDS))

    def close(self) -> None:
        self.es.close()

    def drop(self) -> None:
        """Delete every index and template of this prefix (tests and `store reset`)."""
        self._call(self.es.indices.delete, index=f"{self.prefix}-*", ignore_unavailable=True)
        for kind in KINDS:
            if self._call(self.es.indices.exists_index_template, name=self.alias(kind)):
                self._call(self.es.indices.delete_index_template, name=self.alias(kind))

    def _call(self, fn, **kwargs):
        from elasticsearch import ApiError, TransportError

        try:
            return fn(**kwargs)
        except TransportError as exc:
            raise StoreError(
                f"Elasticsearch at {self.url} unreachable ({exc.__class__.__name__}); "
                "start it with scripts/elasticsearch start or fix --store"
            ) from exc
        except ApiError as exc:
            if exc.meta.status == 404 and fn.__name__ in {"exists_alias", "get"}:
                return None
            if exc.meta.status == 409 and kwargs.get("op_type") == "create":
                return None  # appending the same audit entry twice keeps one
            raise StoreError(f"Elasticsearch {fn.__name__} failed: {exc}") from exc

    # writes -------------------------------------------------------------------------------

    def _bulk(self, kind: str, docs: list, refresh: bool = False) -> int:
        from elasticsearch import helpers

        if not docs:
            return 0
        actions = ({"_index": self.alias(kind), "_id": d.id, "_source": self._source(kind, d)}
                   for d in docs)
        try:
            ok, _ = helpers.bulk(self.es, actions, refresh="wait_for" if refresh else False,
                                 chunk_size=500)
        except helpers.BulkIndexError as exc:
            raise StoreError(f"Elasticsearch refused {len(exc.errors)} {kind} documents: "
                             f"{exc.errors[0]}") from exc
        return ok

    @staticmethod
    def _source(kind: str, doc) -> dict:
        source = doc.to_doc()
        for name in DATE_FIELDS[kind]:
            if source.get(name) == "":
                source[name] = None
        if kind == "page":
            source["sign_ids"] = doc.sign_ids
        return source

    def put_captures(self, captures: Iterable[Capture]) -> int:
        return self._bulk("capture", list(captures))

    def put_pages(self, pages: Iterable[Page]) -> int:
        return self._bulk("page", merge_first_seen(list(pages), self._fetch("page")))

    def put_sites(self, sites: Iterable[Site]) -> int:
        sites = merge_first_seen(list(sites), self._fetch("site"))
        written = self._bulk("site", sites)
        self._copy_to_pages(sites)
        return written

    def _copy_to_pages(self, sites: list[Site]) -> None:
        """Give each site's pages its review state, registrar and hosting (for search)."""
        from elasticsearch import helpers

        wanted = {s.domain: {f: getattr(s, f) for f in SITE_FIELDS_ON_PAGES} for s in sites}
        updates = []
        for start in range(0, len(sites), 500):
            domains = [s.domain for s in sites[start:start + 500]]
            query = {"query": {"terms": {"domain": domains}},
                     "_source": ["domain", *SITE_FIELDS_ON_PAGES]}
            for hit in helpers.scan(self.es, index=self.alias("page"), query=query, size=1000):
                src, want = hit["_source"], wanted[hit["_source"]["domain"]]
                if any(src.get(f, "") != v for f, v in want.items()):
                    updates.append({"_op_type": "update", "_index": hit["_index"],
                                    "_id": hit["_id"], "doc": want})
        if updates:
            helpers.bulk(self.es, updates, chunk_size=500)

    def add_review(self, review: Review) -> None:
        self._call(self.es.index, index=self.alias("review"), id=review.id,
                   document=self._source("review", review), op_type="create", refresh="wait_for")

    def add_reviews(self, reviews: Iterable[Review]) -> int:
        """Append audit entries in one bulk request and one refresh; repeats are kept once."""
        from elasticsearch import helpers

        actions = [{"_op_type": "create", "_index": self.alias("review"), "_id": r.id,
                    "_source": self._source("review", r)} for r in reviews]
        if not actions:
            return 0
        ok, errors = helpers.bulk(self.es, actions, refresh="wait_for", raise_on_error=False)
        real = [e for e in errors if e.get("create", {}).get("status") != 409]
        if real:
            raise StoreError(f"Elasticsearch refused {len(real)} audit entries: {real[0]}")
        return ok

    def put_letters(self, letters: Iterable[Letter]) -> int:
        return self._bulk("letter", list(letters), refresh=True)

    def _fetch(self, kind: str):
        def fetch(ids: list[str]) -> dict[str, dict]:
            found = self._call(self.es.mget, index=self.alias(kind), ids=ids)
            return {d["_id"]: d["_source"] for d in found["docs"] if d.get("found")}

        return fetch

    # reads --------------------------------------------------------------------------------

    def _get(self, kind: str, doc_id: str):
        doc = self._call(self.es.get, index=self.alias(kind), id=doc_id)
        return _CLASSES[kind].from_doc(_restore(doc["_source"])) if doc else None

    def get_capture(self, capture_id: str) -> Capture | None:
        return self._get("capture", capture_id)

    def get_page(self, page_id: str) -> Page | None:
        return self._get("page", page_id)

    def get_site(self, site_id: str) -> Site | None:
        return self._get("site", site_id)

    def get_letter(self, letter_id: str) -> Letter | None:
        return self._get("letter", letter_id)

    def _scan(self, kind: str, terms: dict, sort: list) -> Iterator:
        from elasticsearch import helpers

        query = {"bool": {"filter": [{"term": {k: v}} for k, v in terms.items()]}}
        hits = helpers.scan(self.es, index=self.alias(kind), query={"query": query, "sort": sort},
                            preserve_order=True, size=500)
        for hit in hits:
            yield _CLASSES[kind].from_doc(_restore(hit["_source"]))

    def captures_for(self, domain: str) -> list[Capture]:
        return list(self._scan("capture", {"domain": domain},
                               [{"fetched_at": "asc"}, {"id": "asc"}]))

    def pages_for(self, domain: str) -> list[Page]:
        return list(self._scan("page", {"domain": domain}, [{"url": "asc"}]))

    def reviews_for(self, site_id: str) -> list[Review]:
        return list(self._scan("review", {"site_id": site_id}, [{"at": "asc"}, {"id": "asc"}]))

    def iter_reviews(self) -> Iterator[Review]:
        return self._scan("review", {}, [{"at": "asc"}, {"id": "asc"}])

    def iter_sites(self, **filters: str) -> Iterator[Site]:
        return self._scan("site", filters, [{"domain": "asc"}])

    def iter_letters(self) -> Iterator[Letter]:
        return self._scan("letter", {}, [{"created_at": "asc"}, {"number": "asc"}])

    def count(self, kind: str) -> int:
        return self._call(self.es.count, index=self.alias(kind))["count"]

    # search -------------------------------------------------------------------------------

    def search(self, query: SearchQuery) -> SearchResult:
        sort = "-last_seen" if query.sort == "relevance" and not query.has_text else query.sort
        body = {
            "query": self._query(query), "sort": _SORTS[sort],
            "from": query.offset, "size": query.size, "track_total_hits": True,
            "aggs": {f: {"terms": {"field": f, "size": 100}} for f in query.facets},
        }
        res = self._call(self.es.search, index=self.alias("page"), **body)
        hits = [self._hit(h, query) for h in res["hits"]["hits"]]
        facets = {f: {b["key"]: b["doc_count"] for b in res["aggregations"][f]["buckets"]
                      if b["key"]} for f in query.facets}
        return SearchResult(total=res["hits"]["total"]["value"], hits=hits, facets=facets)

    @staticmethod
    def _query(query: SearchQuery) -> dict:
        must = [{"multi_match": {"query": w, "fields": TEXT_FIELDS}}
                for w in query.text.split() if w.strip()]
        must += [{"multi_match": {"query": p, "fields": ["title", "text"], "type": "phrase"}}
                 for p in query.phrases]
        filters = [{"terms": {_FILTER_FIELDS.get(f, f): v}} for f, v in query.filters.items()]
        if query.last_seen_from or query.last_seen_to:
            bounds = {"gte": query.last_seen_from or None, "lte": query.last_seen_to or None}
            filters.append({"range": {"last_seen": {k: v for k, v in bounds.items() if v}}})
        return {"bool": {"must": must or [{"match_all": {}}], "filter": filters}}

    @staticmethod
    def _hit(raw: dict, query: SearchQuery) -> Hit:
        src = _restore(raw["_source"])
        page = Page.from_doc(src)
        return Hit(
            id=page.id, url=page.url, domain=page.domain, category=page.category,
            verdict=page.verdict, score=page.score, signs=page.sign_ids, title=page.title,
            last_seen=page.last_seen, snippet=snippet(page.text, query.text, query.phrases),
        )


def _restore(source: dict) -> dict:
    """Turn the nulls written for empty dates back into empty strings."""
    return {k: ("" if v is None and k in _EMPTY_STRING_FIELDS else v) for k, v in source.items()}


_EMPTY_STRING_FIELDS = set().union(*DATE_FIELDS.values())
