"""The shipped model: trained on today's corpus, calibrated, with its report; and it behaves on
pages written for this test (not generated from the corpus texts)."""

import pytest

from classifiers import predict
from classifiers.artifact import load_model
from classifiers.corpus import corpus_sha256
from classifiers.verdict import CATEGORIES

FRAUD = {
    "hyip_en": ("Welcome to Orbitrex Capital. Our AI arbitrage engine trades 24/7 so you do not "
                "have to. Starter plan: 1.8% every 24 hours for 30 days, principal back at the "
                "end. Premium plan: 3.2% daily for 45 days. Withdrawals are processed "
                "instantly to your USDT wallet. Refer partners and receive 7% / 3% / 1% from "
                "three levels of their deposits. Register now, the next pool closes soon.",
                "pyramid"),
    "matrix_ru": ("Клуб «Взлёт». Вход всего 10 USDT. Покупаешь место в матрице 2х2, четыре "
                  "новых участника под тобой закрывают стол, и ты получаешь 40 USDT, после чего "
                  "автоматически переходишь на следующий уровень. Приглашай друзей — переливы "
                  "от вышестоящих тоже идут тебе.", "pyramid"),
    "casino_mirror_ru": ("Официальный сайт казино Сапфир — рабочее зеркало на сегодня. Если "
                         "основной домен недоступен, используйте эту ссылку или скачайте "
                         "приложение. Приветственный пакет до 500 000 ₸ и 250 фриспинов, "
                         "вейджер х40. Более 4000 слотов от Pragmatic Play и Evolution.",
                         "casino"),
    "loan_kk": ("Бас тартусыз онлайн несие! Несие тарихыңыз нашар болса да, 15 минутта "
                "картаңызға 300 000 теңгеге дейін аударамыз. Өтінімді толтырыңыз, ЖСН мен "
                "карта деректерін енгізіңіз — кепілсіз, анықтамасыз.", "loan"),
}
LAWFUL = {
    "bank_ru": ("АО «Береке Банк». Депозит «Сберегательный»: ставка 14,5% годовых, ГЭСВ 15,2%. "
                "Вклады гарантированы АО «Казахстанский фонд гарантирования депозитов» в "
                "пределах 20 млн тенге. Лицензия АРРФР № 1.2.45/230 от 12.03.2021. "
                "БИН 990140000777. Отделения в Алматы и Астане."),
    "warning_kk": ("Қаржы пирамидасының белгілері. Сізге «күніне 2% табыс» немесе "
                   "«кепілдендірілген пайда» уәде етсе, абай болыңыз: бұл алаяқтардың әдісі. "
                   "Жаңа қатысушыларды шақырғаны үшін сыйақы төлейтін жобалар ҚР Қылмыстық "
                   "кодексінің 217-бабы бойынша қудаланады. Компанияның лицензиясын ҚНРДА "
                   "сайтынан тексеріңіз."),
    "news_en": ("Court sentences organiser of a Ponzi scheme. The scheme promised investors "
                "returns of 3% a day and paid early members with money from new ones, "
                "prosecutors said. More than 4,000 people lost savings; the court ordered the "
                "assets confiscated."),
    "shop_ru": ("Интернет-магазин «Зере». Кешбэк 5% бонусами на каждую покупку, промокод "
                "ZERE10 даёт скидку 10% на первый заказ. Доставка по Казахстану от 2 дней, "
                "оплата картой или в рассрочку. ТОО «Зере Трейд», БИН 180540001234."),
}


def test_model_is_trained_on_todays_corpus_and_calibrated():
    model = load_model()
    assert model is not None, "no shipped model: run `fraudwatch train`"
    assert model.data["corpus_sha256"] == corpus_sha256(), (
        "classifiers/data/texts changed since the model was trained: run `fraudwatch train`")
    assert set(model.classes) == set(CATEGORIES)
    assert model.temperature_fast > 0 and model.temperature_semantic > 0
    assert 0.0 <= model.blend <= 1.0 and model.semantic is not None
    assert {"macro_f1", "illegal_precision", "confusion"} <= set(model.metrics)


@pytest.mark.parametrize("name", sorted(FRAUD))
def test_fraud_written_for_this_test_is_flagged(name):
    text, category = FRAUD[name]
    verdict = predict(text)
    assert (verdict.category, verdict.verdict in ("illegal", "suspicious")) == (category, True), \
        verdict


@pytest.mark.parametrize("name", sorted(LAWFUL))
def test_lawful_pages_written_for_this_test_are_never_illegal(name):
    verdict = predict(LAWFUL[name])
    assert verdict.verdict != "illegal", verdict
    assert verdict.category == "legit", verdict
