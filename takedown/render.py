"""Letter templates to HTML: Jinja2 with autoescape and StrictUndefined, one folder per language."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from classifiers.explain import sign_name

TEMPLATES = Path(__file__).resolve().parents[1] / "templates" / "letters"
LANGS = ("kk", "ru", "en")


def letter_date(value: str | date) -> str:
    """A date as printed in letters: DD.MM.YYYY."""
    day = value if isinstance(value, date) else date.fromisoformat(value[:10])
    return day.strftime("%d.%m.%Y")


@cache
def environment(folder: Path = TEMPLATES) -> Environment:
    """The Jinja2 environment for letters: HTML autoescape, missing fields fail."""
    env = Environment(loader=FileSystemLoader(folder), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html", "html.j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["letter_date"] = letter_date
    env.filters["sign_name"] = sign_name
    return env


def render_html(template: str, lang: str, context: dict) -> str:
    """Render `<lang>/<template>.html.j2` with `context`."""
    if lang not in LANGS:
        raise ValueError(f"no letters in language {lang!r}; use one of {', '.join(LANGS)}")
    return environment().get_template(f"{lang}/{template}.html.j2").render(**context, lang=lang)
