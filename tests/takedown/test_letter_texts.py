"""A letter speaks one language throughout, names only the offences of the sites it lists,
and cites the laws they break: the access restriction law, then each category's own law."""

from __future__ import annotations

import re
from datetime import date

import pytest

from classifiers.explain import category_citations, category_name
from fraudwatch.config import load_config
from fraudwatch.letter_texts import LETTER_TEXTS
from fraudwatch.store import Site
from takedown.letters import Draft, build_letters, letter_context
from takedown.render import render_html

DAY = date(2026, 11, 20)


def _sites(*categories: str) -> list[Site]:
    return [Site(domain=f"{c}-site.kz", category=c, verdict="illegal", review_state="confirmed")
            for c in categories]


def _letter(config, letter_type: str, lang: str, sites: list[Site]) -> str:
    draft = Draft(letter_type, "Recipient", lang, sites)
    rows = [{"domain": s.domain, "domain_unicode": s.domain, "title": "", "ip": "",
             "urls": [f"http://{s.domain}/"], "more_urls": 0, "category": s.category,
             "signs": [], "first_seen": "2026-11-01", "cloaking": False,
             "evidence": {"pack": f"evidence-{s.domain}.zip", "sha256": "0" * 64}} for s in sites]
    template = {"blocking": "blocking", "abuse_registrar": "abuse"}[letter_type]
    return render_html(template, lang, letter_context(config, draft, "FW-1", DAY, rows))


@pytest.fixture
def config(tmp_path):
    return load_config(environ={}, overrides={"var_dir": str(tmp_path / "var")})


def test_a_kazakh_request_has_no_russian_text_of_the_configuration(config):
    html = _letter(config, "blocking", "kk", _sites("casino", "pyramid"))
    letterhead, letter = html.split('<hr class="blank-rule">', 1)
    for name, (_help, texts) in LETTER_TEXTS.items():
        assert texts["kk"] in html, name
        if texts["ru"] != texts["kk"]:
            assert texts["ru"] not in letter, name  # the Russian value never leaks in
    assert "министрлігіне" in letter  # the addressee in the dative
    # the бланк is bilingual, as a Kazakh state body's is: Kazakh first, then Russian
    kk_name, ru_name = (LETTER_TEXTS["sender_name"][1][lang] for lang in ("kk", "ru"))
    assert letterhead.index(kk_name) < letterhead.index(ru_name)


def test_a_request_cites_the_laws_of_the_kinds_it_lists_and_only_those(config):
    html = _letter(config, "blocking", "ru", _sites("casino", "pyramid"))
    bases = re.search(r'<ol class="bases">(.*?)</ol>', html, re.S).group(1)
    items = re.findall(r"<li>(.*?)</li>", bases, re.S)
    assert "41-1" in items[0]  # the access restriction law first
    for kind in ("casino", "pyramid"):
        assert all(c in bases for c in category_citations(kind, "ru"))
        assert category_name(kind, "ru") in html
    assert not any(c in html for c in category_citations("loan", "ru"))
    assert category_name("loan", "ru") not in html and "займ" not in html.lower()


def test_an_english_abuse_notice_cites_the_law_in_english(config):
    html = _letter(config, "abuse_registrar", "en", _sites("loan"))
    assert LETTER_TEXTS["sender_name"][1]["en"] in html
    assert LETTER_TEXTS["signatory_position"][1]["en"] in html
    assert category_citations("loan", "en")[0] in html
    assert not re.search("[а-яёқңғүұһі]", html.split('<div class="annex">')[0], re.I)
    assert LETTER_TEXTS["addressee_official"][1]["en"] not in html  # not to the ministry


def test_each_language_of_a_text_is_configured_on_its_own(tmp_path):
    config = load_config(environ={"FRAUDWATCH_LETTERS_SENDER_NAME_KK": "Агенттік (сынақ)"},
                         overrides={"var_dir": str(tmp_path / "var")})
    assert config.letter_text("sender_name", "kk") == "Агенттік (сынақ)"
    assert config.letter_text("sender_name", "ru") == LETTER_TEXTS["sender_name"][1]["ru"]
    blank = load_config(environ={}, overrides={"var_dir": str(tmp_path / "var"),
                                               "letters.signatory_position_en": ""})
    assert blank.letter_text("signatory_position", "en") == \
        LETTER_TEXTS["signatory_position"][1]["ru"]


def test_built_letters_use_the_texts_of_their_language(confirmed_store, config, tmp_path):
    config.values["letters.ministry_lang"] = "kk"
    letters = build_letters(confirmed_store, config, tmp_path / "out", DAY)
    ministry = next(x for x in letters if x.letter_type == "blocking")
    html = (tmp_path / "out" / f"{ministry.number.replace('/', '-')}.kk.html").read_text()
    assert LETTER_TEXTS["signatory_position"][1]["kk"] in html
    assert LETTER_TEXTS["signatory_position"][1]["ru"] not in html


def test_each_listed_site_cites_its_evidence_pack_and_the_manifest_digest(confirmed_store, config,
                                                                          tmp_path):
    from takedown.evidence import manifest_digest, verify_pack

    letters = build_letters(confirmed_store, config, tmp_path / "out", DAY)
    ministry = next(x for x in letters if x.letter_type == "blocking")
    html = (tmp_path / "out" / f"{ministry.number.replace('/', '-')}.ru.html").read_text()
    packs = sorted((tmp_path / "out" / "evidence").glob("evidence-*.zip"))
    assert len(packs) == len(ministry.site_ids)  # one pack a site, shared by its letters
    for pack in packs:
        assert verify_pack(pack) == []  # the pack proves itself (sha256sum -c)
        assert pack.name in html and manifest_digest(pack) in html  # the full digest
    assert "cap:" not in html


def test_a_cloaked_sites_row_says_victims_see_other_content(config):
    sites = _sites("casino")
    sites[0].cloaking = True
    draft = Draft("blocking", "Recipient", "kk", sites)
    rows = [{"domain": "casino-site.kz", "domain_unicode": "casino-site.kz", "title": "Decoy",
             "ip": "", "urls": ["http://casino-site.kz/"], "more_urls": 0, "category": "casino",
             "signs": [], "first_seen": "2026-11-01", "cloaking": True,
             "evidence": {"pack": "evidence-casino-site.kz.zip", "sha256": "0" * 64}}]
    html = render_html("blocking", "kk", letter_context(config, draft, "FW-1", DAY, rows))
    annex = html.split('<div class="annex">', 1)[1]
    assert "Бүркемелеу" in annex
