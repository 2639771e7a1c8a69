"""A fetched page is decoded and parsed once, from the render policy to the stored document."""

from __future__ import annotations

import asyncio

from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from classifiers import page as page_module
from classifiers.artifact import load_model
from classifiers.classify import classify
from classifiers.registry import default_registry
from crawler.ingest import reading
from crawler.items import Fetch
from crawler.pipelines.extract import ExtractPipeline
from crawler.render.policy import RenderPolicyMiddleware
from crawler.spiders.sites import SitesSpider
from tests.calls import recorded

# koi8-r without a charset, as many Russian pages are served
PAGE = ("<html><head><title>Казино Вулкан</title></head><body>"
        "<p>Бонус 200% на первый депозит и фриспины каждый день. Рабочее зеркало казино.</p>"
        "<a href='/register'>Регистрация за минуту</a> <a href='https://t.me/vulkan_pay'>TG</a>"
        "<form action='/deposit'><input name='amount'></form></body></html>")


def test_a_plain_page_is_decoded_once_and_parsed_once_for_every_reader(monkeypatch):
    parses = recorded(monkeypatch, page_module, "_document")
    decodes = recorded(monkeypatch, reading, "decode_html")
    spider = SitesSpider.from_crawler(get_crawler(SitesSpider, {
        "FRAUDWATCH_MAX_PAGES": 10, "FRAUDWATCH_MAX_DEPTH": 2, "FRAUDWATCH_RENDER": "auto",
        "FRAUDWATCH_SITE_TIMEOUT": 60, "FRAUDWATCH_ROBOTS": "ignore"}))
    spider.run_id = "run"
    spider._frontier_state()
    request = spider._landing("http://vulkan.kz/", "vulkan.kz", hop=0)
    response = HtmlResponse("http://vulkan.kz/", body=PAGE.encode("koi8-r"), request=request,
                            headers={"Content-Type": "text/html"})

    policy = RenderPolicyMiddleware("auto", min_text=20, context_pages=10,
                                    timeout_ms=1000)
    assert asyncio.run(policy.process_response(request, response)) is response  # no render
    out = list(spider.parse(response))
    [fetch] = [item for item in out if isinstance(item, Fetch)]
    assert [r.url for r in out if not isinstance(r, Fetch)] == ["http://vulkan.kz/register"]
    ExtractPipeline().process_item(fetch)
    verdict = classify(fetch.page, default_registry(), load_model(), mode="never")

    assert (len(decodes), len(parses)) == (1, 1)
    assert response._cached_selector is None  # Scrapy never parsed it either
    assert fetch.capture.title == "Казино Вулкан" and "Бонус 200%" in fetch.capture.text
    assert verdict.category == "casino" and fetch.capture.fingerprints["telegram"] == ["vulkan_pay"]
