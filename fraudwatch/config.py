"""Configuration: defaults, then a TOML file, then FRAUDWATCH_* environment variables.

Every key is declared once in KEYS with its type, default and help text; unknown keys and
values of the wrong type fail at start with a message naming the key and the fix.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from classifiers.verdict import ENCODER_MODES
from fraudwatch.i18n import DEFAULT_TIMEZONE, LANGS
from fraudwatch.letter_texts import LANG_WORDS, LETTER_SETTINGS, LETTER_TEXTS


class ConfigError(Exception):
    """Raised when configuration cannot be used; the message names the key and the fix."""


@dataclass(frozen=True)
class Key:
    name: str
    type: type
    default: Any
    help: str

    @property
    def env(self) -> str:
        return "FRAUDWATCH_" + self.name.upper().replace(".", "_")


KEYS: dict[str, Key] = {
    k.name: k
    for k in [
        Key("store", str, "sqlite:///var/fraudwatch.db",
            "store URL: sqlite:///PATH or http://HOST:PORT (Elasticsearch)"),
        Key("var_dir", str, "var", "folder for WARC files, screenshots, models and caches"),
        Key("browser.executable", str, "",
            "Chromium binary for Playwright; empty = search the usual places"),
        Key("browser.headless", bool, True, "run Chromium headless"),
        Key("es.index_prefix", str, "fraudwatch", "prefix of Elasticsearch indices and aliases"),
        Key("es.timeout", float, 30.0, "Elasticsearch request timeout in seconds"),
        Key("es.shards", int, 1,
            "primary shards of each new Elasticsearch index (existing ones: `store migrate`)"),
        Key("es.replicas", int, 0, "replicas of each primary shard of a new Elasticsearch index"),
        Key("es.retries", int, 5,
            "retries of an Elasticsearch request or rejected bulk document (connection refused, "
            "timeout, 429, 502-504) before the store reports itself unavailable"),
        Key("es.backoff", float, 0.5,
            "seconds before the first Elasticsearch retry; doubled for each next one"),
        Key("es.max_backoff", float, 8.0, "longest pause between two Elasticsearch retries"),
        Key("es.bulk_size", int, 500, "documents per Elasticsearch bulk request"),
        Key("log.level", str, "INFO", "log level: DEBUG, INFO, WARNING, ERROR"),
        Key("log.format", str, "auto", "log format: auto, console or json"),
        Key("web.language", str, "ru",
            "language of the web UI and the citizen check when neither the reader's choice "
            "nor the browser names one: kk, ru or en"),
        Key("web.timezone", str, DEFAULT_TIMEZONE, "time zone of the dates the web UI shows"),
        Key("check.police_phone", str, "102",
            "police number the citizen check gives to people who sent money to a fraud"),
        Key("check.challenge_bits", int, 16,
            "work a browser proves past the citizen check's rate limit: zero bits of a "
            "SHA-256 hash, about 2**bits hashes (16: a second or two on a phone)"),
        *(Key(f"letters.{name}", str, default, help_text)
          for name, default, help_text in LETTER_SETTINGS),
        Key("letters.ministry", str, "Министерство цифрового развития, инноваций и "
            "аэрокосмической промышленности РК",
            "recipient of blocking requests, as letters are filed (the addressee line of the "
            "letter itself: letters.ministry_addressee)"),
        *(Key(f"letters.{name}" + ("" if lang == "ru" else f"_{lang}"), str, text,
              f"{help_text} ({LANG_WORDS[lang]})")
          for name, (help_text, texts) in LETTER_TEXTS.items() for lang, text in texts.items()),
        Key("letters.number_format", str, "FW-{year}/{seq:05d}",
            "outgoing letter number; fields: year, seq (per year)"),
        Key("letters.ministry_lang", str, "ru", "language of ministry letters: kk, ru or en"),
        Key("letters.abuse_lang", str, "en", "language of abuse notices: kk, ru or en"),
        Key("letters.reply_days", int, 3, "days the recipient is asked to act within"),
        Key("export.tlp", str, "green",
            "Traffic Light Protocol 2.0 marking of STIX exports: clear, green, amber, "
            "amber+strict or red"),
        Key("letters.overdue_days", int, 5,
            "days after a letter is sent before an unblocked case counts as overdue"),
        Key("drift.alert_rate", float, 0.2,
            "the dashboard warns when more than this share (0 to 1) of the review decisions of "
            "the latest complete week disagree with the model"),
        Key("drift.alert_min_decisions", int, 5,
            "fewest review decisions in that week for the dashboard's disagreement alert"),
        Key("drift.thin_language_pages", int, 200,
            "a language with fewer team-corpus pages than this is thinly covered: the dashboard "
            "shows the share of the last 4 weeks' pages in such languages"),
        Key("evidence.signing_key", str, "",
            "PEM file of the agency's Ed25519 key that signs evidence pack manifests (keep it "
            "out of the repository; `fraudwatch evidence keygen` makes one); empty = unsigned"),
        Key("evidence.public_key", str, "",
            "PEM file of the public key `evidence verify` trusts; empty = the signing key's own"),
        Key("evidence.tsa_url", str, "",
            "RFC 3161 time-stamping authority that dates each evidence pack's manifest "
            "(manifest.sha256.tsr); empty = packs are not time-stamped"),
        Key("evidence.tsa_ca", str, "",
            "PEM file of the TSA root certificate(s) `evidence verify` trusts; set, it also "
            "fails packs without a time-stamp"),
        Key("contacts.rdap_base", str, "",
            "RDAP server for every query (a local mirror); empty = the servers IANA's "
            "bootstrap registries name"),
        Key("contacts.nameserver", str, "",
            "DNS server for contact look-ups and re-verification, HOST[:PORT]; empty = system"),
        Key("contacts.cache_hours", float, 24.0, "hours RDAP and DNS answers are reused"),
        Key("contacts.whois_servers", str, "kz=whois.nic.kz,xn--80ao21a=whois.nic.kz",
            "WHOIS servers of TLDs without RDAP, TLD=HOST[:PORT] comma-separated"),
        Key("contacts.bootstrap_url", str, "https://data.iana.org/rdap/",
            "where `letters rdap-bootstrap` fetches IANA's RDAP bootstrap registries"),
        Key("contacts.workers", int, 8, "look-ups `letters contacts --fill` runs at once"),
        Key("verify.sinkholes", str, "",
            "comma-separated IPs that ISPs resolve blocked domains to"),
        Key("verify.block_page_marks", str,
            "доступ ограничен,access restricted,ресурс заблокирован,қолжетімділік шектелген",
            "comma-separated texts that identify an ISP's block page (case-insensitive)"),
        Key("frontier.url", str, "",
            "Redis URL of a frontier shared by several crawlers (redis://HOST:6379/0); "
            "empty = each crawl keeps its own"),
        Key("frontier.name", str, "default",
            "name of the shared crawl: workers with the same name crawl one frontier"),
        Key("frontier.lease", float, 30.0,
            "seconds a crawler's claimed requests stay its own without a heartbeat"),
        Key("spool.max_bytes", int, 2 * 1024**3,
            "bytes of store writes a crawl may spool locally while the store is unreachable"),
        Key("spool.drain_seconds", float, 60.0,
            "seconds a crawl's end waits for an unreachable store to replay its spool"),
        Key("spool.retry_seconds", float, 5.0,
            "seconds between a crawl's attempts to reach an unreachable store"),
        Key("crawl.allow_private_hosts", str, "",
            "hosts (comma-separated) a crawl may fetch on private or loopback addresses, "
            "every other private target staying refused; like --allow-private-host"),
        Key("crawl.asn_table", str, "",
            "IP-to-AS table (iptoasn.com's ip2asn TSV, may be gzipped) that names the "
            "autonomous system of each host a page contacted; empty = ASNs are not looked up"),
        Key("classifier.encoder", str, "auto",
            "when crawls run the sentence encoder: auto (pages the fast stage cannot settle, "
            "landing pages first), always, or never"),
        Key("classifier.encoder_pages", int, 3,
            "auto mode: pages of one site the encoder reads at most in a crawl"),
        Key("classifier.encoder_wait", float, 10.0,
            "auto mode: longest time, in seconds, a page may expect to wait for the encoder "
            "(the pages ahead of it times the encoder's recent time a page, over its share); "
            "past it a page keeps its fast-stage verdict, so the encoder never holds the crawl "
            "up, not even at its end (landing pages: twice as long)"),
        Key("classifier.encoder_share", float, 0.3,
            "share of one CPU core the encoder may use while a crawl runs (0.05 to 1); the "
            "rest stays with fetching and parsing"),
        Key("classifier.encoder_threads", int, 1,
            "CPU threads of the sentence encoder during a crawl (the crawl keeps the rest)"),
        Key("classifier.encoder_cache", str, "",
            "file of passage vectors shared by crawls and training, so unchanged text is "
            "embedded once; empty = VAR_DIR/cache/passages.sqlite"),
    ]
}

# keys of earlier versions -> what replaced them
RENAMED = {"classifier.encoder_backlog": "'classifier.encoder_wait' (seconds, not pages)",
           **{f"letters.signatory{sfx}": f"'letters.signatory_position{sfx}' and "
              f"'letters.signatory_name{sfx}'" for sfx in ("", "_kk", "_en")}}

_LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR"}
# The TLP 2.0 levels and the marking-definition ids OASIS published for them
TLP_MARKINGS = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
_CHOICES = (("log.format", ("auto", "console", "json")), ("classifier.encoder", ENCODER_MODES),
            ("export.tlp", tuple(TLP_MARKINGS)),
            ("web.language", LANGS), ("letters.ministry_lang", LANGS),
            ("letters.abuse_lang", LANGS))


@dataclass
class Config:
    values: dict[str, Any]
    sources: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    @property
    def store(self) -> str:
        return self.values["store"]

    @property
    def var_dir(self) -> Path:
        return Path(self.values["var_dir"])

    def encoder_cache(self, var_dir: str | Path | None = None) -> Path:
        """The passage-vector file of the sentence encoder (by default in `var_dir`, else in
        the configured var_dir)."""
        return Path(self.values["classifier.encoder_cache"] or
                    Path(var_dir or self.var_dir) / "cache" / "passages.sqlite")

    def items(self):
        return [(name, self.values[name], self.sources[name]) for name in KEYS]

    def letter_text(self, name: str, lang: str) -> str:
        """A text of LETTER_TEXTS in the letter's language (the Russian one if left empty)."""
        own = self.values.get(f"letters.{name}_{lang}", "") if lang != "ru" else ""
        return own or self.values[f"letters.{name}"]


def _flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def _coerce(key: Key, value: Any, origin: str) -> Any:
    if key.type is bool and isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off"}:
            return False
    elif key.type in (int, float) and isinstance(value, (int, float, str)) \
            and not isinstance(value, bool):
        try:
            number = key.type(value)
        except ValueError:
            pass
        else:
            if key.type is float or not isinstance(value, float):
                return number
    elif isinstance(value, key.type) and not (key.type is not bool and isinstance(value, bool)):
        return value
    kind = _TYPE_NAMES[key.type]
    raise ConfigError(
        f"{key.name} = {value!r} (from {origin}) is not {kind}; "
        f"fix: set {key.name} to {kind} ({key.help})"
    )


_TYPE_NAMES = {str: "a string", int: "a whole number", float: "a number",
               bool: "true or false"}


def validate_store_url(url: str, origin: str = "store") -> str:
    if url.startswith("sqlite:///") and len(url) > len("sqlite:///"):
        return url
    if all(node.strip().startswith(("http://", "https://")) for node in url.split(",")):
        return url
    raise ConfigError(
        f"store = {url!r} (from {origin}) is not a store URL; fix: use "
        "sqlite:///var/fraudwatch.db (embedded) or http://127.0.0.1:9200 (Elasticsearch; "
        "several nodes separated by commas), in --store, FRAUDWATCH_STORE or the store key of "
        "fraudwatch.toml"
    )


def validate_frontier_url(url: str, origin: str) -> str:
    """`url` if it is a Redis URL, else ConfigError naming `origin` and the fix."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        return url
    raise ConfigError(f"{origin}: {url!r} is not a Redis URL; fix: use redis://HOST:6379/0, "
                      "or nothing for a crawl of its own")


_BOUNDS = [  # key, lowest, highest, how to fix
    ("es.shards", 1, 1024, "use 1 to 1024 primary shards (1 suits one node)"),
    ("es.replicas", 0, 100, "use 0 replicas on one node, 1 or more on a cluster"),
    ("es.retries", 0, 20, "use 0 (no retry) to 20 retries, e.g. 5"),
    ("es.backoff", 0.0, 60.0, "use 0 to 60 seconds, e.g. 0.5"),
    ("es.max_backoff", 0.0, 300.0, "use 0 to 300 seconds, e.g. 8"),
    ("es.bulk_size", 1, 100_000, "use 1 to 100000 documents per request, e.g. 500"),
    ("classifier.encoder_pages", 0, 1000, "use 0 to 1000 pages per site, e.g. 3"),
    ("classifier.encoder_threads", 1, 64, "use 1 to 64 threads, e.g. 1"),
    ("contacts.workers", 1, 64, "use 1 to 64 look-ups at once, e.g. 8"),
    ("classifier.encoder_wait", 0.0, 3600.0, "use 0 to 3600 seconds, e.g. 10"),
    ("drift.alert_rate", 0.0, 1.0, "use a share from 0 to 1, e.g. 0.2"),
    ("drift.alert_min_decisions", 1, 1_000_000, "use 1 or more decisions, e.g. 5"),
    ("drift.thin_language_pages", 0, 10_000_000, "use 0 or more corpus pages, e.g. 200"),
]


def _check_number_format(fmt: str, source: str) -> None:
    """letters.number_format must format with {year} and {seq} alone, now and not at letter time."""
    try:
        fmt.format(year=2026, seq=1)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        raise ConfigError(f"letters.number_format = {fmt!r} (from {source}) does not format "
                          f"({exc!r}); fix: use only {{year}} and {{seq}}, e.g. "
                          "'FW-{year}/{seq:05d}'") from exc


def _check_timezone(name: str, source: str) -> None:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"web.timezone = {name!r} (from {source}) is not a time zone; "
                          "fix: use an IANA name such as Asia/Almaty") from None


def _validate(values: dict[str, Any], sources: dict[str, str]) -> None:
    validate_store_url(values["store"], sources["store"])
    if values["frontier.url"]:
        validate_frontier_url(values["frontier.url"],
                              f"frontier.url (from {sources['frontier.url']})")
    if values["frontier.lease"] <= 0:
        raise ConfigError(f"frontier.lease = {values['frontier.lease']} "
                          f"(from {sources['frontier.lease']}); fix: use a positive number")
    if values["log.level"].upper() not in _LOG_LEVELS:
        raise ConfigError(
            f"log.level = {values['log.level']!r} (from {sources['log.level']}); "
            f"fix: use one of {', '.join(sorted(_LOG_LEVELS))}"
        )
    for name, choices in _CHOICES:
        if values[name] not in choices:
            raise ConfigError(f"{name} = {values[name]!r} (from {sources[name]}); "
                              f"fix: use one of {', '.join(choices)}")
    _check_timezone(values["web.timezone"], sources["web.timezone"])
    _check_number_format(values["letters.number_format"], sources["letters.number_format"])
    if not 0.05 <= values["classifier.encoder_share"] <= 1:
        raise ConfigError(f"classifier.encoder_share = {values['classifier.encoder_share']!r} "
                          f"(from {sources['classifier.encoder_share']}) is out of range; "
                          "fix: use 0.05 to 1, e.g. 0.3")
    table = values["crawl.asn_table"]
    if table and not Path(table).is_file():
        raise ConfigError(f"crawl.asn_table = {table!r} (from {sources['crawl.asn_table']}) "
                          "is not a file; fix: download an ip2asn TSV (iptoasn.com) and name "
                          "it, or leave the key empty")
    if values["es.timeout"] <= 0:
        raise ConfigError("es.timeout must be positive; fix: set it to seconds, e.g. 30")
    for name, low, high, fix in _BOUNDS:
        if not low <= values[name] <= high:
            raise ConfigError(f"{name} = {values[name]!r} (from {sources[name]}) is out of range; "
                              f"fix: {fix}")


def load_config(
    path: str | Path | None = None,
    overrides: dict[str, Any] | None = None,
    environ: dict[str, str] | None = None,
) -> Config:
    """Load the effective configuration: defaults < TOML file < environment < overrides."""
    environ = dict(os.environ if environ is None else environ)
    values = {name: key.default for name, key in KEYS.items()}
    sources = {name: "default" for name in KEYS}

    explicit = path or environ.get("FRAUDWATCH_CONFIG")
    toml_path = Path(explicit) if explicit else Path("fraudwatch.toml")
    if explicit and not toml_path.is_file():
        raise ConfigError(
            f"config file {toml_path} does not exist; fix: create it or drop --config / "
            "FRAUDWATCH_CONFIG"
        )
    if toml_path.is_file():
        try:
            data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{toml_path}: invalid TOML ({exc}); fix the file") from exc
        except UnicodeDecodeError as exc:
            raise ConfigError(f"{toml_path}: not a UTF-8 text file ({exc.reason} at byte "
                              f"{exc.start}); fix: give a TOML configuration file") from exc
        except OSError as exc:
            raise ConfigError(f"{toml_path}: cannot be read ({exc.strerror})") from exc
        for name, value in _flatten(data).items():
            if name in RENAMED:
                raise ConfigError(f"{toml_path}: {name!r} is now {RENAMED[name]}; fix: rename it")
            if name not in KEYS:
                raise ConfigError(
                    f"{toml_path}: unknown key {name!r}; fix: remove it or use one of "
                    f"{', '.join(KEYS)}"
                )
            values[name] = _coerce(KEYS[name], value, str(toml_path))
            sources[name] = str(toml_path)
    else:
        toml_path = None

    for name, key in KEYS.items():
        if key.env in environ:
            values[name] = _coerce(key, environ[key.env], key.env)
            sources[name] = key.env

    for name, value in (overrides or {}).items():
        if value is None:
            continue
        values[name] = _coerce(KEYS[name], value, "command line")
        sources[name] = "command line"

    _validate(values, sources)
    return Config(values=values, sources=sources, path=toml_path)
