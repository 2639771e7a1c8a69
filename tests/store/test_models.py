"""Documents convert to plain, independent JSON-ready dicts."""

from __future__ import annotations

import json
from dataclasses import asdict

from fraudwatch.store import Capture, Letter, Page, Review, SignHit, Site


def test_to_doc_gives_what_asdict_gives_and_shares_nothing_with_the_document():
    docs = [
        Page(url="http://a.kz/", domain="a.kz", signs=[SignHit("casino.mirror", "casino", 0.5,
                                                            "зеркало", context="x")],
             promoted_domains=["b.kz"], http_status=200, score=0.25),
        Site(domain="a.kz", signs=["casino.mirror"], fingerprints={"telegram": ["@a"]},
             cloaking=True, letters=["l1"]),
        Capture(url="http://a.kz/", fetched_at="2026-11-01T00:00:00+00:00", status=None,
                headers={"Server": "nginx"}, redirects=["http://a.kz"], warc_offset=7,
                fingerprints={"phone": ["+77010000000"]}),
        Review(site_id="s", user="u", action="confirmed", comment="ok"),
        Letter(number="1", date="2026-11-10", letter_type="ministry", recipient="m",
               site_ids=["s"], files={"letter.pdf": "ab" * 32}),
    ]
    for doc in docs:
        plain = doc.to_doc()
        assert plain == asdict(doc)
        json.dumps(plain)
        for name, value in plain.items():
            if isinstance(value, (list, dict)):
                assert value is not getattr(doc, name)
    page_doc = docs[0].to_doc()
    page_doc["signs"][0]["weight"] = 1.0
    assert docs[0].signs[0].weight == 0.5
    assert Page.from_doc(docs[0].to_doc()) == docs[0]
