"""docs/signs.md must match the catalogue (regenerate with python -m classifiers.checklist)."""

from pathlib import Path

from classifiers.checklist import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "signs.md"


def test_checklist_is_up_to_date():
    assert DOC.read_text(encoding="utf-8") == render(), (
        "docs/signs.md is stale: python -m classifiers.checklist > docs/signs.md"
    )
