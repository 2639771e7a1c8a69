"""Configuration: defaults, then a TOML file, then FRAUDWATCH_* environment variables.

Every key is declared once, in its typed section (fraudwatch.config.keys), with its type,
default, help text and range; unknown keys and values of the wrong type or out of range fail
at start with a message naming the key and the fix. Code reads the sections:
`config.es.timeout`, `config.letters.ministry_lang`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fraudwatch.config.keys import (
    KEYS,
    BrowserKeys,
    CheckKeys,
    ClassifierKeys,
    ContactsKeys,
    CrawlKeys,
    DriftKeys,
    EsKeys,
    EvidenceKeys,
    ExportKeys,
    FrontierKeys,
    Key,
    LettersKeys,
    LogKeys,
    SpoolKeys,
    VerifyKeys,
    WebKeys,
)

S = TypeVar("S")


class ConfigError(Exception):
    """Raised when configuration cannot be used; the message names the key and the fix."""


# keys of earlier versions -> what replaced them
RENAMED = {"classifier.encoder_backlog": "'classifier.encoder_wait' (seconds, not pages)",
           **{f"letters.signatory{sfx}": f"'letters.signatory_position{sfx}' and "
              f"'letters.signatory_name{sfx}'" for sfx in ("", "_kk", "_en")}}

_LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR"}


class _Section(Generic[S]):
    """A typed section of Config, read from its values on each access (so it never disagrees
    with them): `Config.es` gives an EsKeys."""

    def __init__(self, cls: type[S]):
        self.cls = cls

    def __set_name__(self, owner: type, name: str) -> None:
        self.prefix = name + "."

    def __get__(self, config: Config, owner: type | None = None) -> S:
        cut = len(self.prefix)
        return self.cls(**{name[cut:]: value for name, value in config.values.items()
                           if name.startswith(self.prefix)})


@dataclass
class Config:
    """The effective configuration: each section typed (`config.es.timeout`), and every
    value with where it came from (`items()`, for `config show`)."""

    values: dict[str, Any]
    sources: dict[str, str] = field(default_factory=dict)
    path: Path | None = None

    browser = _Section(BrowserKeys)
    es = _Section(EsKeys)
    log = _Section(LogKeys)
    web = _Section(WebKeys)
    check = _Section(CheckKeys)
    letters = _Section(LettersKeys)
    export = _Section(ExportKeys)
    drift = _Section(DriftKeys)
    evidence = _Section(EvidenceKeys)
    contacts = _Section(ContactsKeys)
    verify = _Section(VerifyKeys)
    frontier = _Section(FrontierKeys)
    spool = _Section(SpoolKeys)
    crawl = _Section(CrawlKeys)
    classifier = _Section(ClassifierKeys)

    @property
    def store(self) -> str:
        return self.values["store"]

    @property
    def var_dir(self) -> Path:
        return Path(self.values["var_dir"])

    def encoder_cache(self, var_dir: str | Path | None = None) -> Path:
        """The passage-vector file of the sentence encoder (by default in `var_dir`, else in
        the configured var_dir)."""
        return Path(self.classifier.encoder_cache or
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


def _check_number_format(fmt: str, source: str) -> None:
    """letters.number_format must format with {year} and {seq} alone, now and not at letter time."""
    try:
        fmt.format(year=2026, seq=1)
    except (KeyError, IndexError, ValueError, AttributeError) as exc:
        raise ConfigError(f"letters.number_format = {fmt!r} (from {source}) does not format "
                          f"({exc!r}); fix: use only {{year}} and {{seq}}, e.g. "
                          "'FW-{year}/{seq:05d}'") from exc


def _check_timezone(name: str, source: str) -> None:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"web.timezone = {name!r} (from {source}) is not a time zone; "
                          "fix: use an IANA name such as Asia/Almaty") from None


def _check_declared(values: dict[str, Any], sources: dict[str, str]) -> None:
    """Each value within the range or among the choices its key declares."""
    for name, key in KEYS.items():
        value, (low, high, fix) = values[name], key.range
        if key.choices and value not in key.choices:
            raise ConfigError(f"{name} = {value!r} (from {sources[name]}); "
                              f"fix: use one of {', '.join(key.choices)}")
        if (low is not None and value < low) or (high is not None and value > high):
            raise ConfigError(f"{name} = {value!r} (from {sources[name]}) is out of range; "
                              f"fix: {fix}")


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
    _check_declared(values, sources)
    _check_timezone(values["web.timezone"], sources["web.timezone"])
    _check_number_format(values["letters.number_format"], sources["letters.number_format"])
    table = values["crawl.asn_table"]
    if table and not Path(table).is_file():
        raise ConfigError(f"crawl.asn_table = {table!r} (from {sources['crawl.asn_table']}) "
                          "is not a file; fix: download an ip2asn TSV (iptoasn.com) and name "
                          "it, or leave the key empty")
    if values["es.timeout"] <= 0:
        raise ConfigError("es.timeout must be positive; fix: set it to seconds, e.g. 30")


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
