"""`fraudwatch evidence pack|verify`: per-site evidence packs with a SHA-256 manifest."""

from __future__ import annotations

from pathlib import Path

import click

from takedown.evidence import EvidenceError, build_pack, verify_pack


@click.group("evidence")
def evidence() -> None:
    """Evidence packs: screenshots, WARC records, signs, verdicts and reviews, hashed."""


@evidence.command("pack")
@click.argument("domain")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the zip (default: <var_dir>/evidence).")
@click.pass_obj
def pack(obj, domain: str, out_dir: Path | None) -> None:
    """Write the evidence pack of DOMAIN and print its path."""
    with obj.store(EvidenceError) as store:
        path = build_pack(store, domain, obj.config.var_dir,
                          out_dir or obj.config.var_dir / "evidence")
    click.echo(str(path))


@evidence.command("verify")
@click.argument("pack_path", metavar="PACK", type=click.Path(exists=True, dir_okay=False,
                                                              path_type=Path))
def verify(pack_path: Path) -> None:
    """Check every file of PACK against its manifest; exit 1 naming any file that differs."""
    try:
        problems = verify_pack(pack_path)
    except EvidenceError as exc:
        raise click.ClickException(str(exc)) from exc
    if problems:
        for problem in problems:
            click.echo(f"TAMPERED {problem}", err=True)
        raise SystemExit(1)
    click.echo(f"{pack_path}: ok")


def register(main: click.Group) -> None:
    main.add_command(evidence)
