"""The team-written texts (data/texts): loading archetype files and checking them.

Format: data/texts/README.md. `check` returns every problem found, so a writer sees them all at
once; `load_archetypes` refuses to build a corpus from files with problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from classifiers.synth.slots import SLOT_NAMES

TEXTS_DIR = Path(__file__).resolve().parent.parent / "data" / "texts"
LABELS = ("casino", "loan", "pyramid", "legit")
CORE_LANGS = ("ru", "kk", "en")
OTHER_LANGS = ("uk", "uz", "ky", "tk", "tr", "az", "es", "pt")
DECORATIONS = (
    "deposit_form", "card_form", "id_upload", "registration_form", "plan_table", "referral_link",
    "countdown", "wallet_address", "casino_scripts", "game_grid", "apply_form", "contact_form",
    "news_layout", "shop_layout", "plain",
)
# (titles, blocks, variants per block) at least, for core and other languages
MINIMUMS = {"core": (8, 10, 5), "other": (4, 5, 3)}
MAX_LINES = 8
_SLOT = re.compile(r"\{([a-z0-9_]+)\}")


class SourceError(ValueError):
    """A texts file breaks the format; the message lists every problem."""


@dataclass(frozen=True)
class LangText:
    """One language of an archetype: titles, named blocks of variants, blocks always used."""

    titles: tuple[str, ...]
    blocks: dict[str, tuple[str, ...]]
    always: tuple[str, ...]


@dataclass(frozen=True)
class Archetype:
    """One kind of page (e.g. HYIP deposit plans) with its label and its text per language."""

    name: str
    label: str
    about: str
    html: tuple[str, ...]
    langs: dict[str, LangText]
    slots: dict[str, tuple[str, ...]]
    path: Path


def archetype_paths(root: Path = TEXTS_DIR) -> list[Path]:
    """Every archetype file, in a stable order."""
    return sorted(p for label in LABELS for p in (root / label).glob("*.yaml"))


def _slot_problems(text: str, known: set[str], where: str) -> list[str]:
    """Unknown slot names and stray braces in one string."""
    problems = [f"{where}: unknown slot {{{name}}}" for name in _SLOT.findall(text)
                if name not in known]
    if "{" in _SLOT.sub("", text) or "}" in _SLOT.sub("", text):
        problems.append(f"{where}: a brace that is not a {{slot}}")
    return problems


def _strings(value, where: str) -> tuple[list[str], list[str]]:
    """(strings, problems) of a YAML list that must hold non-empty strings."""
    if not isinstance(value, list):
        return [], [f"{where}: must be a list"]
    problems = [f"{where}[{i}]: must be a non-empty string" for i, item in enumerate(value)
                if not isinstance(item, str) or not item.strip()]
    return [item for item in value if isinstance(item, str) and item.strip()], problems


def _lang_problems(lang: str, data, known: set[str], where: str) -> list[str]:
    """Problems of one language section."""
    if not isinstance(data, dict):
        return [f"{where}: must be a mapping with titles and blocks"]
    titles_min, blocks_min, variants_min = MINIMUMS["core" if lang in CORE_LANGS else "other"]
    titles, problems = _strings(data.get("titles"), f"{where}.titles")
    if len(titles) < titles_min:
        problems.append(f"{where}.titles: {len(titles)} titles, at least {titles_min} needed")
    blocks = data.get("blocks")
    if not isinstance(blocks, dict):
        return [*problems, f"{where}.blocks: must be a mapping of block name to variants"]
    if len(blocks) < blocks_min:
        problems.append(f"{where}.blocks: {len(blocks)} blocks, at least {blocks_min} needed")
    texts = list(titles)
    for name, variants in blocks.items():
        found, more = _strings(variants, f"{where}.blocks.{name}")
        problems += more
        if len(found) < variants_min:
            problems.append(f"{where}.blocks.{name}: {len(found)} variants, at least "
                            f"{variants_min} needed")
        problems += [f"{where}.blocks.{name}: a variant has more than {MAX_LINES} lines"
                     for v in found if len(v.strip().splitlines()) > MAX_LINES]
        texts += found
    unknown = [b for b in data.get("always", []) if b not in blocks]
    problems += [f"{where}.always: no block named {name!r}" for name in unknown]
    for text in texts:
        problems += _slot_problems(text, known, where)
    return problems


def _file_problems(path: Path, data) -> list[str]:
    """Every problem of one parsed archetype file."""
    if not isinstance(data, dict):
        return [f"{path}: must be a YAML mapping"]
    problems = []
    if data.get("archetype") != path.stem:
        problems.append(f"{path}: archetype must be {path.stem!r} (the file's name)")
    if data.get("label") not in LABELS or data.get("label") != path.parent.name:
        problems.append(f"{path}: label must be one of {LABELS} and the folder's name")
    for key, meaning in (("about", "what the pages are"), ("studied", "what was read first")):
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(f"{path}: {key} must say {meaning}")
    html = data.get("html", [])
    problems += [f"{path}: unknown html decoration {d!r} (known: {', '.join(DECORATIONS)})"
                 for d in html if d not in DECORATIONS]
    custom = data.get("slots") or {}
    clashes = set(custom) & set(SLOT_NAMES)
    problems += [f"{path}: slot {name!r} is already a common slot" for name in sorted(clashes)]
    known = set(SLOT_NAMES) | set(custom)
    langs = data.get("langs")
    if not isinstance(langs, dict):
        return [*problems, f"{path}: langs must map language codes to texts"]
    problems += [f"{path}: langs lacks {lang}" for lang in CORE_LANGS if lang not in langs]
    for lang, section in langs.items():
        if lang not in CORE_LANGS + OTHER_LANGS:
            problems.append(f"{path}: unknown language {lang!r}")
            continue
        problems += _lang_problems(lang, section, known, f"{path.name}:{lang}")
    return problems


def _read(path: Path):
    """The parsed YAML of `path`, or a SourceError naming the file and the parse problem."""
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SourceError(f"{path}: {exc}") from exc


def check(paths: list[Path]) -> list[str]:
    """Every problem of the archetype files at `paths` (an empty list when all are good)."""
    problems = []
    for path in paths:
        try:
            problems += _file_problems(path, _read(path))
        except SourceError as exc:
            problems.append(str(exc))
    return problems


def _archetype(path: Path, data: dict) -> Archetype:
    langs = {
        lang: LangText(tuple(section["titles"]),
                       {name: tuple(v) for name, v in section["blocks"].items()},
                       tuple(section.get("always", [])))
        for lang, section in data["langs"].items()
    }
    return Archetype(data["archetype"], data["label"], data["about"].strip(),
                     tuple(data.get("html", [])), langs,
                     {k: tuple(v) for k, v in (data.get("slots") or {}).items()}, path)


@cache
def load_archetypes(root: Path = TEXTS_DIR) -> tuple[Archetype, ...]:
    """Every archetype under `root`; SourceError listing all problems when any file is bad."""
    paths = archetype_paths(root)
    problems = check(paths)
    if problems:
        raise SourceError("\n".join(problems))
    return tuple(_archetype(path, _read(path)) for path in paths)
