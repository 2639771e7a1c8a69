"""The farm's site catalogue: every fictional domain, who runs it and what a crawler should find."""

from __future__ import annotations

import hashlib
import random
import string
from dataclasses import asdict, dataclass, replace

LANGS = ("ru", "kk", "en", "mixed")
CDN_DOMAIN = "static.dalacdn.com"
JQUERY = "/libs/jquery-3.7.1.min.js"
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


@dataclass(frozen=True)
class Operator:
    """Contact and tracking identifiers that one operator repeats on every domain it runs."""

    id: str
    brand: str
    telegram: str
    phone: str
    email: str
    metrica_id: str
    ga_id: str
    wallet: str | None
    template: str  # class-name prefix of the operator's page template
    favicon: bool = False


@dataclass(frozen=True)
class FarmSite:
    """One virtual host: what it serves (kind, lang, variant) and what a classifier should say."""

    domain: str  # Unicode form; `host` is what arrives in the Host header
    category: str | None  # None: no page to classify (CDN, bombs, error pages)
    lang: str
    kind: str  # the content set or hostile handler that renders it
    operator: Operator
    variant: str = "static"  # or "js-only": the body is written by a script
    mirror_of: str | None = None
    hard_negative: bool = False
    hostile: str | None = None
    seed: bool = True  # False: reachable only through links from other farm sites
    robots_disallow: bool = False
    cdn_scripts: tuple[str, ...] = ()
    links: tuple[str, ...] = ()  # farm domains linked from the landing page
    cloaks: bool = False  # crawlers get a harmless decoy (`decoy`), victims' browsers the site

    @property
    def decoy(self) -> FarmSite:
        """What a cloaking site shows crawlers: a legitimate flower shop on the same domain."""
        return replace(self, category="legit", kind="flowers", cloaks=False,
                       operator=_operator(f"sad.{self.domain}", "Тихий Сад", "tihiy_sad"))

    @property
    def host(self) -> str:
        """The ASCII (punycode) host name a client sends."""
        return self.domain.encode("idna").decode("ascii")

    def url(self, port: int, path: str = "/") -> str:
        """The site's URL on the farm's port, with the ASCII host."""
        return f"http://{self.host}:{port}{path}"


def _operator(key: str, brand: str, handle: str, *, wallet: bool = False,
              favicon: bool = False) -> Operator:
    """Invent an operator's identifiers deterministically from its key (its first domain)."""
    rng = random.Random(f"farm-operator:{key}")
    digits = "".join(rng.choices(string.digits, k=9))
    return Operator(
        id=key,
        brand=brand,
        telegram=f"@{handle}_{rng.choice(['support', 'official', 'vip', 'help'])}",
        phone=f"+7 7{rng.choice('0124578')}{digits[0]} {digits[1:4]} {digits[4:6]} {digits[6:8]}",
        email=f"{rng.choice(['support', 'info', 'help', 'office'])}@{key.encode('idna').decode()}",
        metrica_id=str(rng.randint(10_000_000, 99_999_999)),
        ga_id="G-" + "".join(rng.choices(string.ascii_uppercase + string.digits, k=10)),
        wallet="T" + "".join(rng.choices(_BASE58, k=33)) if wallet else None,
        template="t" + hashlib.sha1(key.encode()).hexdigest()[:5],
        favicon=favicon,
    )


_FISHKA = _operator("zolotaya-fishka.kz", "Золотая Фишка", "zfishka", wallet=True, favicon=True)
_ZAIM24 = _operator("bystro-zaim24.kz", "БыстроЗайм24", "zaim24")
_BEREKE = _operator("bereke-capital.com", "Береке Капитал", "bereke_cap", wallet=True)


def _normal_sites() -> list[FarmSite]:
    """The ordinary web: fraud sites, their mirrors, and legitimate look-alikes."""
    op = _operator
    return [
        FarmSite("zolotaya-fishka.kz", "casino", "ru", "casino", _FISHKA),
        FarmSite("zolotaya-fishka-777.com", "casino", "ru", "casino", _FISHKA,
                 mirror_of="zolotaya-fishka.kz", seed=False),
        FarmSite("казино-алтын.қаз", "casino", "kk", "casino",
                 op("казино-алтын.қаз", "Алтын Казино", "altyn_kazino", wallet=True)),
        FarmSite("lucky-steppe.com", "casino", "en", "casino",
                 op("lucky-steppe.com", "Lucky Steppe", "luckysteppe", wallet=True),
                 variant="js-only"),
        FarmSite("dala-jackpot.kz", "casino", "mixed", "casino",
                 op("dala-jackpot.kz", "Dala Jackpot", "dalajackpot", wallet=True), seed=False),
        FarmSite("top-kazino-obzor.com", "casino", "ru", "affiliate",
                 op("top-kazino-obzor.com", "Топ Казино KZ", "topkazino"),
                 links=("zolotaya-fishka-777.com", "dala-jackpot.kz", "казино-алтын.қаз",
                        "lucky-steppe.com")),
        FarmSite("tihaya-gavan.kz", "casino", "ru", "casino-cloaked",
                 op("tihaya-gavan.kz", "Тихая Гавань Казино", "tgavan", wallet=True), cloaks=True),
        FarmSite("bystro-zaim24.kz", "loan", "ru", "loan", _ZAIM24),
        FarmSite("zaim-bystro24.com", "loan", "ru", "loan", _ZAIM24, mirror_of="bystro-zaim24.kz"),
        FarmSite("tez-nesie.kz", "loan", "kk", "loan", op("tez-nesie.kz", "Тез Несие", "teznesie"),
                 cdn_scripts=(JQUERY,)),
        FarmSite("easycash-online.com", "loan", "en", "loan",
                 op("easycash-online.com", "EasyCash Online", "easycash")),
        FarmSite("kredit-bez-otkaza.kz", "loan", "ru", "loan",
                 op("kredit-bez-otkaza.kz", "Кредит Без Отказа", "kbo_credit"), variant="js-only"),
        FarmSite("bereke-capital.com", "pyramid", "ru", "pyramid", _BEREKE,
                 links=("zolotaya-fishka.kz",)),
        FarmSite("bereke-kapital.kz", "pyramid", "ru", "pyramid", _BEREKE,
                 mirror_of="bereke-capital.com", links=("zolotaya-fishka.kz",)),
        FarmSite("qazyna-profit.kz", "pyramid", "kk", "pyramid",
                 op("qazyna-profit.kz", "Qazyna Profit", "qazynaprofit", wallet=True)),
        FarmSite("global-yield-union.com", "pyramid", "en", "pyramid",
                 op("global-yield-union.com", "Global Yield Union", "gyu_invest", wallet=True),
                 variant="js-only"),
        FarmSite("narodnyi-kapital.kz", "pyramid", "ru", "pyramid",
                 op("narodnyi-kapital.kz", "Народный Капитал", "narkapital", wallet=True),
                 robots_disallow=True),
        FarmSite("mfo-senim.kz", "legit", "ru", "mfo",
                 op("mfo-senim.kz", "Сенім Финанс", "senim_mfo"), hard_negative=True),
        FarmSite("dala-bank.kz", "legit", "kk", "bank", op("dala-bank.kz", "Дала Банк", "dalabank"),
                 hard_negative=True),
        FarmSite("steppe-bet.kz", "legit", "ru", "bookmaker",
                 op("steppe-bet.kz", "Степь Бет", "steppebet"), hard_negative=True),
        FarmSite("stepnoy-vestnik.kz", "legit", "ru", "news",
                 op("stepnoy-vestnik.kz", "Степной вестник", "stepvestnik"), hard_negative=True,
                 links=("tenge-wise.com",)),
        FarmSite("tenge-wise.com", "legit", "en", "blog",
                 op("tenge-wise.com", "Tenge Wise", "tengewise"), hard_negative=True,
                 links=("dala-bank.kz", "mfo-senim.kz")),
        FarmSite("bazar-market.kz", "legit", "ru", "shop",
                 op("bazar-market.kz", "Базар Маркет", "bazarmarket"), hard_negative=True),
        FarmSite("tan-nany.kz", "legit", "kk", "bakery", op("tan-nany.kz", "Таң Наны", "tannany"),
                 cdn_scripts=(JQUERY,)),
        FarmSite("steppe-trails.com", "legit", "en", "travel",
                 op("steppe-trails.com", "Steppe Trails", "steppetrails")),
        FarmSite(CDN_DOMAIN, None, "en", "cdn", op(CDN_DOMAIN, "DalaCDN", "dalacdn"), seed=False),
    ]


def _hostile_sites() -> list[FarmSite]:
    """Sites that attack or trap a crawler; some still carry a page worth classifying."""
    def hostile(domain, kind, category=None, lang="en", content=None, brand=None):
        operator = _operator(domain, brand or domain, domain.split(".")[0].replace("-", "_"))
        return FarmSite(domain, category, lang, content or kind, operator, hostile=kind)

    return [
        hostile("gzip-bomba.com", "gzip-bomb"),
        hostile("redirect-petlya.kz", "redirect-loop"),
        hostile("medlenno.kz", "drip"),
        hostile("ogromnaya-stranica.com", "huge-page"),
        hostile("afisha-kalendar.kz", "calendar-trap", "legit", "ru", brand="Афиша Караганды"),
        hostile("kazino-1251.kz", "cp1251", "casino", "ru", "casino", "Казино Вулкан Степи"),
        hostile("zaim-koi8.kz", "koi8-r", "loan", "ru", "loan", "Займ Экспресс"),
        hostile("krivoy-html.kz", "broken-html", "pyramid", "ru", "pyramid", "Золотой Караван"),
        hostile("popup-casino.com", "js-trap", "casino", "en", "casino", "Popup Palace"),
        hostile("skachat-kazino.kz", "downloads", "casino", "ru", "casino", "Мобильное Казино"),
        hostile("oshibka-servera.kz", "server-error"),
        hostile("propavshiy-sait.kz", "not-found"),
    ]


def catalogue(hostile: bool = True) -> list[FarmSite]:
    """All farm sites, hostile ones included unless `hostile` is False."""
    return _normal_sites() + (_hostile_sites() if hostile else [])


# A visitor a cloaker takes for a victim: a Chrome user agent (desktop or mobile) and the
# header every Chrome navigation sends; bots, scripts and HTTP libraries get the decoy.
BROWSER_UA_MARKS = ("Chrome/", "Mobile")


def looks_like_browser(headers) -> bool:
    """Whether request `headers` (a Mapping) pass a cloaker's test for a real browser."""
    agent = headers.get("User-Agent", "")
    return (agent.startswith("Mozilla/5.0 (") and any(m in agent for m in BROWSER_UA_MARKS)
            and headers.get("Upgrade-Insecure-Requests") == "1")


def seed_urls(sites: list[FarmSite], port: int) -> list[str]:
    """Landing-page URLs of the sites a crawl starts from."""
    return [site.url(port) for site in sites if site.seed]


def manifest(sites: list[FarmSite], port: int) -> list[dict]:
    """Every site's metadata, its ASCII host and URL, as JSON-ready dicts."""
    return [{**asdict(site), "host": site.host, "url": site.url(port)} for site in sites]
