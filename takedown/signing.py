"""The agency's Ed25519 key for evidence packs: a pack's manifest is signed when it is made,
so a pack whose files and manifest were both rewritten no longer verifies.

The private key is a PEM file named by `evidence.signing_key` (FRAUDWATCH_EVIDENCE_SIGNING_KEY;
never in the repository); `evidence.public_key` names the public key that `evidence verify`
trusts (by default the signing key's own). `fraudwatch evidence keygen DIR` makes a pair.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fraudwatch.config import Config


class SigningKeyError(ValueError):
    """A key that cannot be used; the message names the file and the fix."""


def _read(path: str, what: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise SigningKeyError(f"{what} {path} cannot be read ({exc.strerror}); fix: set the path "
                        "of a PEM file made by `fraudwatch evidence keygen`") from None


def private_key(path: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(_read(path, "signing key"), password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError(f"signing key {path} is not an unencrypted PEM private key ({exc})") \
            from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError(f"signing key {path} is not an Ed25519 key")
    return key


def public_key(path: str) -> Ed25519PublicKey:
    try:
        key = serialization.load_pem_public_key(_read(path, "public key"))
    except ValueError as exc:
        raise SigningKeyError(f"public key {path} is not a PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise SigningKeyError(f"public key {path} is not an Ed25519 key")
    return key


def signer(config: Config) -> Ed25519PrivateKey | None:
    """The configured signing key, or None when packs are not signed."""
    path = config.evidence.signing_key
    return private_key(path) if path else None


def trusted_key(config: Config) -> Ed25519PublicKey | None:
    """The public key `verify` trusts: evidence.public_key, else the signing key's own."""
    if config.evidence.public_key:
        return public_key(config.evidence.public_key)
    key = signer(config)
    return key.public_key() if key else None


def public_pem(key: Ed25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo).decode()


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key, hex: how a person tells keys apart."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def sign(key: Ed25519PrivateKey, data: bytes) -> bytes:
    """The signature file's content: the base64 signature of `data`, one line."""
    return base64.b64encode(key.sign(data)) + b"\n"


def signed_by(key: Ed25519PublicKey, data: bytes, signature: bytes) -> bool:
    try:
        key.verify(base64.b64decode(signature.strip(), validate=True), data)
    except (InvalidSignature, ValueError):
        return False
    return True


def make_pair(folder: Path) -> tuple[Path, Path]:
    """Write a new key pair into `folder`: the private key readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    private, public = folder / "evidence-signing.pem", folder / "evidence-signing.pub.pem"
    if private.exists():
        raise SigningKeyError(f"{private} exists; fix: choose another folder or move it away")
    fd = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    public.write_text(public_pem(key.public_key()))
    return private, public
