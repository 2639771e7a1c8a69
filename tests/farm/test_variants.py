"""JS-only pages hide their text; mirror pairs share the operator's fingerprints."""

import base64
import re
from html.parser import HTMLParser


class _VisibleText(HTMLParser):
    """Text a static crawler sees: everything outside script, style and head."""

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in ("script", "style", "title", "noscript")

    def handle_endtag(self, tag):
        self.hidden -= tag in ("script", "style", "title", "noscript")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data.strip())


def visible_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return " ".join(p for p in parser.parts if p)


def test_js_only_variant_has_no_visible_text_in_static_html(farm, get):
    js_only = [s for s in farm.sites if s.variant == "js-only"]
    assert len(js_only) >= 2
    for site in js_only:
        html = get(site.host).text
        assert '<div id="app"></div>' in html
        assert visible_text(html) == ""
        assert site.operator.phone not in html
        encoded = re.search(r'innerHTML=d\("([A-Za-z0-9+/=]+)"\)', html)[1]
        assert site.operator.phone in base64.b64decode(encoded).decode("utf-8")


def test_static_page_has_visible_text(farm, get):
    assert len(visible_text(get("zolotaya-fishka.kz").text)) > 300


def test_mirror_pairs_share_every_fingerprint(farm, get, by_domain):
    mirrors = [s for s in farm.sites if s.mirror_of]
    assert len(mirrors) >= 2
    for mirror in mirrors:
        original = by_domain[mirror.mirror_of]
        op = original.operator
        assert mirror.operator == op
        for site in (original, mirror):
            html = get(site.host, "/contacts").text + get(site.host).text
            assert op.telegram in html and op.phone in html and op.email in html
            assert f"ym({op.metrica_id}, \"init\"" in html and op.ga_id in html
            assert f'class="{op.template}-main"' in html
    wallet_pages = {site: get(site, "/deposit").text
                    for site in ("zolotaya-fishka.kz", "zolotaya-fishka-777.com")}
    wallet = by_domain["zolotaya-fishka.kz"].operator.wallet
    assert all(wallet in page for page in wallet_pages.values())


def test_mixed_site_speaks_russian_and_kazakh(farm, get):
    text = get("dala-jackpot.kz").text
    assert "Добро пожаловать" in text and "қош келдіңіз" in text


def test_pyramid_has_plans_and_a_countdown(farm, get):
    html = get("bereke-capital.com", "/plans").text
    assert 'class="countdown"' in html and "setInterval" in html
    assert "<th>Доходность</th>" in html
