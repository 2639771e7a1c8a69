"""Human-readable signs checklist: python -m classifiers.checklist > docs/signs.md."""

from __future__ import annotations

from classifiers.context import ReportedContext
from classifiers.signs import Sign, load_catalogue, reported_context

TITLES = {
    "pyramid": "Financial pyramids / Финансовые пирамиды",
    "loan": "Fake online lenders / Нелегальные онлайн-кредиторы",
    "casino": "Illegal online casinos and bookmakers / Нелегальные онлайн-казино и букмекеры",
}
KIND_NOTES = {
    "presence": "fires when the wording is found on the page",
    "absence": "fires when the page is otherwise in this category and this is missing",
    "registry": "fires on a match with the declared-pyramids list",
}
HEADER = """# Signs checklist / Перечень признаков

Generated from `classifiers/data/signs.yaml` by `python -m classifiers.checklist`; do not edit by
hand. Each sign has a weight (0-1); weights of one category combine as 1 - Π(1 - weight). A page
is reported `illegal` only when the model is confident AND the signs of its category are strong;
otherwise it goes to human review (`suspicious`). A licence-registry match yields `licensed`.

Сформировано из `classifiers/data/signs.yaml`. Механизм определения признаков: каждый признак
имеет вес (0-1); вердикт `illegal` выносится только при высокой уверенности модели И сильных
признаках своей категории, иначе страница направляется на проверку человеком (`suspicious`).
"""


def sign_section(sign: Sign) -> str:
    """Markdown for one sign: descriptions, kind, weight and languages covered."""
    langs = ", ".join(sorted(sign.patterns)) or "—"
    return "\n".join([
        f"### `{sign.id}` (weight {sign.weight:.1f})",
        "",
        f"- [ ] **RU:** {sign.description['ru']}",
        f"- [ ] **EN:** {sign.description['en']}",
        f"- Kind: {sign.kind}, {KIND_NOTES[sign.kind]}. Languages: {langs}.",
        "",
    ])


def context_section(context: ReportedContext) -> str:
    """Markdown for the reported-speech (warning context) rule and the operator features."""
    lines = [
        "## Warnings, news and court reports / Предупреждения, новости и судебные сообщения",
        "",
        f"- [ ] **RU:** {context.description['ru']}",
        f"- [ ] **EN:** {context.description['en']}",
        "- Quotation marks: " + " ".join(f"`{a}…{b}`" for a, b in context.quotes) + ".",
        f"- Warning vocabulary (languages: {', '.join(context.marker_langs)}) and denials are "
        "listed under `reported_context` in `classifiers/data/signs.yaml`; such signs are "
        "shown with `reported: true` and the reason in `context`.",
        "",
        "Operator features (no discount for warnings) / Признаки оператора (пересказ не "
        "учитывается):",
        "",
    ]
    lines += [f"- [ ] `{fid}` — **RU:** {text['ru']} **EN:** {text['en']}"
              for fid, text in context.feature_descriptions]
    return "\n".join(lines) + "\n"


def render(signs: tuple[Sign, ...] | None = None) -> str:
    """The whole checklist as Markdown."""
    signs = signs or load_catalogue()
    parts = [HEADER]
    for category, title in TITLES.items():
        parts.append(f"## {title}\n")
        parts.extend(sign_section(s) for s in signs if s.category == category)
    parts.append(context_section(reported_context()))
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
