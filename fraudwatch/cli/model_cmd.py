"""`fraudwatch model …` and `fraudwatch reclassify`: thin click adapters over
fraudwatch.modelversions and fraudwatch.learning."""

from __future__ import annotations

import getpass
import json

import click
from rich.console import Console
from rich.table import Table

from fraudwatch.cli.progress import progress_bar

USER_OPTION = click.option("--user", default=None,
                           help="Who does it, for the audit log (default: the login name).")


def _versions(obj):
    from fraudwatch.modelversions import ModelVersions

    return ModelVersions(obj.config.var_dir)


def _encoder(obj):
    from classifiers.encoder import DIM, Encoder
    from classifiers.passagestore import PassageStore

    return Encoder(store=PassageStore(obj.config.encoder_cache(), DIM))


def _registry(obj):
    from fraudwatch.cli.classify_cmd import _registry as registry

    return registry(obj.config.var_dir)


def _errors():
    from classifiers.artifact import ModelError
    from classifiers.encoder import EncoderUnavailable
    from fraudwatch.learning import LearningError
    from fraudwatch.modelversions import VersionError

    return LearningError, VersionError, ModelError, EncoderUnavailable


def _figure(value) -> str:
    return "-" if value is None else f"{value:.0%}" if isinstance(value, float) else str(value)


@click.group("model")
def model_group() -> None:
    """Model versions: list, show, promote, roll back, run in shadow, compare."""


@model_group.command("list")
@click.pass_obj
def list_command(obj) -> None:
    """Every version, with its data and main figures; * marks the promoted one."""
    from fraudwatch.learning.versionlist import version_rows

    try:
        rows = version_rows(_versions(obj))
    except _errors() as exc:
        raise click.ClickException(str(exc)) from exc
    table = Table("", "version", "name", "created", "trained on", "macro-F1 (corpus)",
                  "illegal precision (reviewed sites)", "fraud flagged (reviewed sites)")
    for row in rows:
        mark = "*" if row.promoted else "shadow" if row.shadow else ""
        source = (f"corpus + {row.reviewed_sites} reviewed sites"
                  if row.reviewed_sites is not None
                  else "corpus (shipped)" if row.shipped else "corpus")
        table.add_row(mark, str(row.number), row.name, row.created, source,
                      _figure(row.macro_f1), _figure(row.illegal_precision),
                      _figure(row.fraud_flagged))
    Console(width=200).print(table)


@model_group.command("show")
@click.argument("number", type=int)
@click.option("--json", "as_json", is_flag=True, help="The whole report as JSON.")
@click.pass_obj
def show_command(obj, number: int, as_json: bool) -> None:
    """The report of version NUMBER: data, parameters and evaluation."""
    from classifiers.evaluation import format_report

    try:
        info = _versions(obj).info(number)
    except _errors() as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(info.report, ensure_ascii=False, indent=2, default=str))
        return
    report = info.report
    click.echo(f"version {info.number}: {info.name} (created {info.created})")
    click.echo(f"data: {json.dumps(_summary(report.get('data', {})), ensure_ascii=False)}")
    click.echo(f"parameters: {json.dumps(report.get('params', {}), ensure_ascii=False)}")
    if report.get("metrics"):
        click.echo("held-out corpus split (team-written):")
        click.echo(format_report(report["metrics"]))
    for key, title in (("reviewed_metrics", "held-out reviewed sites"),
                       ("parent_reviewed_metrics", "the same sites, by the version it replaced")):
        found = report.get(key)
        if found:
            click.echo(f"{title} ({found['model']}):")
            click.echo(format_report(found["pages"]))
            click.echo(_site_lines(found["sites"]))


def _summary(data: dict) -> dict:
    """The data section without its long site lists (they are in --json)."""
    reviewed = dict(data.get("reviewed") or {})
    for key in ("train_sites", "test_sites", "review_ids"):
        if key in reviewed:
            reviewed[key] = len(reviewed[key])
    return {**data, **({"reviewed": reviewed} if reviewed else {})}


def _site_lines(sites: dict) -> str:
    lines = [f"per site: {sites['sites']} sites, {sites['illegal_sites']} called illegal, "
             f"illegal precision {_figure(sites['illegal_precision'])}, fraud flagged "
             f"{_figure(sites['fraud_flagged'])}, legitimate called illegal "
             f"{sites['legit_illegal']} of {sites['legit_sites']}"]
    lines += [f"  {domain}: reviewed {row['label']}, model {row['verdict']} {row['category']}"
              for domain, row in sites["by_site"].items()]
    return "\n".join(lines)


@model_group.command("promote")
@click.argument("number", type=int)
@click.option("--force", is_flag=True,
              help="Promote even if its illegal precision on reviewed sites is lower "
                   "(recorded in the audit log).")
@USER_OPTION
@click.pass_obj
def promote_command(obj, number: int, force: bool, user: str | None) -> None:
    """Make version NUMBER the one that classifies, if it does not call legitimate sites
    illegal more often than the promoted one on the reviewed sites it held out."""
    from fraudwatch.learning.promotion import gate, promote

    with obj.store(*_errors(), existing=True) as store:
        found = gate(store, obj.config.var_dir, _registry(obj), _encoder(obj), number)
        click.echo(found.reason)
        before = promote(store, obj.config.var_dir, number, user or getpass.getuser(), found,
                         force)
    click.echo(f"version {number} promoted (was {before}); `fraudwatch reclassify` applies it "
               f"to the pages already stored")


@model_group.command("rollback")
@USER_OPTION
@click.pass_obj
def rollback_command(obj, user: str | None) -> None:
    """Promote again the version promoted before the current one."""
    from fraudwatch.learning.promotion import rollback

    with obj.store(*_errors(), existing=True) as store:
        current, previous = rollback(store, obj.config.var_dir, user or getpass.getuser())
    click.echo(f"version {previous} promoted again (was {current})")


@model_group.command("shadow")
@click.argument("number", type=int, required=False)
@click.option("--off", is_flag=True, help="Stop running a version in shadow.")
@USER_OPTION
@click.pass_obj
def shadow_command(obj, number: int | None, off: bool, user: str | None) -> None:
    """Run version NUMBER alongside the promoted one in later crawls; its verdicts are stored
    apart (`fraudwatch model compare` lists where the two disagree)."""
    from fraudwatch.learning.promotion import set_shadow

    if (number is None) == (not off):
        raise click.UsageError("give a version NUMBER or --off")
    with obj.store(*_errors(), existing=True) as store:
        set_shadow(store, obj.config.var_dir, None if off else number,
                   user or getpass.getuser())
    click.echo("no version runs in shadow" if off else
               f"version {number} runs in shadow from the next crawl")


@model_group.command("compare")
@click.option("--version", "number", type=int, default=None,
              help="The shadow version to compare (default: the one set to run in shadow).")
@click.option("--limit", type=int, default=50, show_default=True, help="Rows to print.")
@click.pass_obj
def compare_command(obj, number: int | None, limit: int) -> None:
    """Pages where the shadow version and the promoted one disagree, with their signs."""
    from fraudwatch.learning.compare import compare

    versions = _versions(obj)
    try:
        number = number or versions.shadow()
        if number is None:
            raise click.ClickException("no version runs in shadow: `fraudwatch model shadow N`")
        name = versions.info(number).name
    except _errors() as exc:
        raise click.ClickException(str(exc)) from exc
    with obj.store(existing=True) as store:
        found = compare(store, name)
    rows = found.disagreements
    click.echo(f"version {number} ({name}) classified {found.compared} stored pages; it "
               f"disagrees on {len(rows)}: {sum(r.to_illegal for r in rows)} it calls illegal "
               f"and {sum(r.from_illegal for r in rows)} it no longer calls illegal")
    table = Table("site", "page", "review", "promoted model", "signs", f"version {number}",
                  "signs")
    for row in rows[:limit]:
        current, shadow = row.current, row.shadow
        table.add_row(row.domain, row.url, row.review_state,
                      f"{current['verdict']} {current['category']} {current['score']:.2f}",
                      " ".join(current["signs"]),
                      f"{shadow['verdict']} {shadow['category']} {shadow['score']:.2f}",
                      " ".join(shadow["signs"]))
    if rows:
        Console(width=200).print(table)


@click.command("reclassify")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="Only pages last seen on or after this day.")
@click.option("--category", type=click.Choice(["casino", "loan", "pyramid", "legit"]),
              default=None, help="Only sites of this category now.")
@USER_OPTION
@click.pass_obj
def reclassify_command(obj, since, category: str | None, user: str | None) -> None:
    """Classify stored pages again with the promoted model, without fetching them again.

    Pages are classified as a crawl would (the encoder in the `classifier.encoder` mode).
    Sites nobody reviewed take their new verdict; a decided site whose new verdict contradicts
    the decision goes back to review. Stopped, it resumes where it was when run again."""
    from fraudwatch.learning.reclassify import Reclassifier
    from fraudwatch.modelversions import ModelVersions

    day = since.date().isoformat() if since else ""
    with obj.store(*_errors(), existing=True) as store:
        model = ModelVersions(obj.config.var_dir).promoted_model()
        if model is None:
            raise click.ClickException("no model to classify with: run `fraudwatch train`")
        sites = list(store.iter_sites(**({"category": category} if category else {})))
        run = Reclassifier(store, obj.config.var_dir, model, _registry(obj), _encoder(obj),
                           user or getpass.getuser(), obj.config.classifier.encoder,
                           obj.config.classifier.encoder_pages)
        with progress_bar(not obj.quiet, "re-classifying sites") as report:
            found = run.run(sites, day, report)
    click.echo(f"{model.version}: {found.pages} pages of {found.sites} sites re-classified, "
               f"{found.pages_changed} verdicts changed")
    for title, domains in (("now illegal", found.to_illegal),
                           ("no longer illegal", found.from_illegal),
                           ("other changes", found.other_changes),
                           ("back to review (the new verdict contradicts the decision)",
                            found.queued)):
        if domains:
            click.echo(f"{title} ({len(domains)}): {', '.join(domains)}")


def register(main: click.Group) -> None:
    """Add the model commands to the `fraudwatch` group."""
    main.add_command(model_group)
    main.add_command(reclassify_command)



