"""The parts of a letter around its text: the letterhead (бланк), the addressee, the signature
line and the executor, in the letter's language, from the `letters.*` settings."""

from __future__ import annotations

import base64
from pathlib import Path

from fraudwatch.config import Config

# The letterhead prints the body's name in these languages, side by side, emblem between:
# a Kazakh state body's бланк is bilingual; an English notice carries the English name only.
LETTERHEAD_LANGS = {"kk": ("kk", "ru"), "ru": ("kk", "ru"), "en": ("en",)}
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".svg": "image/svg+xml"}


class LetterheadError(ValueError):
    """A letterhead setting that cannot be used; the message names the key and the fix."""


def logo_uri(path: str) -> str:
    """The emblem file at `path` as a data: URI (letters are printed with no network);
    "" when no emblem is configured."""
    if not path:
        return ""
    file = Path(path)
    kind = IMAGE_TYPES.get(file.suffix.lower())
    if kind is None:
        raise LetterheadError(f"letters.logo = {path!r} is not a PNG, JPEG or SVG file; "
                              "fix: point letters.logo at one, or set it to \"\"")
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise LetterheadError(f"letters.logo = {path!r} cannot be read ({exc.strerror}); "
                              "fix: point letters.logo at the emblem file, or set it to "
                              "\"\"") from None
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def letterhead(config: Config, lang: str) -> dict:
    """The бланк of a letter in `lang`: the body's name and address in each letterhead
    language, the emblem, and the phone and e-mail line under them."""
    return {"sides": [{"lang": side, "name": config.letter_text("sender_name", side),
                       "address": config.letter_text("sender_address", side)}
                      for side in LETTERHEAD_LANGS[lang]],
            "logo": logo_uri(config.letters.logo),
            "phone": config.letters.sender_phone, "email": config.letters.sender_email}


def letter_parts(config: Config, lang: str, to_ministry: bool) -> dict:
    """Everything a letter prints besides its text and annex: letterhead, the official it is
    addressed to (ministry letters only), signatory and executor."""
    return {
        "letterhead": letterhead(config, lang),
        "addressee_official": config.letter_text("addressee_official", lang)
        if to_ministry else "",
        "signatory": {"position": config.letter_text("signatory_position", lang),
                      "name": config.letter_text("signatory_name", lang)},
        "executor": {"name": config.letter_text("executor", lang),
                     "phone": config.letters.executor_phone},
    }
