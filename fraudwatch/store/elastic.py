"""The Elasticsearch store: one index per document kind behind an alias.

Indices are named `<prefix>-<kind>s-v<N>` and read and written through the alias
`<prefix>-<kind>s`, so `migrate()` can build a new version from the templates, copy the
documents over and swap the alias atomically, without downtime. New indices get the
configured shards and replicas (es.shards, es.replicas) from the templates.

A request that finds the node gone, slow or busy is retried with exponential backoff
(es.retries, es.backoff, es.max_backoff; see es_transport); when the retries are spent the
call raises StoreUnavailable, so a writer can keep its batch for later. Anything else the
node refuses (a document that does not fit the mapping) is a plain StoreError.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from elastic_transport import TlsError
from elasticsearch import (
    ApiError,
    BadRequestError,
    ConnectionTimeout,
    Elasticsearch,
    TransportError,
    helpers,
)
from elasticsearch import (
    ConnectionError as ESConnectionError,
)
from elasticsearch.helpers import expand_action

from fraudwatch.config import Config
from fraudwatch.store.base import Store, StoreError, StoreUnavailable
from fraudwatch.store.es_mappings import DATE_FIELDS, KINDS, index_template, site_key
from fraudwatch.store.es_search import ElasticSearch, restore_source
from fraudwatch.store.es_transport import RETRY_STATUSES, Backoff, BackoffTransport
from fraudwatch.store.merge import merge_first_seen
from fraudwatch.store.models import (
    DOC_CLASSES,
    SITE_FIELDS_ON_PAGES,
    Capture,
    Doc,
    Letter,
    Page,
    Review,
    Site,
)

PROBE_SECONDS = 2.0  # how long `reachable` waits for the node's answer

class ElasticStore(ElasticSearch, Store):
    def __init__(self, url: str, prefix: str = "fraudwatch", timeout: float = 30.0, *,
                 shards: int = 1, replicas: int = 0, retries: int = 5, backoff: float = 0.5,
                 max_backoff: float = 8.0, bulk_size: int = 500):
        self.url = url
        self.prefix = prefix
        self.shards, self.replicas, self.bulk_size = shards, replicas, bulk_size
        self.backoff = Backoff(retries, backoff, max_backoff)
        # Every request, the helpers' too, is retried with backoff by the transport.
        # Several nodes of a cluster: "http://es1:9200,http://es2:9200". Requests go round
        # them, and one that fails is retried on the next node.
        nodes = [node.strip() for node in url.split(",") if node.strip()]
        self.es = Elasticsearch(nodes, request_timeout=timeout, transport_class=BackoffTransport,
                                max_retries=retries, retry_on_timeout=True,
                                retry_on_status=RETRY_STATUSES)
        self.es.transport.backoff = self.backoff
        # For bulk writes the transport retries connection errors only; busy answers, to the
        # whole request or to single documents, are streaming_bulk's to retry (it resends
        # just the rejected documents).
        self.bulk_client = self.es.options(retry_on_status=())

    @classmethod
    def from_config(cls, url: str, config: Config) -> ElasticStore:
        return cls(url, prefix=config.es.index_prefix, timeout=config.es.timeout,
                   shards=config.es.shards, replicas=config.es.replicas,
                   retries=config.es.retries, backoff=config.es.backoff,
                   max_backoff=config.es.max_backoff, bulk_size=config.es.bulk_size)

    def alias(self, kind: str) -> str:
        return f"{self.prefix}-{kind}s"

    # lifecycle ----------------------------------------------------------------------------

    def setup(self) -> None:
        for kind in KINDS:
            self._call(self.es.indices.put_index_template, name=self.alias(kind),
                       **index_template(self.prefix, kind, self.shards, self.replicas))
            if not self._call(self.es.indices.exists_alias, name=self.alias(kind)):
                self._create_first(kind)

    def _create_first(self, kind: str) -> None:
        """The kind's first index behind its alias; another process (a crawl worker) may
        create it at the same moment, which is as good."""
        with self._errors("create"):
            try:
                self.es.indices.create(index=f"{self.alias(kind)}-v1",
                                       aliases={self.alias(kind): {"is_write_index": True}})
            except BadRequestError as exc:
                if exc.error != "resource_already_exists_exception":
                    raise

    def ping(self) -> str:
        # GET / lives in a module that the integ-test-zip distribution lacks: ask the node.
        nodes = self._call(self.es.nodes.info, node_id="_local", metric="_none")
        version = next(iter(nodes["nodes"].values()))["version"]
        health = self._call(self.es.cluster.health)
        return (f"Elasticsearch {version} at {self.url} "
                f"(cluster {health['status']})")

    def reachable(self) -> bool:
        try:
            self.es.options(max_retries=0, request_timeout=PROBE_SECONDS).cluster.health()
        except (ApiError, TransportError):
            return False
        return True

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
            self._call(self.es.indices.refresh, index=current)  # a scan sees refreshed docs only
            self._copy(kind, current, target)
            self._call(self.es.indices.refresh, index=target)
            self._call(self.es.indices.update_aliases, actions=[
                {"remove": {"index": current, "alias": alias}},
                {"add": {"index": target, "alias": alias, "is_write_index": True}},
            ])
            self._call(self.es.indices.delete, index=current)
            moved[kind] = target
        return moved

    def _copy(self, kind: str, source: str, target: str) -> None:
        """Copy every document with its id (the _reindex API is not in integ-test-zip),
        adding the fields the current templates derive from the others."""
        with self._errors("copy"):
            hits = helpers.scan(self.es, index=source, query={"query": {"match_all": {}}},
                                size=self.bulk_size)
            self._send(({"_index": target, "_id": h["_id"], "_source": _derived(kind, h["_source"])}
                        for h in hits), f"documents copied to {target}")

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
        with self._errors(fn.__name__):
            try:
                return fn(**kwargs)
            except ApiError as exc:
                if exc.meta.status == 404 and fn.__name__ in {"exists_alias", "get"}:
                    return None
                raise

    @contextmanager
    def _errors(self, what: str):
        """Turn the client's errors into StoreUnavailable (retries spent) or StoreError."""
        retried = f"after {self.backoff.retries} retries over {self.backoff.total:g} s"
        try:
            yield
        except TlsError as exc:
            raise StoreError(f"Elasticsearch at {self.url}: TLS failed ({exc.message}); "
                             "fix the certificate or the URL") from exc
        except (ESConnectionError, ConnectionTimeout) as exc:
            raise StoreUnavailable(
                f"Elasticsearch at {self.url} unreachable {retried} "
                f"({exc.__class__.__name__}); start it with scripts/elasticsearch start "
                "or fix --store") from exc
        except ApiError as exc:
            if exc.meta.status in RETRY_STATUSES:
                raise StoreUnavailable(f"Elasticsearch at {self.url} still overloaded "
                                       f"{retried} ({what}: {exc})") from exc
            raise StoreError(f"Elasticsearch {what} failed: {exc}") from exc
        except TransportError as exc:
            raise StoreError(f"Elasticsearch {what} failed: {exc}") from exc

    # writes -------------------------------------------------------------------------------

    def _send(self, actions: Iterable[dict], what: str, refresh: bool = False,
              ignore: int | None = None) -> int:
        """Bulk-write `actions` in requests of bulk_size; return how many were written.

        Documents the node rejects as too busy (429) are sent again after a backoff; when
        they are still rejected, StoreUnavailable. Other refusals (a document that does not
        fit the mapping) are a StoreError; `ignore` names a status that is not an error.
        One request is in flight while this thread encodes the next, so the node does not
        wait for Python between requests.
        """
        written, refused, pending = 0, [], None
        with self._errors(f"bulk write of {what}"), ThreadPoolExecutor(1) as sender:
            for chunk in self._chunks(actions):
                if pending:
                    written += self._collect(pending.result(), refused, ignore)
                pending = sender.submit(self._send_chunk, chunk, refresh)
            if pending:
                written += self._collect(pending.result(), refused, ignore)
        if not refused:
            return written
        error = StoreUnavailable if {s for s, _ in refused} <= set(RETRY_STATUSES) \
            else StoreError
        raise error(f"Elasticsearch refused {len(refused)} {what}: {refused[0][1]}")

    @staticmethod
    def _collect(results: Iterable[tuple[bool, dict]], refused: list, ignore: int | None) -> int:
        """Count the written documents; add (status, description) of the refused ones."""
        written = 0
        for ok, item in results:
            if ok:
                written += 1
                continue
            (op, info), = item.items()
            if info["status"] != ignore:
                refused.append((info["status"], f"{op} {info.get('_id')}: {info['status']} "
                                                f"{info.get('error')}"))
        return written

    def _chunks(self, actions: Iterable[dict]) -> Iterator[list[tuple[bytes, bytes | None]]]:
        """Actions in lists of bulk_size, each already encoded to its ndjson lines."""
        dumps = self.es.transport.serializers.get_serializer("application/json").dumps
        chunk: list[tuple[bytes, bytes | None]] = []
        for action in actions:
            header, body = expand_action(action)
            chunk.append((dumps(header), None if body is None else dumps(body)))
            if len(chunk) == self.bulk_size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _send_chunk(self, chunk: list[tuple[bytes, bytes | None]], refresh: bool) -> list:
        """One bulk request; the documents it rejects as too busy are resent with backoff."""
        return list(helpers.streaming_bulk(
            self.bulk_client, chunk, chunk_size=len(chunk), expand_action_callback=_encoded,
            raise_on_error=False, max_retries=self.backoff.retries,
            initial_backoff=self.backoff.initial, max_backoff=self.backoff.cap,
            retry_on_status=RETRY_STATUSES, refresh="wait_for" if refresh else None,
            filter_path=_BULK_ANSWER))

    def _bulk(self, kind: str, docs: list, refresh: bool = False) -> int:
        return self._send(({"_index": self.alias(kind), "_id": d.id,
                            "_source": self._source(kind, d)} for d in docs),
                          f"{kind} documents", refresh=refresh)

    @staticmethod
    def _source(kind: str, doc) -> dict:
        source = doc.to_doc()
        for name in DATE_FIELDS[kind]:
            if source.get(name) == "":
                source[name] = None
        if kind == "page":
            source["sign_ids"] = doc.sign_ids
        return _derived(kind, source)

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
        if not sites:
            return
        wanted = {s.domain: {f: getattr(s, f) for f in SITE_FIELDS_ON_PAGES} for s in sites}
        updates = []
        for start in range(0, len(sites), 500):
            domains = [s.domain for s in sites[start:start + 500]]
            query = {"query": {"terms": {"domain": domains}},
                     "_source": ["domain", *SITE_FIELDS_ON_PAGES]}
            with self._errors("search for the pages of sites"):
                hits = list(helpers.scan(self.es, index=self.alias("page"), query=query,
                                         size=1000))
            for hit in hits:
                src, want = hit["_source"], wanted[hit["_source"]["domain"]]
                if any(src.get(f, "") != v for f, v in want.items()):
                    updates.append({"_op_type": "update", "_index": hit["_index"],
                                    "_id": hit["_id"], "doc": want})
        self._send(updates, "site fields copied to pages")

    def add_review(self, review: Review) -> None:
        self.add_reviews([review])

    def add_reviews(self, reviews: Iterable[Review]) -> int:
        """Append audit entries in bulk, visible on return; repeats are kept once."""
        actions = [{"_op_type": "create", "_index": self.alias("review"), "_id": r.id,
                    "_source": self._source("review", r)} for r in reviews]
        return self._send(actions, "audit entries", refresh=True, ignore=409)

    def put_letters(self, letters: Iterable[Letter]) -> int:
        return self._bulk("letter", list(letters), refresh=True)

    def _fetch(self, kind: str):
        def fetch(ids: list[str]) -> dict[str, dict]:
            found = self._call(self.es.mget, index=self.alias(kind), ids=ids,
                               source_includes=["first_seen"])
            return {d["_id"]: d["_source"] for d in found["docs"] if d.get("found")}

        return fetch

    # reads --------------------------------------------------------------------------------

    def _get(self, kind: str, doc_id: str) -> Doc | None:
        doc = self._call(self.es.get, index=self.alias(kind), id=doc_id)
        return DOC_CLASSES[kind].from_doc(restore_source(doc["_source"])) if doc else None

    def get_sites(self, site_ids: Iterable[str]) -> list[Site]:
        ids = list(site_ids)
        if not ids:
            return []
        found = self._call(self.es.mget, index=self.alias("site"), ids=ids)
        return [Site.from_doc(restore_source(d["_source"])) for d in found["docs"]
                if d.get("found")]

    def _scan(self, kind: str, terms: dict, sort: list) -> Iterator:
        query = {"bool": {"filter": [{"term": {k: v}} for k, v in terms.items()]}}
        with self._errors(f"scan of {kind}s"):
            for hit in helpers.scan(self.es, index=self.alias(kind), preserve_order=True,
                                    query={"query": query, "sort": sort}, size=500):
                yield DOC_CLASSES[kind].from_doc(restore_source(hit["_source"]))

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


def _derived(kind: str, source: dict) -> dict:
    """A document's source with the fields derived for search: a page's site_key."""
    if kind == "page":
        source["site_key"] = site_key(source.get("domain") or "")
    return source


def _encoded(lines: tuple[bytes, bytes | None]) -> tuple[bytes, bytes | None]:
    """streaming_bulk's expand_action_callback for actions `_chunks` has encoded already."""
    return lines


# All a bulk answer needs to say per document (not its version, shards, sequence number).
_BULK_ANSWER = "took,errors,items.*.status,items.*._id,items.*.error"
