"""Values for the `{slot}`s of the team-written texts: invented names and plausible numbers.

Vocabularies live in `data/texts/common/slots.yaml`; this module only draws from them and
formats numbers and money the way pages in each language write them.
"""

from __future__ import annotations

import random
import string
from functools import cache
from pathlib import Path

import yaml

SLOTS_PATH = Path(__file__).resolve().parent.parent / "data" / "texts" / "common" / "slots.yaml"
# Money as pages of each language write it: (symbol or word, before the number?)
CURRENCIES = {
    "ru": [("тенге", False), ("₸", False), ("$", True), ("USDT", False), ("₽", False)],
    "kk": [("теңге", False), ("₸", False), ("$", True), ("USDT", False)],
    "en": [("$", True), ("USD", False), ("KZT", False), ("€", True), ("USDT", False)],
    "uk": [("грн", False), ("$", True), ("USDT", False)],
    "uz": [("so'm", False), ("$", True), ("USDT", False)],
    "ky": [("сом", False), ("$", True), ("USDT", False)],
    "tk": [("manat", False), ("$", True), ("USDT", False)],
    "tr": [("TL", False), ("₺", False), ("$", True), ("USDT", False)],
    "az": [("AZN", False), ("₼", False), ("$", True), ("USDT", False)],
    "es": [("€", False), ("$", True), ("USDT", False)],
    "pt": [("€", False), ("R$", True), ("$", True), ("USDT", False)],
}
DOT_DECIMAL = {"en"}
DAILY_PERCENTS = (0.5, 0.8, 1, 1.2, 1.5, 2, 2.5, 3, 3.5, 4, 5, 7)
SLOT_NAMES = (
    "brand", "brand2", "domain", "domain2", "company", "bank", "person", "city",
    "pct_day", "pct_week", "pct_month", "pct_year", "pct_year_high", "pct_small",
    "ref1", "ref2", "ref3", "amount_min", "amount", "amount_max", "usd_min", "usd_max",
    "currency", "n", "count", "days", "hours", "minutes", "levels", "year", "date", "time",
    "phone", "email", "bin", "iin", "licence", "wallet", "url", "provider", "provider2", "game",
    "game2", "team1", "team2", "odds", "odds2", "wager", "bonus_pct", "spins", "promo", "rate",
    "apr", "loan_days", "coin", "coin2",
)


@cache
def vocabulary(path: Path = SLOTS_PATH) -> dict:
    """The slot vocabularies, read once."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _decimal(value: float, lang: str, rng: random.Random, places: int = 1) -> str:
    """`value` with the decimal separator pages of `lang` use (sometimes the other one)."""
    text = f"{value:.{places}f}".rstrip("0").rstrip(".") if places else str(round(value))
    comma = lang not in DOT_DECIMAL and rng.random() < 0.7
    return text.replace(".", ",") if comma else text


def _grouped(value: int, lang: str, rng: random.Random) -> str:
    """An integer with thousands grouped as pages of `lang` do (space, dot, comma or none)."""
    if value < 1000 or rng.random() < 0.2:
        return str(value)
    separator = "," if lang in DOT_DECIMAL else rng.choice((" ", " ", "\u00a0", "."))
    return f"{value:,}".replace(",", separator)


def _money(value: int, lang: str, rng: random.Random, currency: tuple[str, bool]) -> str:
    symbol, before = currency
    number = _grouped(value, lang, rng)
    return f"{symbol}{number}" if before else f"{number} {symbol}"


def _scale(currency: tuple[str, bool]) -> int:
    """How many units of `currency` a dollar is worth, roughly (amounts stay plausible)."""
    return {"тенге": 480, "теңге": 480, "₸": 480, "KZT": 480, "₽": 90, "грн": 40, "so'm": 12000,
            "сом": 87, "manat": 3, "TL": 32, "₺": 32, "AZN": 2, "₼": 2, "R$": 5}.get(currency[0], 1)


def _round(value: float) -> int:
    """A round-looking amount near `value`."""
    magnitude = 10 ** max(0, len(str(int(value))) - 2)
    return max(1, int(value // magnitude) * magnitude)


def _brand(rng: random.Random, split: str) -> str:
    words = vocabulary()
    return rng.choice(words["brand_heads"]) + rng.choice(words["brand_tails"][split])


def _lang_list(key: str, lang: str) -> list[str]:
    table = vocabulary()[key]
    return table.get(lang) or table["en"]


def _wallet(rng: random.Random) -> str:
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    if rng.random() < 0.5:
        return "T" + "".join(rng.choice(alphabet) for _ in range(33))
    return "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))


def _phone(rng: random.Random, lang: str) -> str:
    if lang in ("ru", "kk", "en") or rng.random() < 0.3:
        return (f"+7 7{rng.randint(0, 7)}{rng.randint(0, 9)} {rng.randint(100, 999)} "
                f"{rng.randint(10, 99)} {rng.randint(10, 99)}")
    code = {"uk": "380", "uz": "998", "ky": "996", "tk": "993", "tr": "90", "az": "994",
            "es": "34", "pt": "351"}.get(lang, "44")
    return f"+{code} {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def _ref_levels(rng: random.Random) -> tuple[int, int, int]:
    first = rng.randint(5, 15)
    second = rng.randint(2, max(2, first - 2))
    return first, second, rng.randint(1, max(1, second - 1))


def _names(rng: random.Random, lang: str, split: str) -> dict[str, str]:
    """The names of one page: brands, domains, company, bank, person, city."""
    brand, brand2 = _brand(rng, split), _brand(rng, split)
    tld = rng.choice(vocabulary()["tlds"])
    company_form = rng.choice(_lang_list("company_forms", lang))
    return {
        "brand": brand, "brand2": brand2,
        "domain": f"{brand.lower()}{rng.choice(['', str(rng.randint(1, 99))])}.{tld}",
        "domain2": f"{brand2.lower()}.{rng.choice(vocabulary()['tlds'])}",
        "company": company_form.format(name=brand),
        "bank": f"{rng.choice(vocabulary()['brand_heads'])} Bank",
        "person": f"{rng.choice(_lang_list('first_names', lang))} "
                  f"{rng.choice(_lang_list('surnames', lang))}",
        "city": rng.choice(_lang_list("cities", lang)),
        "url": f"https://{brand.lower()}.{tld}/",
        "email": f"{rng.choice(['support', 'info', 'help', 'admin', 'office'])}@"
                 f"{brand.lower()}.{tld}",
    }


def _money_values(rng: random.Random, lang: str) -> dict[str, str]:
    currency = rng.choice(CURRENCIES.get(lang, CURRENCIES["en"]))
    scale = _scale(currency)
    low = _round(rng.choice([5, 10, 10, 20, 50, 100]) * scale)
    mid = _round(low * rng.choice([10, 20, 50]))
    high = _round(mid * rng.choice([5, 10, 20]))
    dollar = ("$", True)
    return {
        "currency": currency[0],
        "amount_min": _money(low, lang, rng, currency),
        "amount": _money(mid, lang, rng, currency),
        "amount_max": _money(high, lang, rng, currency),
        "usd_min": _money(rng.choice([1, 5, 10, 10, 20, 50, 100]), lang, rng, dollar),
        "usd_max": _money(rng.choice([1000, 5000, 10000, 50000, 100000]), lang, rng, dollar),
    }


def _percent_values(rng: random.Random, lang: str) -> dict[str, str]:
    ref1, ref2, ref3 = _ref_levels(rng)
    return {
        "pct_day": _decimal(rng.choice(DAILY_PERCENTS), lang, rng),
        "pct_week": str(rng.randint(5, 35)), "pct_month": str(rng.randint(12, 120)),
        "pct_year": _decimal(rng.uniform(7, 18), lang, rng),
        "pct_year_high": str(rng.choice([120, 180, 240, 365, 500, 730, 900])),
        "pct_small": str(rng.randint(1, 9)),
        "ref1": str(ref1), "ref2": str(ref2), "ref3": str(ref3),
        "rate": _decimal(rng.choice([0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 1]), lang, rng, places=2),
        "apr": _decimal(rng.uniform(18, 56), lang, rng),
        "bonus_pct": str(rng.choice([100, 120, 150, 200, 250, 300, 500])),
    }


def _game_values(rng: random.Random) -> dict[str, str]:
    words = vocabulary()
    provider, provider2 = rng.sample(words["providers"], 2)
    game, game2 = rng.sample(words["games"], 2)
    team1, team2 = rng.sample(words["teams"], 2)
    coin, coin2 = rng.sample(words["coins"], 2)
    return {
        "provider": provider, "provider2": provider2, "game": game, "game2": game2,
        "team1": team1, "team2": team2, "coin": coin, "coin2": coin2,
        "odds": f"{rng.uniform(1.15, 4.5):.2f}", "odds2": f"{rng.uniform(1.5, 9.5):.2f}",
        "wager": str(rng.choice([20, 30, 35, 40, 45, 50, 60])),
        "spins": str(rng.choice([10, 20, 25, 50, 70, 100, 150, 200, 250, 500])),
        "promo": rng.choice(words["promo_words"]) + str(rng.randint(10, 999)),
    }


def _counts_and_ids(rng: random.Random, lang: str) -> dict[str, str]:
    year = rng.randint(2022, 2026)
    return {
        "n": str(rng.randint(2, 9)), "count": _grouped(rng.randint(50, 90000), lang, rng),
        "days": str(rng.choice([3, 5, 7, 10, 14, 20, 30, 45, 60, 90, 120, 180, 365])),
        "hours": str(rng.randint(1, 72)), "minutes": str(rng.choice([1, 2, 3, 5, 10, 15, 30])),
        "levels": str(rng.randint(3, 12)), "loan_days": str(rng.choice([5, 7, 10, 15, 21, 30])),
        "year": str(year),
        "date": f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{year}",
        "time": f"{rng.randint(0, 23):02d}:{rng.choice(['00', '15', '30', '45'])}",
        "phone": _phone(rng, lang),
        "bin": "".join(rng.choice(string.digits) for _ in range(12)),
        "iin": "".join(rng.choice(string.digits) for _ in range(12)),
        "licence": f"{rng.randint(1, 9):02d}.{rng.randint(10, 24)}.{rng.randint(1, 999):04d}",
        "wallet": _wallet(rng),
    }


def slot_values(rng: random.Random, lang: str, split: str = "train") -> dict[str, str]:
    """A value for every slot, for one page in `lang` (brand endings differ per split)."""
    values = {**_names(rng, lang, split), **_money_values(rng, lang),
              **_percent_values(rng, lang), **_game_values(rng), **_counts_and_ids(rng, lang)}
    assert set(values) == set(SLOT_NAMES), set(values) ^ set(SLOT_NAMES)
    return values
