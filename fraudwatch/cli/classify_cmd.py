"""`fraudwatch classify|train|licences`: thin click adapters over `classifiers`."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from fraudwatch.cli.pagefiles import expand, read_page
from fraudwatch.cli.progress import progress_bar


def _registry(var_dir: Path):
    """Bundled registry plus the licences imported into the var dir, if any."""
    from classifiers.registry import DEFAULT_PATHS, Registry

    imported = var_dir / "licences.csv"
    return Registry.load([*DEFAULT_PATHS, imported] if imported.exists() else DEFAULT_PATHS)


def _classify_one(source: str, registry, model) -> tuple[dict, bool]:
    """JSON-ready result for one input and whether it succeeded."""
    from classifiers import predict
    from classifiers.encoder import EncoderUnavailable

    try:
        text, html = read_page(source)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return {"input": source, "error": str(exc)}, False
    try:
        verdict = predict(text, html=html, registry=registry, model=model)
    except EncoderUnavailable as exc:
        raise click.ClickException(str(exc)) from exc
    return {"input": source, **verdict.to_dict()}, True


@click.command("classify")
@click.argument("inputs", nargs=-1, required=True)
@click.pass_obj
def classify_command(obj, inputs: tuple[str, ...]) -> None:
    """Classify pages: INPUT is an .html/.txt file, a directory of them, or - for stdin.

    The promoted model version classifies (`fraudwatch model list`). Prints one JSON
    object per page per line (input, category, verdict, score, lang, signs,
    model, promotion, promoted_domains). An unreadable or empty input prints a line with
    "error" and the others go on. Exit status is 1 only when every input failed.
    """
    from classifiers.artifact import ModelError
    from fraudwatch.modelversions import ModelVersions, VersionError

    registry = _registry(obj.config.var_dir)
    try:
        model = ModelVersions(obj.config.var_dir).promoted_model()
    except (VersionError, ModelError) as exc:
        raise click.ClickException(str(exc)) from exc
    results = [_classify_one(source, registry, model) for source in expand(inputs)]
    for result, _ok in results:
        click.echo(json.dumps(result, ensure_ascii=False))
    if not any(ok for _result, ok in results):
        sys.exit(1)


@click.command("train")
@click.option("--out", "out_path", type=click.Path(dir_okay=False),
              help="Where to write the model (default: classifiers/model/classifier.joblib).")
@click.option("--cache", "cache_path", type=click.Path(dir_okay=False),
              help="Passage-embedding cache, so a retrain embeds only new text "
                   "(default: the classifier.encoder_cache setting).")
@click.option("--from-store", is_flag=True,
              help="Train a new model version from the corpus and the reviewed sites in the "
                   "store, kept under var/models (promote it with `fraudwatch model promote`).")
@click.option("--corpus-share", type=float, default=1.0, show_default=True,
              help="With --from-store: the share of each corpus archetype to train on (a "
                   "quick candidate).")
@click.option("--review-weight", type=float, default=None,
              help="With --from-store: how many corpus pages one reviewed page counts as "
                   "(default 10).")
@click.option("--user", default=None, help="With --from-store: who trains, for the audit log.")
@click.pass_obj
def train_command(obj, out_path: str | None, cache_path: str | None, from_store: bool,
                  corpus_share: float, review_weight: float | None, user: str | None) -> None:
    """Train the page classifier on the team-written corpus (classifiers/data/texts).

    Both stages are fitted, calibrated on archetypes held out (5 folds), evaluated on the
    held-out split and saved with their version, data fingerprint and report. The first run
    embeds the whole corpus with the sentence encoder (about an hour on 2 cores); later runs
    reuse the cached passages. With --from-store, the reviewed sites' pages join the corpus
    (confirmed: their category; rejected, delisted or licensed: legitimate), a quarter of
    them held out by site to evaluate the new version against the promoted one."""
    from classifiers.artifact import MODEL_PATH
    from classifiers.evaluation import format_report
    from classifiers.synth.sources import SourceError
    from classifiers.training import train

    cache = Path(cache_path) if cache_path else obj.config.encoder_cache()
    if from_store:
        if out_path:
            raise click.UsageError("--out does not go with --from-store: versions are kept "
                                   "under var/models")
        _train_from_store(obj, cache, corpus_share, review_weight, user)
        return
    try:
        with progress_bar(not obj.quiet, "embedding passages") as report:
            model = train(Path(out_path) if out_path else MODEL_PATH, cache_file=cache,
                          log=lambda line: None if obj.quiet else click.echo(line, err=True),
                          progress=report)
    except SourceError as exc:
        raise click.ClickException(f"the corpus texts have problems:\n{exc}") from exc
    click.echo(f"{model.version} written to {out_path or MODEL_PATH}")
    click.echo(f"calibration: fast T={model.temperature_fast:.2f}, semantic "
               f"T={model.temperature_semantic:.2f}, blend {model.blend:.1f}")
    click.echo("held-out synthetic split (not evidence of real-world quality):")
    click.echo(format_report(model.metrics))


def _train_from_store(obj, cache: Path, corpus_share: float, review_weight: float | None,
                      user: str | None) -> None:
    """`train --from-store`: a new version from the corpus and the reviewed sites."""
    import getpass

    from classifiers.encoder import DIM, Encoder, EncoderUnavailable
    from classifiers.passagestore import PassageStore
    from classifiers.synth.sources import SourceError
    from fraudwatch.learning import LearningError
    from fraudwatch.learning.retrain import REVIEW_WEIGHT, TrainOptions, train_from_store
    from fraudwatch.modelversions import VersionError

    options = TrainOptions(corpus_share=corpus_share,
                           review_weight=review_weight or REVIEW_WEIGHT)
    encoder = Encoder(store=PassageStore(cache, DIM))
    errors = (LearningError, VersionError, EncoderUnavailable, SourceError)
    with obj.store(*errors, existing=True) as store, \
            progress_bar(not obj.quiet, "training") as report:
        number = train_from_store(
            store, obj.config.var_dir, _registry(obj.config.var_dir), encoder,
            user or getpass.getuser(), options,
            log=lambda line: None if obj.quiet else click.echo(line, err=True), progress=report)
    click.echo(f"version {number} trained; `fraudwatch model show {number}` gives its report, "
               f"`fraudwatch model shadow {number}` runs it beside the promoted one")


@click.group("licences")
def licences_group() -> None:
    """Manage the licence registry used by `fraudwatch classify`."""


@licences_group.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False, exists=True))
@click.pass_obj
def import_licences(obj, csv_file: str) -> None:
    """Validate CSV_FILE (name,bin,domains,licence_number,kind) and merge it into var/licences.csv.

    Rows with the same BIN (or name, when BIN is empty) replace earlier ones.
    """
    from classifiers.registry import LICENCE_COLUMNS, RegistryError, read_csv

    target = obj.config.var_dir / "licences.csv"
    try:
        incoming = read_csv(Path(csv_file))
        current = read_csv(target) if target.exists() else []
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from exc
    if any(entity.kind == "pyramid" for entity in incoming):
        raise click.ClickException(f"{csv_file}: not a licences CSV (columns {LICENCE_COLUMNS})")
    merged = {entity.bin or entity.name: entity for entity in [*current, *incoming]}
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(LICENCE_COLUMNS)
        for e in merged.values():
            writer.writerow([e.name, e.bin, " ".join(e.domains), e.licence_number, e.kind])
    click.echo(f"{len(incoming)} rows imported, {len(merged)} licences in {target}")


def register(main: click.Group) -> None:
    """Add the classifier commands to the `fraudwatch` group."""
    for command in (classify_command, train_command, licences_group):
        main.add_command(command)
