"""Every configuration key, declared once: its section, name, type, default, help and range.

A section is a frozen dataclass; `key()` gives each field its default and help text, and the
range or choices the loader checks. The loader (fraudwatch.config) derives its registry of
dotted names (KEYS) from these classes, and `Config` hands each section out typed:
`config.es.timeout` is a float, and a misspelt key fails where it is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, make_dataclass
from typing import Any, get_type_hints

from classifiers.verdict import ENCODER_MODES
from fraudwatch.i18n import DEFAULT_TIMEZONE, LANGS
from fraudwatch.letter_texts import LANG_WORDS, LETTER_SETTINGS, LETTER_TEXTS

# The TLP 2.0 levels and the marking-definition ids OASIS published for them
TLP_MARKINGS = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}


def key(default: Any, help: str, *, low: float | None = None, high: float | None = None,
        fix: str = "", choices: tuple[str, ...] = ()) -> Any:
    """A key's field: default and help; a value must lie in low..high (else the error says
    `fix`) or be one of `choices`."""
    return field(default=default, metadata={"help": help, "range": (low, high, fix),
                                            "choices": choices})


@dataclass(frozen=True)
class Key:
    """One key as the loader sees it: dotted name, type, default, help and checks."""

    name: str
    type: type
    default: Any
    help: str
    range: tuple[float | None, float | None, str] = (None, None, "")
    choices: tuple[str, ...] = ()

    @property
    def env(self) -> str:
        return "FRAUDWATCH_" + self.name.upper().replace(".", "_")


@dataclass(frozen=True)
class TopKeys:
    store: str = key("sqlite:///var/fraudwatch.db",
                     "store URL: sqlite:///PATH or http://HOST:PORT (Elasticsearch)")
    var_dir: str = key("var", "folder for WARC files, screenshots, models and caches")


@dataclass(frozen=True)
class BrowserKeys:
    executable: str = key("", "Chromium binary for Playwright; empty = search the usual places")
    headless: bool = key(True, "run Chromium headless")


@dataclass(frozen=True)
class EsKeys:
    index_prefix: str = key("fraudwatch", "prefix of Elasticsearch indices and aliases")
    timeout: float = key(30.0, "Elasticsearch request timeout in seconds")
    shards: int = key(1, "primary shards of each new Elasticsearch index (existing ones: "
                      "`store migrate`)", low=1, high=1024,
                      fix="use 1 to 1024 primary shards (1 suits one node)")
    replicas: int = key(0, "replicas of each primary shard of a new Elasticsearch index",
                        low=0, high=100, fix="use 0 replicas on one node, 1 or more on a cluster")
    retries: int = key(5, "retries of an Elasticsearch request or rejected bulk document "
                       "(connection refused, timeout, 429, 502-504) before the store reports "
                       "itself unavailable", low=0, high=20,
                       fix="use 0 (no retry) to 20 retries, e.g. 5")
    backoff: float = key(0.5, "seconds before the first Elasticsearch retry; doubled for each "
                         "next one", low=0.0, high=60.0, fix="use 0 to 60 seconds, e.g. 0.5")
    max_backoff: float = key(8.0, "longest pause between two Elasticsearch retries",
                             low=0.0, high=300.0, fix="use 0 to 300 seconds, e.g. 8")
    bulk_size: int = key(500, "documents per Elasticsearch bulk request", low=1, high=100_000,
                         fix="use 1 to 100000 documents per request, e.g. 500")


@dataclass(frozen=True)
class LogKeys:
    level: str = key("INFO", "log level: DEBUG, INFO, WARNING, ERROR")
    format: str = key("auto", "log format: auto, console or json",
                      choices=("auto", "console", "json"))


@dataclass(frozen=True)
class WebKeys:
    language: str = key("ru", "language of the web UI and the citizen check when neither the "
                        "reader's choice nor the browser names one: kk, ru or en", choices=LANGS)
    timezone: str = key(DEFAULT_TIMEZONE, "time zone of the dates the web UI shows")


@dataclass(frozen=True)
class CheckKeys:
    police_phone: str = key("102", "police number the citizen check gives to people who sent "
                            "money to a fraud")
    challenge_bits: int = key(16, "work a browser proves past the citizen check's rate limit: "
                              "zero bits of a SHA-256 hash, about 2**bits hashes (16: a second "
                              "or two on a phone)")


_LETTER_KEYS = [
    ("ministry", str, key("Министерство цифрового развития, инноваций и аэрокосмической "
                          "промышленности РК", "recipient of blocking requests, as letters are "
                          "filed (the addressee line of the letter itself: "
                          "letters.ministry_addressee)")),
    ("number_format", str, key("FW-{year}/{seq:05d}",
                               "outgoing letter number; fields: year, seq (per year)")),
    ("ministry_lang", str, key("ru", "language of ministry letters: kk, ru or en",
                               choices=LANGS)),
    ("abuse_lang", str, key("en", "language of abuse notices: kk, ru or en", choices=LANGS)),
    ("reply_days", int, key(3, "days the recipient is asked to act within")),
    ("overdue_days", int, key(5, "days after a letter is sent before an unblocked case counts "
                              "as overdue")),
    *((name, str, key(default, help_text)) for name, default, help_text in LETTER_SETTINGS),
    *((name + ("" if lang == "ru" else f"_{lang}"), str,
       key(text, f"{help_text} ({LANG_WORDS[lang]})"))
      for name, (help_text, texts) in LETTER_TEXTS.items() for lang, text in texts.items()),
]
# The letters section: its fixed keys, then one per letter setting and one per letter text
# and language (fraudwatch.letter_texts owns those); read them as config.letters.NAME.
LettersKeys = make_dataclass("LettersKeys", _LETTER_KEYS, frozen=True)


@dataclass(frozen=True)
class ExportKeys:
    tlp: str = key("green", "Traffic Light Protocol 2.0 marking of STIX exports: clear, green, "
                   "amber, amber+strict or red", choices=tuple(TLP_MARKINGS))


@dataclass(frozen=True)
class DriftKeys:
    alert_rate: float = key(0.2, "the dashboard warns when more than this share (0 to 1) of "
                            "the review decisions of the latest complete week disagree with "
                            "the model", low=0.0, high=1.0, fix="use a share from 0 to 1, e.g. 0.2")
    alert_min_decisions: int = key(5, "fewest review decisions in that week for the dashboard's "
                                   "disagreement alert", low=1, high=1_000_000,
                                   fix="use 1 or more decisions, e.g. 5")
    thin_language_pages: int = key(200, "a language with fewer team-corpus pages than this is "
                                   "thinly covered: the dashboard shows the share of the last 4 "
                                   "weeks' pages in such languages", low=0, high=10_000_000,
                                   fix="use 0 or more corpus pages, e.g. 200")


@dataclass(frozen=True)
class EvidenceKeys:
    signing_key: str = key("", "PEM file of the agency's Ed25519 key that signs evidence pack "
                           "manifests (keep it out of the repository; `fraudwatch evidence "
                           "keygen` makes one); empty = unsigned")
    public_key: str = key("", "PEM file of the public key `evidence verify` trusts; empty = "
                          "the signing key's own")
    tsa_url: str = key("", "RFC 3161 time-stamping authority that dates each evidence pack's "
                       "manifest (manifest.sha256.tsr); empty = packs are not time-stamped")
    tsa_ca: str = key("", "PEM file of the TSA root certificate(s) `evidence verify` trusts; "
                      "set, it also fails packs without a time-stamp")


@dataclass(frozen=True)
class ContactsKeys:
    rdap_base: str = key("", "RDAP server for every query (a local mirror); empty = the "
                         "servers IANA's bootstrap registries name")
    nameserver: str = key("", "DNS server for contact look-ups and re-verification, "
                          "HOST[:PORT]; empty = system")
    cache_hours: float = key(24.0, "hours RDAP and DNS answers are reused")
    whois_servers: str = key("kz=whois.nic.kz,xn--80ao21a=whois.nic.kz",
                             "WHOIS servers of TLDs without RDAP, TLD=HOST[:PORT] "
                             "comma-separated")
    bootstrap_url: str = key("https://data.iana.org/rdap/", "where `letters rdap-bootstrap` "
                             "fetches IANA's RDAP bootstrap registries")
    workers: int = key(8, "look-ups `letters contacts --fill` runs at once", low=1, high=64,
                       fix="use 1 to 64 look-ups at once, e.g. 8")


@dataclass(frozen=True)
class VerifyKeys:
    sinkholes: str = key("", "comma-separated IPs that ISPs resolve blocked domains to")
    block_page_marks: str = key(
        "доступ ограничен,access restricted,ресурс заблокирован,қолжетімділік шектелген",
        "comma-separated texts that identify an ISP's block page (case-insensitive)")


@dataclass(frozen=True)
class FrontierKeys:
    url: str = key("", "Redis URL of a frontier shared by several crawlers "
                   "(redis://HOST:6379/0); empty = each crawl keeps its own")
    name: str = key("default", "name of the shared crawl: workers with the same name crawl "
                    "one frontier")
    lease: float = key(30.0, "seconds a crawler's claimed requests stay its own without a "
                       "heartbeat")


@dataclass(frozen=True)
class SpoolKeys:
    max_bytes: int = key(2 * 1024**3, "bytes of store writes a crawl may spool locally while "
                         "the store is unreachable")
    drain_seconds: float = key(60.0, "seconds a crawl's end waits for an unreachable store to "
                               "replay its spool")
    retry_seconds: float = key(5.0, "seconds between a crawl's attempts to reach an "
                               "unreachable store")


@dataclass(frozen=True)
class CrawlKeys:
    allow_private_hosts: str = key("", "hosts (comma-separated) a crawl may fetch on private or "
                                   "loopback addresses, every other private target staying "
                                   "refused; like --allow-private-host")
    asn_table: str = key("", "IP-to-AS table (iptoasn.com's ip2asn TSV, may be gzipped) that "
                         "names the autonomous system of each host a page contacted; empty = "
                         "ASNs are not looked up")


@dataclass(frozen=True)
class ClassifierKeys:
    encoder: str = key("auto", "when crawls run the sentence encoder: auto (pages the fast "
                       "stage cannot settle, landing pages first), always, or never",
                       choices=ENCODER_MODES)
    encoder_pages: int = key(3, "auto mode: pages of one site the encoder reads at most in a "
                             "crawl", low=0, high=1000, fix="use 0 to 1000 pages per site, e.g. 3")
    encoder_wait: float = key(
        10.0, "auto mode: longest time, in seconds, a page may expect to wait for the encoder "
        "(the pages ahead of it times the encoder's recent time a page, over its share); past "
        "it a page keeps its fast-stage verdict, so the encoder never holds the crawl up, not "
        "even at its end (landing pages: twice as long)", low=0.0, high=3600.0,
        fix="use 0 to 3600 seconds, e.g. 10")
    encoder_share: float = key(0.3, "share of one CPU core the encoder may use while a crawl "
                               "runs (0.05 to 1); the rest stays with fetching and parsing",
                               low=0.05, high=1.0, fix="use 0.05 to 1, e.g. 0.3")
    encoder_threads: int = key(1, "CPU threads of the sentence encoder during a crawl (the "
                               "crawl keeps the rest)", low=1, high=64,
                               fix="use 1 to 64 threads, e.g. 1")
    encoder_cache: str = key("", "file of passage vectors shared by crawls and training, so "
                             "unchanged text is embedded once; empty = "
                             "VAR_DIR/cache/passages.sqlite")


# section name -> its class, in the order `config show` lists them ("" = top-level keys)
SECTIONS: dict[str, type] = {
    "": TopKeys, "browser": BrowserKeys, "es": EsKeys, "log": LogKeys, "web": WebKeys,
    "check": CheckKeys, "letters": LettersKeys, "export": ExportKeys, "drift": DriftKeys,
    "evidence": EvidenceKeys, "contacts": ContactsKeys, "verify": VerifyKeys,
    "frontier": FrontierKeys, "spool": SpoolKeys, "crawl": CrawlKeys,
    "classifier": ClassifierKeys,
}


def _keys() -> dict[str, Key]:
    found: dict[str, Key] = {}
    for section, cls in SECTIONS.items():
        types = get_type_hints(cls)
        for f in fields(cls):
            name = f"{section}.{f.name}" if section else f.name
            found[name] = Key(name, types[f.name], f.default, f.metadata["help"],
                              f.metadata["range"], f.metadata["choices"])
    return found


KEYS: dict[str, Key] = _keys()  # dotted name -> Key, every key of every section
