"""Reported speech: signs quoted or in warning, news or court sentences are listed as `reported`
but do not count, so pages that warn about fraud are never `illegal`; operators stay illegal."""

import dataclasses

import pytest

from classifiers import predict
from classifiers.page import PageView
from classifiers.signs import presence_hits
from fraudwatch.farm.content import pages_for
from fraudwatch.farm.render import render_page
from fraudwatch.farm.sites import catalogue

WARNING = {
    "ru_blog": (
        "Личные финансы без иллюзий\n"
        "Осторожно: если вам обещают «гарантированный доход 2% в день», это мошенники.\n"
        "Честные вклады в банках приносят 12–15% годовых.\n"
        "Проверяйте лицензию компании в реестре регулятора."
    ),
    "ru_news": (
        "Суд закрыл финансовую пирамиду «Береке Инвест»\n"
        "В Шымкенте задержаны организаторы проекта, обещавшего вкладчикам гарантированный"
        " доход 2,5% в день.\n"
        "По данным следствия, пострадали более 3 000 человек.\n"
        "Агентство напоминает: многоуровневая реферальная программа — признак пирамиды."
    ),
    "ru_court": (
        "Суд оштрафовал организаторов нелегального онлайн-казино\n"
        "По данным прокуратуры, сайт предлагал бонус 200% на первый депозит и 100 "
        "фриспинов, а также рабочее зеркало для обхода блокировки.\n"
        "Суд постановил заблокировать домен."
    ),
    "ru_lender": (
        "Как распознать фальшивого кредитора\n"
        "Мошенники обещают займ без отказа и без проверки кредитной истории.\n"
        "Не верьте, если просят оплатить страховку до получения займа.\n"
        "Лицензированная МФО никогда не просит CVV."
    ),
    "kk_blog": (
        "Қаржы сауаттылығы\n"
        "Абай болыңыз: «күніне 3% табыс» уәде ететіндер — алаяқтар.\n"
        "Банк салымдары жылдық 14% шамасында."
    ),
    "kk_news": (
        "Сот қаржы пирамидасын жапты\n"
        "Тергеу деректері бойынша, алаяқтар салымшыларға күніне 2% кепілдендірілген табыс"
        " уәде еткен.\n"
        "Полиция ұйымдастырушыларды ұстады."
    ),
    "kk_court": (
        "Сот заңсыз онлайн-казиноны бұғаттады\n"
        "Сот шешімі бойынша сайт 100 тегін айналым және бірінші салымға бонус ұсынған."
    ),
    "en_blog": (
        "Money basics\n"
        "Beware of anyone promising guaranteed returns of 2% daily: it is a classic "
        "scam.\n"
        "Bank deposits pay about 12% a year."
    ),
    "en_news": (
        "Police shut down a Ponzi scheme in Almaty\n"
        "Investigators say the organisers promised 3% a day and ran a 5-level referral "
        "program.\n"
        "More than 2,000 victims lost their savings."
    ),
    "en_court": (
        "Court fines operators of an illegal online casino\n"
        "The court found the site offered a 200% welcome bonus and 50 free spins on slot "
        "machines.\n"
        "The domain will be blocked."
    ),
    "en_lender": (
        "How to spot a fake lender\n"
        "Red flags: no credit check, guaranteed approval, and a fee you must pay before "
        "the loan is released.\n"
        "A licensed lender never asks for your CVV."
    ),
}
OPERATOR = {
    "ru_pyr": (
        "Береке Инвест — гарантированный доход 2,5% в день!\n"
        "Действует 5-уровневая реферальная программа: 7%, 3%, 2%, 1%, 1%.\n"
        "Пополнение только в USDT."
    ),
    "ru_casino": (
        "Онлайн-казино Удача: бонус 200% на первый депозит и 100 фриспинов.\n"
        "Вейджер x35. Рабочее зеркало для обхода блокировки."
    ),
    "ru_loan": (
        "Займ без отказа и без проверки кредитной истории.\n"
        "Для выдачи оплатите страховой взнос 5 000 тенге до получения займа. Введите "
        "номер карты и CVV."
    ),
    "kk_pyr": (
        "Салымыңыз күніне 3% табыс әкеледі! Әр қатысушыға кепілдендірілген табыс "
        "береміз.\n"
        "Бізде 5 деңгейлі серіктестік бағдарлама бар."
    ),
    "en_pyr": (
        "Your deposit earns 3% a day! Enjoy guaranteed returns on every plan.\n"
        "Our 5-level referral program pays 8%, 3% and 1%."
    ),
    "en_casino": (
        "Claim a 200% welcome bonus and 50 free spins! 35x wagering requirement.\n"
        "Use the working mirror to bypass the block."
    ),
}


def _farm_page(domain: str, path: str) -> tuple[str, str, str]:
    """(text, html, url) of a farm page, text extracted as the crawler does."""
    site = next(s for s in catalogue(hostile=False) if s.domain == domain)
    html = render_page(dataclasses.replace(site, variant="static"), path, 8080)
    return PageView.parse(html).text, html, site.url(8080, path)


LEGIT_FARM_PAGES = [
    (site.domain, page.path)
    for site in catalogue(hostile=False) if site.category == "legit"
    for page in pages_for(site)
]


@pytest.mark.parametrize(("domain", "path"), LEGIT_FARM_PAGES)
def test_farm_legit_pages_are_never_illegal(domain, path):
    verdict = predict(*_farm_page(domain, path))
    assert verdict.verdict != "illegal", verdict


@pytest.mark.parametrize(("domain", "path"), [
    ("tenge-wise.com", "/"),
    ("tenge-wise.com", "/posts/guaranteed-returns"),
    ("stepnoy-vestnik.kz", "/news/piramida-zakryta"),
])
def test_farm_warning_pages_are_clean_with_reported_signs(domain, path):
    verdict = predict(*_farm_page(domain, path))
    assert (verdict.category, verdict.verdict) == ("legit", "clean"), verdict
    assert verdict.signs and all(s.reported for s in verdict.signs)
    assert all(s.evidence and s.context for s in verdict.signs)


@pytest.mark.parametrize("name", sorted(WARNING))
def test_warning_pages_are_not_illegal(name):
    verdict = predict(WARNING[name])
    assert verdict.verdict != "illegal", verdict
    assert (verdict.category, verdict.verdict) == ("legit", "clean"), verdict
    assert any(s.reported for s in verdict.signs)


@pytest.mark.parametrize("name", sorted(OPERATOR))
def test_operator_pages_with_the_same_phrases_are_illegal(name):
    verdict = predict(OPERATOR[name])
    assert verdict.verdict == "illegal", verdict
    assert not any(s.reported for s in verdict.signs)


def test_reported_hit_keeps_evidence_and_reason():
    [hit] = presence_hits('Latest post: why a "guaranteed 3% a day" is the oldest trick.')
    assert hit.id == "pyramid.fixed_daily_return" and hit.reported is True
    assert hit.context == "warning: trick"
    assert hit.evidence == 'Latest post: why a "guaranteed 3% a day" is the oldest trick.'


def test_quoted_sign_is_reported():
    [hit] = presence_hits("Тариф «Доход 3% в день» для всех.")
    assert hit.context == "quoted"


def test_quoted_only_page_is_at_most_suspicious():
    text = ("Береке Инвест: «гарантированный доход 3% в день», «5-уровневая реферальная "
            "программа», «инвестиционные планы от 10 000 тенге».")
    assert predict(text).verdict != "illegal"


@pytest.mark.parametrize("text", [
    "Мы не финансовая пирамида: платим 3% в день.",
    "Это не обман, гарантированный доход 3% в день!",
    "We are not a scam: your deposit earns 3% daily.",
    "Біз қаржы пирамидасы емеспіз, күніне 3% табыс.",
])
def test_denials_are_not_reported_speech(text):
    assert not any(h.reported for h in presence_hits(text))


def test_a_later_offer_counts_even_after_a_warning():
    text = "Осторожно: мошенники обещают 5% в день. У нас честно: 3% в день!"
    [hit] = [h for h in presence_hits(text) if h.id == "pyramid.fixed_daily_return"]
    assert not hit.reported and hit.evidence == "У нас честно: 3% в день!"


def test_warning_words_next_to_its_own_offer_is_still_operator():
    text = "Ваш депозит приносит 3% в день. Осторожно, мошенники копируют наш сайт."
    assert not any(h.reported for h in presence_hits(text))


@pytest.mark.parametrize("html", [
    '<form><input name="wallet_from"><input name="amount"></form>',
    '<form><input type="password" name="p"></form>',
    '<a href="https://example.top/register?ref=48213">join</a>',
    '<div class="countdown">02:00:00</div>',
    "<table><tr><td>VIP</td><td>3% в день</td></tr></table>",
])
def test_operator_features_cancel_the_discount(html):
    text = ("Осторожно, мошенники обещают гарантированный доход 3% в день и 5-уровневую "
            "реферальную программу.")
    assert any(h.reported for h in presence_hits(text))
    hits = presence_hits(text, html)
    assert hits and not any(h.reported for h in hits)


def test_wallet_address_in_text_cancels_the_discount():
    warning = "Осторожно, мошенники обещают гарантированный доход 3% в день."
    assert all(h.reported for h in presence_hits(warning))
    text = warning + "\nКошелёк: TQ5NWwv5q9bYkyDJf4sVUXQ2Bz7sa5QLmK"
    assert presence_hits(text) and not any(h.reported for h in presence_hits(text))
