"""Evidence packs: everything behind one site's listing in a zip a recipient can check.

A pack holds the site, its pages' verdicts and signs with their evidence, the audit log, the
captures with their WARC records (copied into one per-site WARC) and screenshots, and
`manifest.sha256` (the `sha256sum` format) naming every other file with its SHA-256.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fraudwatch.domains import ascii_domain
from fraudwatch.store import Store
from takedown.signing import fingerprint, public_pem, sign, signed_by
from takedown.timestamp import TIMESTAMP, Stamp, TimestampError, Tsa, check
from takedown.warc_copy import read_record, request_record, session_info

MANIFEST = "manifest.sha256"
WARC_NAME = "captures.warc.gz"
EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # zip cannot say earlier
README = """Evidence pack for {domain}

Check it with `fraudwatch evidence verify {name}` or, after unzipping, with
`sha256sum -c {manifest}`. The WARC file holds the records of the captures listed in
captures.json (field warc_record: index of the record in {warc}, which opens each crawl
session's records with that session's warcinfo record and gives each fetched response after
the request it answered).
"""
SIGNED = """
{signature} is the Ed25519 signature (base64) of {manifest} by the agency's key with
SHA-256 fingerprint {fingerprint}. Its public key:

{pem}"""
SIGNATURE = "manifest.sha256.sig"
TIMESTAMPED = """
{timestamp} is an RFC 3161 time-stamp of {manifest} by the time-stamping authority
{url}. Check it with the TSA's root certificate:
openssl ts -verify -data {manifest} -in {timestamp} -CAfile TSA-ROOT.pem
"""
MAX_ENTRY_BYTES = 512 * 1024**2  # a pack's files are captures and screenshots, not archives


class EvidenceError(ValueError):
    """A pack that cannot be built or read; the message says why."""


def local_file(path: str, var_dir: Path) -> Path | None:
    """An evidence file named in the store, as found here (as stored or under var_dir)."""
    for candidate in (Path(path), var_dir / path):
        if path and candidate.is_file():
            return candidate
    return None


def _json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True).encode()


def _captures(store: Store, domain: str, var_dir: Path) -> tuple[list[dict], bytes, dict]:
    """Capture documents, the concatenated WARC records and the screenshots {name: bytes}."""
    docs, records, shots, sessions = [], [], {}, set()
    for capture in store.captures_for(domain):
        doc = capture.to_doc()
        warc = local_file(capture.warc_file, var_dir)
        doc["warc_record"] = None
        if warc is not None and capture.warc_offset is not None:
            if warc not in sessions:  # the crawl session's warcinfo, before its first record
                sessions.add(warc)
                records += [info for info in [session_info(warc)] if info]
            request = request_record(warc, capture.warc_offset)
            records += [request] if request else []
            doc["warc_record"] = len(records)
            records.append(read_record(warc, capture.warc_offset))
        shot = local_file(capture.screenshot, var_dir)
        if shot is not None:
            doc["screenshot_file"] = f"screenshots/{shot.name}"
            shots[doc["screenshot_file"]] = shot.read_bytes()
        docs.append(doc)
    return docs, b"".join(records), shots


def pack_files(store: Store, domain: str, var_dir: Path,
               key: Ed25519PrivateKey | None = None, tsa: Tsa | None = None) -> dict[str, bytes]:
    """The files of a site's evidence pack, by name, without the manifest (the README says
    which key will sign it and which TSA will time-stamp it)."""
    site = store.get_site_by_domain(domain)
    if site is None:
        raise EvidenceError(f"no site {domain!r} in the store")
    domain = site.domain  # the stored (ASCII) form, whichever form was asked for
    captures, warc, shots = _captures(store, domain, var_dir)
    pages = [{k: v for k, v in page.to_doc().items() if k != "text"}
             for page in store.pages_for(domain)]
    files = {
        "README.txt": _readme(domain, key, tsa).encode(),
        "site.json": _json(site.to_doc()),
        "classification.json": _json(pages),
        "reviews.json": _json([r.to_doc() for r in store.reviews_for(site.id)]),
        "captures.json": _json(captures),
        **shots,
    }
    if warc:
        files[WARC_NAME] = warc
    return files


def _readme(domain: str, key: Ed25519PrivateKey | None, tsa: Tsa | None = None) -> str:
    text = README.format(domain=domain, name=pack_name(domain), manifest=MANIFEST,
                         warc=WARC_NAME)
    if key is not None:
        text += SIGNED.format(signature=SIGNATURE, manifest=MANIFEST,
                              fingerprint=fingerprint(key.public_key()),
                              pem=public_pem(key.public_key()))
    if tsa is not None:
        text += TIMESTAMPED.format(timestamp=TIMESTAMP, manifest=MANIFEST, url=tsa.url)
    return text


def pack_name(domain: str) -> str:
    return f"evidence-{domain}.zip"


def manifest(files: dict[str, bytes]) -> bytes:
    """`sha256sum` lines for `files`, in name order."""
    return "".join(f"{hashlib.sha256(data).hexdigest()}  {name}\n"
                   for name, data in sorted(files.items())).encode()


def manifest_digest(pack: Path) -> str:
    """The SHA-256 of a pack's manifest: one figure that pins every file of the pack."""
    with zipfile.ZipFile(pack) as zf:
        return hashlib.sha256(zf.read(MANIFEST)).hexdigest()


class PackShelf:
    """Evidence packs built once per site for a batch of letters, beside the letters, so
    each letter can cite the pack and its manifest's SHA-256 as they were when it was sent."""

    def __init__(self, store: Store, var_dir: Path, out_dir: Path,
                 key: Ed25519PrivateKey | None = None, tsa: Tsa | None = None):
        self.store, self.var_dir, self.out_dir, self.key = store, var_dir, out_dir, key
        self.tsa = tsa
        self.refs: dict[str, dict[str, str]] = {}

    def ref(self, domain: str) -> dict[str, str]:
        """{"pack": file name, "sha256": its manifest's SHA-256} for `domain`."""
        if domain not in self.refs:
            path = build_pack(self.store, domain, self.var_dir, self.out_dir, self.key,
                              self.tsa)
            self.refs[domain] = {"pack": path.name, "sha256": manifest_digest(path)}
        return self.refs[domain]


def zip_time(moment: str) -> tuple[int, ...]:
    """A stored UTC moment as a zip entry time (seconds even, as zip keeps them)."""
    try:
        when = datetime.fromisoformat(moment).astimezone(UTC)
    except (TypeError, ValueError):
        return EARLIEST_ZIP_TIME
    return max(EARLIEST_ZIP_TIME, (when.year, when.month, when.day, when.hour, when.minute,
                                   when.second - when.second % 2))


def entry_times(store: Store, domain: str) -> tuple[dict[str, tuple], tuple]:
    """The zip time of each screenshot (its capture's time) and of every other file (the
    latest capture, or the site's last sighting): the pack shows when its evidence was taken,
    and equal evidence still gives an equal pack."""
    captures = store.captures_for(domain)
    site = store.get_site_by_domain(domain)
    latest = max((c.fetched_at for c in captures), default="") or site.last_seen or \
        site.first_seen
    shots = {f"screenshots/{Path(c.screenshot).name}": zip_time(c.fetched_at)
             for c in captures if c.screenshot}
    return shots, zip_time(latest)


def build_pack(store: Store, domain: str, var_dir: Path, out_dir: Path,
               key: Ed25519PrivateKey | None = None, tsa: Tsa | None = None) -> Path:
    """Write the evidence pack of `domain` (either form) into `out_dir`, its manifest signed
    with `key` and time-stamped by `tsa` when they are given; return its path."""
    domain = ascii_domain(domain)
    files = pack_files(store, domain, var_dir, key, tsa)
    files[MANIFEST] = manifest(files)
    if key is not None:
        files[SIGNATURE] = sign(key, files[MANIFEST])
    if tsa is not None:
        try:
            files[TIMESTAMP] = tsa.stamp(files[MANIFEST])
        except TimestampError as exc:
            raise EvidenceError(f"{pack_name(domain)}: {exc}") from exc
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / pack_name(domain)
    shot_times, taken = entry_times(store, domain)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in sorted(files.items()):
            zf.writestr(zipfile.ZipInfo(name, shot_times.get(name, taken)), data,
                        compress_type=zipfile.ZIP_DEFLATED)
    return path


def _parse_manifest(text: str) -> dict[str, str]:
    """{file name: SHA-256} from `sha256sum` lines."""
    entries = {}
    for line in text.splitlines():
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64:
            raise EvidenceError(f"{MANIFEST}: malformed line {line!r}")
        entries[name] = digest
    return entries


def _digests(zf: zipfile.ZipFile) -> dict[str, str]:
    """SHA-256 of each entry, read in chunks; EvidenceError for an entry over the bound."""
    found = {}
    for info in zf.infolist():
        if info.file_size > MAX_ENTRY_BYTES:
            raise EvidenceError(f"{info.filename}: {info.file_size} bytes, over the "
                                f"{MAX_ENTRY_BYTES // 1024**2} MB an evidence file may hold")
        digest = hashlib.sha256()
        with zf.open(info) as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        found[info.filename] = digest.hexdigest()
    return found


def _sealed(path: Path) -> tuple[dict[str, str], bytes | None, bytes | None, bytes | None]:
    """(SHA-256 of each file but the seals, the manifest, its signature, its time-stamp) of a
    pack; None for what it lacks."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            digests = _digests(zf)
            listed, signature, stamp = (zf.read(name) if name in names else None
                                        for name in (MANIFEST, SIGNATURE, TIMESTAMP))
    except (OSError, zipfile.BadZipFile) as exc:
        raise EvidenceError(f"{path}: not a readable zip ({exc})") from exc
    for own in (MANIFEST, SIGNATURE, TIMESTAMP):
        digests.pop(own, None)
    return digests, listed, signature, stamp


def pack_stamp(path: Path, roots) -> Stamp | None:
    """When and by which TSA a pack's manifest was time-stamped, checked against the TSA
    `roots`; None for a pack without a time-stamp (TimestampError when it does not verify)."""
    _digests_, listed, _signature, stamp = _sealed(path)
    return None if stamp is None or listed is None else check(stamp, listed, roots)


def verify_pack(path: Path, trusted: Ed25519PublicKey | None = None,
                tsa_roots=None) -> list[str]:
    """Problems found in a pack: files that differ from the manifest; with a `trusted` key, a
    manifest that key did not sign; with TSA `tsa_roots`, a missing time-stamp or one that
    does not verify (empty when all is well)."""
    digests, listed, signature, stamp = _sealed(path)
    if listed is None:
        return [f"{MANIFEST} is missing"]
    expected = _parse_manifest(listed.decode())
    problems = [f"{name}: missing" for name in sorted(set(expected) - set(digests))]
    problems += [f"{name}: not in the manifest" for name in sorted(set(digests) - set(expected))]
    problems += [f"{name}: SHA-256 does not match the manifest"
                 for name in sorted(set(digests) & set(expected))
                 if digests[name] != expected[name]]
    if trusted is not None:
        if signature is None:
            problems.append(f"{SIGNATURE} is missing: the pack is not signed")
        elif not signed_by(trusted, listed, signature):
            problems.append(f"{MANIFEST}: not signed by the trusted key "
                            f"{fingerprint(trusted)[:16]}…")
    if tsa_roots is not None:
        if stamp is None:
            problems.append(f"{TIMESTAMP} is missing: the pack is not time-stamped")
        else:
            try:
                check(stamp, listed, tsa_roots)
            except TimestampError as exc:
                problems.append(str(exc))
    return problems
