"""`fraudwatch evaluate [DIR --labels labels.csv]`: measure the classifier on labelled pages."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import click

from fraudwatch.cli.csvsave import save_csv
from fraudwatch.cli.pagefiles import PAGE_SUFFIXES, read_page
from fraudwatch.cli.progress import progress_bar


class LabelsError(ValueError):
    """The labels file or the folder does not fit together; the message lists every problem."""


def _page_file(folder: Path, page_id: str) -> Path | None:
    """The file of `page_id` in `folder`: the id itself, or the id with a page suffix."""
    exact = folder / page_id
    if exact.is_file():
        return exact
    return next((folder / f"{page_id}{s}" for s in PAGE_SUFFIXES
                 if (folder / f"{page_id}{s}").is_file()), None)


def _doc(path: Path, row: dict) -> dict:
    """One labelled page: HTML files are parsed, other files are plain text."""
    text, html = read_page(str(path))
    return {"id": row["id"], "label": row["label"], "lang": row.get("lang") or "",
            "text": text, "html": html}


def read_labelled(folder: Path, labels: Path) -> list[dict]:
    """The pages listed in `labels` (id,label[,lang]) with their text or HTML from `folder`."""
    from classifiers.verdict import CATEGORIES

    try:
        with labels.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            if not reader.fieldnames or not {"id", "label"} <= set(reader.fieldnames):
                raise LabelsError(f"{labels}: the header must be id,label[,lang]")
            rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LabelsError(f"{labels}: {exc}") from exc
    problems, docs, seen = [], [], set()
    for line, row in enumerate(rows, start=2):
        page_id, label = (row.get("id") or "").strip(), (row.get("label") or "").strip()
        if label not in CATEGORIES:
            problems.append(f"{labels}:{line}: label {label!r} is not one of "
                            f"{', '.join(CATEGORIES)}")
            continue
        if page_id in seen:
            problems.append(f"{labels}:{line}: id {page_id!r} is listed twice")
            continue
        seen.add(page_id)
        path = _page_file(folder, page_id) if page_id else None
        if path is None:
            problems.append(f"{labels}:{line}: no page {page_id!r} in {folder} "
                            f"(looked for it with {', '.join(PAGE_SUFFIXES)})")
            continue
        try:
            docs.append(_doc(path, {**row, "id": page_id, "label": label}))
        except (OSError, ValueError) as exc:
            problems.append(f"{labels}:{line}: {path}: {exc}")
    if problems:
        raise LabelsError("\n".join(problems))
    if not docs:
        raise LabelsError(f"{labels}: no labelled pages")
    return docs


@click.command("evaluate")
@click.argument("folder", required=False, type=click.Path(file_okay=False, exists=True))
@click.option("--labels", "labels_path", type=click.Path(dir_okay=False),
              help="CSV of id,label[,lang] (default: FOLDER/labels.csv). Labels: casino, loan, "
                   "pyramid, legit; an id names FOLDER/ID or FOLDER/ID.html|.htm|.txt.")
@click.option("--model", "model_path", type=click.Path(dir_okay=False, exists=True),
              help="Model artifact (default: the shipped model).")
@click.option("--mode", type=click.Choice(["always", "auto", "never"]), default="always",
              show_default=True, help="When the sentence encoder runs (auto: as in a crawl).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--mistakes", "mistakes_path", type=click.Path(dir_okay=False, writable=True),
              help="Write the wrongly answered pages to this CSV (id, lang, label, category, "
                   "verdict, score, signs), for a reviewer to read them again.")
@click.pass_obj
def evaluate_command(obj, folder: str | None, labels_path: str | None, model_path: str | None,
                     mode: str, as_json: bool, mistakes_path: str | None) -> None:
    """Measure the classifier on labelled pages: per-class precision, recall and F1, macro-F1,
    the precision of `illegal`, the share of fraud pages flagged, legitimate pages called
    illegal, the confusion matrix, and the same per language.

    Without FOLDER, the held-out split of the team-written corpus is measured: synthetic pages,
    which say little about real-world quality. Regulators should measure their own reviewed
    pages: a folder of .html/.txt files and a labels.csv."""
    from classifiers.artifact import ModelError, load_model
    from classifiers.corpus import load_corpus
    from classifiers.encoder import shared_encoder
    from classifiers.evaluation import MISTAKE_COLUMNS, evaluate_docs, format_report

    try:
        model = load_model(model_path)
        if folder:
            labels = Path(labels_path) if labels_path else Path(folder) / "labels.csv"
            docs = read_labelled(Path(folder), labels)
        else:
            docs = [d for d in load_corpus() if d["split"] == "test"]
    except (LabelsError, ModelError) as exc:
        raise click.ClickException(str(exc)) from exc
    if model is None:
        raise click.ClickException("no trained model: run `fraudwatch train` first")
    with progress_bar(not obj.quiet, f"classifying {len(docs)} pages") as report:
        result = evaluate_docs(model, docs, shared_encoder(), mode=mode, progress=report)
    result["model"] = model.version
    result["source"] = str(folder) if folder else "synthetic held-out split (not evidence)"
    click.echo(json.dumps(result, ensure_ascii=False) if as_json else
               f"{result['source']}: {len(docs)} pages, model {model.version}\n"
               + format_report(result))
    if mistakes_path:  # after the report, so a refused path loses nothing
        save_csv(Path(mistakes_path), MISTAKE_COLUMNS, result["mistakes"])


def register(main: click.Group) -> None:
    """Add `evaluate` to the `fraudwatch` group."""
    main.add_command(evaluate_command)
