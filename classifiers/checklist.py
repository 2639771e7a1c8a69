"""Human-readable signs checklist: python -m classifiers.checklist > docs/signs.md."""

from __future__ import annotations

from classifiers.context import ReportedContext
from classifiers.explain import LANGS, grounds, legal_bases
from classifiers.signs import Sign, load_catalogue, reported_context

TITLES = {
    "pyramid": "Financial pyramids / Финансовые пирамиды / Қаржы пирамидалары",
    "loan": "Illegal online lenders / Нелегальные онлайн-кредиторы / Заңсыз онлайн-кредиторлар",
    "casino": "Illegal online casinos and bookmakers / Нелегальные онлайн-казино и букмекеры / "
              "Заңсыз онлайн-казино мен букмекерлер",
}
KIND_NOTES = {
    "presence": "fires when the page says it",
    "absence": "fires when the page is otherwise in this category and this is missing",
    "registry": "fires on a match with the declared-pyramids list",
}
HEADER = """# Signs checklist / Перечень признаков / Белгілер тізбесі

Generated from `classifiers/data/signs.yaml` by `python -m classifiers.checklist`; do not edit by
hand. This is the mechanism by which fraudwatch determines the signs of a financial pyramid, an
illegal online lender and an illegal online casino. Each sign documents an element of the law
or a sign the regulators publish (its grounds), has a weight (0-1), and weights of one category
combine as 1 - Π(1 - weight). A page is reported `illegal` only when the model is confident AND
the signs of its category, stated by the page itself, are strong; otherwise it goes to human
review (`suspicious`). A licence-registry match yields `licensed`, never `illegal`.

Механизм определения признаков: каждый признак подтверждает элемент состава по закону или
признак, публикуемый регуляторами; вердикт `illegal` выносится только при высокой уверенности
модели И сильных признаках своей категории, которые страница заявляет сама; иначе страница
направляется на проверку человеком (`suspicious`).

Белгілерді анықтау тетігі: әр белгі заңдағы құрам элементін немесе реттеушілер жариялайтын
белгіні растайды; `illegal` шешімі модель сенімді болып, бет өз атынан айтқан сол санаттың
белгілері күшті болғанда ғана шығарылады; әйтпесе бетті адам тексереді (`suspicious`).
"""


def legal_section() -> str:
    """Markdown for the legal bases the signs document, with their elements."""
    lines = ["## Legal grounds / Правовые основания / Құқықтық негіздер", ""]
    for basis_id, basis in legal_bases().items():
        lines.append(f"### `{basis_id}`")
        lines.append("")
        lines += [f"- **{lang.upper()}:** {basis['citation'][lang]}" for lang in LANGS]
        for element_id, element in basis.get("elements", {}).items():
            lines.append(f"  - `{basis_id}.{element_id}`: " + " / ".join(
                element[lang] for lang in LANGS))
        lines.append("")
    return "\n".join(lines)


def sign_section(sign: Sign) -> str:
    """Markdown for one sign: its names and explanations, grounds, kind, weight, languages."""
    langs = ", ".join(sorted(sign.patterns)) or "—"
    lines = [f"### {sign.name.get('en', sign.id)} (`{sign.id}`, weight {sign.weight:.1f})", ""]
    for lang in LANGS:
        lines.append(f"- [ ] **{lang.upper()}:** {sign.name.get(lang, '')}. "
                     f"{sign.description.get(lang, '')}")
    if sign.looked_for:
        lines.append(f"- Looked for / Что искали / Не ізделді: {sign.looked_for['en']} / "
                     f"{sign.looked_for['ru']} / {sign.looked_for['kk']}")
    lines += [f"- Grounds: {ground}" for ground in grounds(sign.id, "en")]
    lines.append(f"- Kind: {sign.kind}, {KIND_NOTES[sign.kind]}. Pattern languages: {langs}.")
    lines.append("")
    return "\n".join(lines)


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
    parts = [HEADER, legal_section()]
    for category, title in TITLES.items():
        parts.append(f"## {title}\n")
        parts.extend(sign_section(s) for s in signs if s.category == category)
    parts.append(context_section(reported_context()))
    return "\n".join(parts)


if __name__ == "__main__":
    print(render(), end="")
