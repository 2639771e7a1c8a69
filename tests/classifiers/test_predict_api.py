"""The public predict() contract, the registry, promotion detection and language detection."""

import json

import pytest

from classifiers import CATEGORIES, VERDICTS, Registry, predict
from classifiers.lang import detect_lang
from classifiers.registry import Entity, RegistryError, read_csv

SCAM_LOAN = (
    "Займ без отказа и без проверки кредитной истории. Для выдачи оплатите страховой "
    "взнос 5 000 тенге до получения займа. Введите номер карты и CVV."
)
CASINO = (
    "Онлайн-казино Luckywin: бонус 200% на первый депозит и 100 фриспинов. Вейджер x35. "
    "Слоты Pragmatic Play. Рабочее зеркало для обхода блокировки."
)


def test_verdict_fields_and_json():
    verdict = predict(SCAM_LOAN)
    data = json.loads(verdict.to_json())
    assert data["category"] in CATEGORIES and data["verdict"] in VERDICTS
    assert 0.0 <= data["score"] <= 1.0
    assert data["lang"] == "ru" and data["model"].startswith("fraudwatch-clf-")
    assert all(set(s) == {"id", "category", "weight", "evidence", "reported", "context", "source"}
               for s in data["signs"])


def test_scam_loan_is_illegal():
    verdict = predict(SCAM_LOAN)
    assert (verdict.category, verdict.verdict) == ("loan", "illegal")


def test_html_only_input_is_read():
    verdict = predict("", html=f"<html><body><p>{CASINO}</p><script>x()</script></body></html>")
    assert verdict.category == "casino"


def test_licensed_domain_never_illegal():
    registry = Registry(
        licences=[Entity("Demo Bet", "170540000006", ("luckywin.kz",), "1", "bookmaker")]
    )
    verdict = predict(CASINO, url="https://www.luckywin.kz/", registry=registry)
    assert verdict.verdict == "licensed"
    assert predict(CASINO, url="https://luckywin.top/", registry=registry).verdict != "licensed"


def test_declared_pyramid_is_a_strong_sign():
    registry = Registry(pyramids=[Entity("Goldvest", "", ("goldvest.top",))])
    verdict = predict(
        "Добро пожаловать в личный кабинет.", url="https://goldvest.top/", registry=registry
    )
    assert "pyramid.declared_pyramid" in {s.id for s in verdict.signs}
    assert verdict.category == "pyramid" and verdict.verdict in ("suspicious", "illegal")


def test_bank_warning_page_is_clean():
    text = (
        "Депозит «Накопительный»: ставка 14% годовых. Вклады гарантируются КФГД. "
        "Никогда не сообщайте CVV-код и коды из SMS третьим лицам. Лицензия АРРФР № 1.2.3/45."
    )
    assert predict(text).verdict == "clean"


def test_promotion_blog_lists_promoted_domains():
    html = (
        "<p>Обзор казино Luckywin: бонусы и фриспины.</p>"
        '<a href="https://luckywin7.top/?ref=me">играть</a>'
    )
    text = (
        "Обзор казино Luckywin: стоит ли играть? Промокод LUCK10 даёт бонус 150% на депозит. "
        "Переходите по ссылке luckywin7.top и получите 50 фриспинов. Вейджер x35."
    )
    verdict = predict(text, html=html, url="https://myblog.kz/post/1")
    assert verdict.promotion and "luckywin7.top" in verdict.promoted_domains


def test_operator_site_is_not_promotion():
    verdict = predict(CASINO, url="https://luckywin.top/")
    assert not verdict.promotion


def test_registry_rejects_bad_bin(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text("name,bin,domains,licence_number,kind\nX,123,x.kz,1,bank\n", encoding="utf-8")
    with pytest.raises(RegistryError):
        read_csv(path)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Займ без отказа на карту за пять минут", "ru"),
        ("Бас тартусыз несие бес минутта картаға", "kk"),
        ("Kúnine 3% tabys, bizdiń platformaǵa tirkelińiz", "kk"),
        ("Instant loans with no refusal", "en"),
        ("Займ без отказа на карту. Бас тартусыз несие картаға беріледі.", "mixed"),
    ],
)
def test_detect_lang(text, lang):
    assert detect_lang(text) == lang


NEWS = ("Погода в Алматы: солнечно, днём до двадцати градусов. Акимат открыл новый парк у реки, "
        "а в выходные в центре пройдёт ярмарка местных производителей. ") * 3


def test_a_casino_banner_on_a_news_page_is_promotion_however_its_link_is_written():
    html = (f"<p>{NEWS}</p><a class=ad href = 'https://vulkan-777.bet/go?src=news'>"
            "<img src='/b.png' alt=''></a>")
    verdict = predict(NEWS, html=html, url="https://news.kz/2026/12/weather")
    assert verdict.promotion and verdict.promoted_domains == ["vulkan-777.bet"]


def test_a_link_in_a_comment_or_a_script_is_no_banner():
    html = (f"<p>{NEWS}</p><!-- old ad: <a href='https://vulkan-777.bet/go'>казино</a> -->"
            "<script>var ad = \"<a href='https://slot-bet.top/'>spin</a>\";</script>")
    verdict = predict(NEWS, html=html, url="https://news.kz/2026/12/weather")
    assert not verdict.promotion and verdict.promoted_domains == []
