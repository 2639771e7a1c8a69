"""Signs in human words: names, one-line explanations, what absence signs looked for, and the
legal grounds each sign documents, in kk, ru and en (the catalogue, data/signs.yaml, owns the
texts; this module only looks them up).

Every reader-facing place (web UI, /check, letters, exports) names a sign through here, never
by its id.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from classifiers.signs import CATALOGUE_PATH, Sign, load_catalogue
from classifiers.verdict import SignHit

LANGS = ("kk", "ru", "en")
FALLBACK_ORDER = ("ru", "en", "kk")
UNKNOWN_SIGN = {"kk": "Басқа белгі", "ru": "Другой признак", "en": "Other sign"}
CATEGORY_NAMES = {
    "casino": {"kk": "заңсыз онлайн-казино", "ru": "незаконное онлайн-казино",
               "en": "illegal online casino"},
    "loan": {"kk": "заңсыз онлайн-кредитор", "ru": "нелегальный онлайн-кредитор",
             "en": "illegal online lender"},
    "pyramid": {"kk": "қаржы пирамидасы", "ru": "финансовая пирамида",
                "en": "financial pyramid"},
    "legit": {"kk": "заңды сайт", "ru": "законный сайт", "en": "lawful site"},
}


def _pick(texts: dict, lang: str) -> str:
    """`texts` in `lang`, else in the first language of FALLBACK_ORDER it has."""
    for candidate in (lang, *FALLBACK_ORDER):
        if texts.get(candidate):
            return texts[candidate]
    return ""


@cache
def _by_id() -> dict[str, Sign]:
    return {sign.id: sign for sign in load_catalogue()}


@cache
def legal_bases(path: Path = CATALOGUE_PATH) -> dict[str, dict]:
    """The catalogue's `legal_bases`: id -> {category, citation, elements}."""
    return yaml.safe_load(Path(path).read_text(encoding="utf-8")).get("legal_bases", {})


def sign_name(sign_id: str, lang: str) -> str:
    """The sign's short human name in `lang`."""
    sign = _by_id().get(sign_id)
    return _pick(sign.name or sign.description, lang) if sign else UNKNOWN_SIGN.get(lang, "")


def sign_explanation(sign_id: str, lang: str) -> str:
    """One line saying what the sign means, in `lang`."""
    sign = _by_id().get(sign_id)
    return _pick(sign.description, lang) if sign else ""


def looked_for(sign_id: str, lang: str) -> str:
    """For an absence sign: what was looked for on the page and not found ("" otherwise)."""
    sign = _by_id().get(sign_id)
    return _pick(sign.looked_for, lang) if sign else ""


def grounds(sign_id: str, lang: str) -> list[str]:
    """The legal grounds of a sign: "citation: element" for each, in `lang`."""
    sign = _by_id().get(sign_id)
    found = []
    for ground in sign.grounds if sign else ():
        basis_id, _, element = ground.partition(".")
        basis = legal_bases().get(basis_id)
        if basis:
            text = _pick(basis["citation"], lang)
            if element in basis.get("elements", {}):
                text += f": {_pick(basis['elements'][element], lang)}"
            found.append(text)
    return found


def category_citations(category: str, lang: str) -> list[str]:
    """Citations of the legal bases of `category`, in `lang` (letters cite these)."""
    return [_pick(basis["citation"], lang) for basis in legal_bases().values()
            if basis.get("category") == category]


def category_name(category: str, lang: str) -> str:
    """The category in words ("financial pyramid"), in `lang`."""
    return _pick(CATEGORY_NAMES.get(category, {}), lang) or category


def describe_hit(hit: SignHit, lang: str) -> dict:
    """A sign hit for a reader: its name and explanation; the quoted page text, or for a match
    in the HTML what it shows in words (the markup kept apart as `markup`), or for an absence
    sign what was looked for; whether the page only reports it; its legal grounds."""
    sign = _by_id().get(hit.id)
    evidence, markup = hit.evidence, ""
    if hit.source == "html":
        markup = evidence
        evidence = _pick(sign.html_evidence, lang) if sign and sign.html_evidence else ""
    return {
        "id": hit.id, "name": sign_name(hit.id, lang),
        "explanation": sign_explanation(hit.id, lang), "evidence": evidence,
        "markup": markup, "looked_for": "" if hit.evidence else looked_for(hit.id, lang),
        "reported": hit.reported, "grounds": grounds(hit.id, lang),
    }
