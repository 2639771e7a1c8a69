"""HTML for corpus pages: title, meta description, a menu of links, the text, and decorations
(forms, tables, scripts, links) that fit the archetype, so that training sees pages shaped like
those the crawler fetches."""

from __future__ import annotations

import random
from html import escape

LINK_WORDS = {
    "ru": ["Главная", "О нас", "Контакты", "Помощь", "Вход", "Регистрация", "Новости", "FAQ"],
    "kk": ["Басты бет", "Біз туралы", "Байланыс", "Көмек", "Кіру", "Тіркелу", "Жаңалықтар"],
    "en": ["Home", "About", "Contact", "Help", "Log in", "Sign up", "News", "FAQ"],
}
BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
PROVIDER_HOSTS = ("pragmaticplay", "netent", "evolution", "playngo", "bgaming", "endorphina")


def _decoration(rng: random.Random, name: str) -> str:
    """The HTML of one decoration."""
    code = rng.randint(1000, 99999)
    return {
        "deposit_form": '<form action="/deposit" method="post"><input name="amount">'
                        '<select name="plan"><option>1</option></select>'
                        '<input name="wallet"><button>OK</button></form>',
        "card_form": '<form action="/pay" method="post"><input name="card_number">'
                     '<input name="card_exp"><input name="cvv"><button>OK</button></form>',
        "id_upload": '<form action="/verify" method="post" enctype="multipart/form-data">'
                     '<input type="file" name="id_photo"><input type="file" name="selfie">'
                     '</form>',
        "registration_form": '<form action="/register" method="post"><input name="email">'
                             '<input type="password" name="password"><button>OK</button></form>',
        "plan_table": "<table><tr><th>Start</th><th>Gold</th><th>VIP</th></tr>"
                      f"<tr><td>{rng.choice([1, 1.5, 2, 3])}% daily</td>"
                      f"<td>{rng.choice([3, 4, 5])}% daily</td><td>{rng.choice([6, 8])}% daily</td>"
                      "</tr></table>",
        "referral_link": f'<a href="/register?ref={code}">ref</a>',
        "countdown": f'<div class="countdown-timer" data-end="{code}">00:{code % 60:02d}:00</div>',
        "wallet_address": f'<div class="wallet">T{"".join(rng.choices(BASE58, k=33))}</div>',
        "casino_scripts": f'<script src="https://cdn.{rng.choice(PROVIDER_HOSTS)}.com/loader.js">'
                          "</script>",
        "game_grid": "".join(f'<div class="game-card"><img src="/g/{i}.webp"></div>'
                             for i in range(rng.randint(4, 12))),
        "apply_form": '<form action="/apply" method="post"><input name="name"><input name="phone">'
                      '<input name="iin"><button>OK</button></form>',
        "contact_form": '<form action="/contact" method="post"><input name="name">'
                        '<input name="email"><textarea name="message"></textarea></form>',
        "news_layout": f'<time datetime="2025-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"></time>'
                       '<div class="share"><a href="https://t.me/share">t</a></div>',
        "shop_layout": '<div class="cart"><a href="/cart">cart</a></div>'
                       f'<div class="price">{rng.randint(500, 90000)}</div>',
        "plain": "",
    }[name]


def _menu(rng: random.Random, lang: str) -> str:
    words = LINK_WORDS.get(lang[:2], LINK_WORDS["en"])
    links = rng.sample(words, rng.randint(2, len(words)))
    return "<nav>" + "".join(f'<a href="/{i}">{escape(w)}</a>' for i, w in enumerate(links)) + \
        "</nav>"


def render_html(rng: random.Random, decorations: tuple[str, ...], title: str,
                lines: tuple[str, ...], lang: str) -> str:
    """A page in HTML: head, menu, text lines as headings and paragraphs, decorations."""
    description = lines[0] if lines and rng.random() < 0.7 else ""
    head = f"<title>{escape(title)}</title>"
    if description:
        head += f'<meta name="description" content="{escape(description[:160], quote=True)}">'
    body = [_menu(rng, lang) if rng.random() < 0.6 else "", f"<h1>{escape(title)}</h1>"]
    body += [f"<p>{escape(line)}</p>" for line in lines]
    if decorations:
        for name in rng.sample(decorations, rng.randint(0, len(decorations))):
            body.insert(rng.randint(1, len(body)), _decoration(rng, name))
    return (f'<!doctype html><html lang="{lang[:2]}"><head><meta charset="utf-8">{head}</head>'
            f"<body>{''.join(body)}</body></html>")
