"""`fraudwatch export --format ...`: the confirmed block list for ISPs, CERTs and registries."""

from __future__ import annotations

from pathlib import Path

import click

from fraudwatch.config import Config
from takedown import signing
from takedown.exports.formats import FORMATS, export_block_list


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="csv", show_default=True,
              help="csv or json (sites to block now), changes (CSV of sites added and removed), "
                   "stix (2.1 bundle), registry (ISP XML dump), xarf (v4, JSON lines).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]),
              help="With --format changes: only changes on or after this day (YYYY-MM-DD).")
@click.option("--excel", is_flag=True,
              help="CSV for Excel: a byte-order mark, so Cyrillic reads right in ru/kk locales.")
@click.option("--out", "out_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of standard output.")
@click.option("--sign", is_flag=True,
              help="With --out: also write FILE.sig, a detached Ed25519 signature of the file "
                   "with the evidence packs' key (evidence.signing_key), so recipients can "
                   "check it came from the agency unchanged.")
@click.pass_obj
def export(obj, fmt: str, out_file: Path | None, since, excel: bool, sign: bool) -> None:
    """Export confirmed sites (and removals after delisting) as a block list."""
    if since and fmt != "changes":
        raise click.UsageError("--since goes with --format changes")
    if sign and not out_file:
        raise click.UsageError("--sign goes with --out FILE (the signature is FILE.sig)")
    key = _signing_key(obj.config) if sign else None
    day = since.date().isoformat() if since else ""
    with obj.store() as store:
        text = export_block_list(store, obj.config, fmt, since=day, excel=excel)
    if not out_file:
        click.echo(text, nl=False)
        return
    data = text.encode("utf-8")
    try:
        out_file.write_bytes(data)
        if key is not None:
            signature = out_file.with_name(out_file.name + ".sig")
            signature.write_bytes(signing.sign(key, data))
    except OSError as exc:
        raise click.ClickException(f"cannot write {exc.filename}: {exc.strerror or exc}") \
            from exc
    click.echo(f"{out_file}" + (f" (signed by key {signing.fingerprint(key.public_key())[:16]}, "
                                f"{signature.name})" if key is not None else ""), err=True)


def _signing_key(config: Config):
    """The key --sign signs with; a clear error when none is configured or it is unusable."""
    try:
        key = signing.signer(config)
    except signing.SigningKeyError as exc:
        raise click.ClickException(str(exc)) from exc
    if key is None:
        raise click.ClickException("--sign needs the agency's key: set evidence.signing_key "
                                   "(FRAUDWATCH_EVIDENCE_SIGNING_KEY) to a PEM file made by "
                                   "`fraudwatch evidence keygen`")
    return key


def register(main: click.Group) -> None:
    main.add_command(export)
