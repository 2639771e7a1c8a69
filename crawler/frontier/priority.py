"""Which links of a site matter first: registration, deposits, plans, loans, bonuses, contacts.

A link scores by the best keyword group its text or URL matches (Russian, Kazakh, English);
Scrapy fetches higher priorities first, so a small page budget still reaches the evidence.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

# (priority, pattern), most telling first. Patterns match link text or the decoded URL.
KEYWORDS: tuple[tuple[int, re.Pattern[str]], ...] = tuple(
    (priority, re.compile(pattern, re.IGNORECASE))
    for priority, pattern in (
        (60, r"регистр|депозит|пополн|тіркел|register|sign-?up|deposit|cashier|касса"),
        (55, r"инвест|тариф|доходн|инвестиц|салым|invest|plans?\b|tariff|packages?"),
        (55, r"за[йё]м|кредит|заявк|несие|қарыз|loan|credit|apply|application"),
        (50, r"бонус|промо|фриспин|акци|bonus|promo|free-?spins?|jackpot"),
        # App downloads: fetched only to record that the site hands out an installer.
        (45, r"\.(apk|exe|msi|ipa)$|скачать|жүктеу|download"),
        (40, r"контакт|байланыс|связ|contacts?|support|поддержк"),
        (35, r"правил|услови|оферт|соглашен|ереже|terms|rules|agreement|offer"),
        (30, r"о нас|о компании|біз туралы|about|company|лиценз|license|licence"),
    )
)
# Pages that rarely carry evidence and often trap crawlers (calendars, archives, media).
LOW_VALUE = re.compile(
    r"calendar|календар|[?&](date|month|year|day|page|sort|filter)=|/\d{4}/\d{1,2}/|"
    r"\.(jpe?g|png|gif|svg|webp|css|js|pdf|zip|rar|mp4|mp3)$",
    re.IGNORECASE,
)


def link_priority(url: str, text: str = "") -> int:
    """Crawl priority of a link from its URL and anchor text: higher is fetched sooner."""
    path = unquote(url)
    if LOW_VALUE.search(path):
        return -10
    return max((p for p, pattern in KEYWORDS if pattern.search(f"{text} {path}")), default=0)
