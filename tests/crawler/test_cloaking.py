"""Cloaking: victims' renders compared with the plain fetch."""

from __future__ import annotations

from classifiers import Verdict
from crawler.items import Fetch
from crawler.pipelines.cloaking import CloakingPipeline
from crawler.render.cloaking import differs_in_substance, word_overlap
from fraudwatch.store import Capture

NEWS = "Погода в Алматы: солнечно, днём до двадцати градусов, вечером возможен дождь. " * 5
CASINO = "Казино Вулкан: бонус двести процентов на первый депозит, слоты и рулетка. " * 5


def test_a_different_page_for_victims_is_cloaking():
    assert differs_in_substance(NEWS, ("legit", "clean"), CASINO, ("casino", "illegal"), 100)


def test_the_same_page_rendered_is_not():
    assert word_overlap(CASINO, CASINO + " Войти") > 0.8
    assert not differs_in_substance(CASINO, ("casino", "illegal"), CASINO + " Войти",
                                    ("casino", "illegal"), 100)


def test_a_javascript_shell_filled_in_by_the_browser_is_not():
    assert not differs_in_substance("Загрузка…", ("legit", "clean"), CASINO,
                                    ("casino", "illegal"), 100)


def fetch(render: str, text: str, category: str, verdict: str) -> Fetch:
    item = Fetch(Capture(url="http://a.kz/", domain="a.kz", fetched_at="t", render=render,
                         text=text))
    item.verdict = Verdict(category=category, verdict=verdict, score=0.9, lang="ru")
    return item


def test_pipeline_flags_the_render_that_differs():
    pipeline = CloakingPipeline(min_text=100)
    pipeline.process_item(fetch("static", NEWS, "legit", "clean"))
    assert not pipeline.process_item(fetch("desktop", NEWS, "legit", "clean")).cloaking
    assert pipeline.process_item(fetch("mobile", CASINO, "casino", "illegal")).cloaking
