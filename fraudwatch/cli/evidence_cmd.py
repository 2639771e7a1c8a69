"""`fraudwatch evidence pack|verify`: per-site evidence packs with a SHA-256 manifest."""

from __future__ import annotations

from pathlib import Path

import click

from takedown.evidence import EvidenceError, build_pack, pack_stamp, verify_pack
from takedown.signing import SigningKeyError, fingerprint, make_pair, signer, trusted_key
from takedown.timestamp import TimestampError, trusted_roots, tsa_of


@click.group("evidence")
def evidence() -> None:
    """Evidence packs: screenshots, WARC records, signs, verdicts and reviews, hashed."""


@evidence.command("pack")
@click.argument("domain")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder for the zip (default: <var_dir>/evidence).")
@click.pass_obj
def pack(obj, domain: str, out_dir: Path | None) -> None:
    """Write the evidence pack of DOMAIN and print its path (its manifest signed when
    evidence.signing_key is set, time-stamped when evidence.tsa_url is)."""
    try:
        key = signer(obj.config)
    except SigningKeyError as exc:
        raise click.ClickException(str(exc)) from exc
    with obj.store(EvidenceError) as store:
        path = build_pack(store, domain, obj.config.var_dir,
                          out_dir or obj.config.var_dir / "evidence", key, tsa_of(obj.config))
    click.echo(str(path))


@evidence.command("verify")
@click.argument("pack_path", metavar="PACK", type=click.Path(exists=True, dir_okay=False,
                                                              path_type=Path))
@click.pass_obj
def verify(obj, pack_path: Path) -> None:
    """Check every file of PACK against its manifest, the manifest's signature against the
    trusted key (evidence.public_key) and its RFC 3161 time-stamp against the TSA roots
    (evidence.tsa_ca); exit 1 naming anything that differs."""
    try:
        trusted, roots = trusted_key(obj.config), trusted_roots(obj.config)
        problems = verify_pack(pack_path, trusted, roots)
        stamp = pack_stamp(pack_path, roots) if roots and not problems else None
    except (EvidenceError, SigningKeyError, TimestampError) as exc:
        raise click.ClickException(str(exc)) from exc
    if problems:
        for problem in problems:
            click.echo(f"TAMPERED {problem}", err=True)
        raise SystemExit(1)
    if stamp is not None:
        click.echo(f"{pack_path}: time-stamped {stamp.time} by {stamp.tsa}")
    if trusted is None:
        click.echo(f"{pack_path}: files match the manifest; no trusted key is configured, so a "
                   "pack rewritten with a new manifest would pass too (set "
                   "evidence.public_key)")
        return
    click.echo(f"{pack_path}: ok, signed by {fingerprint(trusted)[:16]}…")


@evidence.command("keygen")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
def keygen(folder: Path) -> None:
    """Make the agency's Ed25519 key pair in FOLDER (the private key readable by you only)."""
    try:
        private, public = make_pair(folder)
    except (SigningKeyError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"private key: {private} (set evidence.signing_key to it; keep it secret)")
    click.echo(f"public key:  {public} (give it to whoever verifies packs)")


def register(main: click.Group) -> None:
    main.add_command(evidence)
