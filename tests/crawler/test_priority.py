"""Which links a small page budget reaches first."""

from __future__ import annotations

from crawler.frontier.priority import link_priority


def test_evidence_pages_come_before_ordinary_ones():
    register = link_priority("http://a.kz/signup", "Регистрация")
    plans = link_priority("http://a.kz/p/3", "Инвестиционные планы")
    loan = link_priority("http://a.kz/form", "Оформить займ")
    contacts = link_priority("http://a.kz/contacts", "")
    about = link_priority("http://a.kz/x", "Біз туралы")
    news = link_priority("http://a.kz/news/1", "Новости")
    assert register > plans >= loan > contacts > about > news == 0


def test_calendars_and_media_come_last():
    assert link_priority("http://a.kz/events?date=2024-01-01", "Регистрация") < 0
    assert link_priority("http://a.kz/2024/05/", "") < 0
    assert link_priority("http://a.kz/promo.mp4", "") < 0


def test_app_downloads_are_fetched_to_be_recorded():
    assert link_priority("http://a.kz/app.apk", "") > link_priority("http://a.kz/contacts", "")
