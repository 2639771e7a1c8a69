"""RFC 3161 time-stamps of evidence pack manifests: a time-stamping authority (TSA) signs the
manifest's SHA-256 with the time it saw it, so a pack shows it existed, as it is, by then.

`evidence.tsa_url` names the TSA (empty = packs are not time-stamped); the pack carries its
reply as `manifest.sha256.tsr`, which `evidence verify` checks against the TSA root
certificates in `evidence.tsa_ca`, and which OpenSSL reads too:
`openssl ts -verify -data manifest.sha256 -in manifest.sha256.tsr -CAfile TSA-ROOT.pem`.
Requests and replies are built and read with rfc3161-client.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from rfc3161_client import (
    PKIStatus,
    TimestampRequestBuilder,
    VerificationError,
    VerifierBuilder,
    decode_timestamp_response,
)

from fraudwatch.config import Config

TIMESTAMP = "manifest.sha256.tsr"
MAX_REPLY = 1 << 20


class TimestampError(ValueError):
    """A time-stamp that cannot be had or trusted; the message says why and what to do."""


@dataclass(frozen=True)
class Stamp:
    """What a checked time-stamp says: when, and which TSA."""

    time: str
    tsa: str


@dataclass(frozen=True)
class Tsa:
    """The time-stamping authority at `url` (HTTP, RFC 3161 section 3.4)."""

    url: str
    timeout: float = 20.0

    def stamp(self, data: bytes) -> bytes:
        """The TSA's reply (DER TimeStampResp) stamping `data`'s SHA-256, checked to answer
        this very request."""
        request = (TimestampRequestBuilder().data(data).cert_request(cert_request=True)
                   .nonce(nonce=True).build())
        http = urllib.request.Request(self.url, data=request.as_bytes(), method="POST",
                                      headers={"Content-Type": "application/timestamp-query"})
        try:
            with urllib.request.urlopen(http, timeout=self.timeout) as response:
                reply = response.read(MAX_REPLY + 1)
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise TimestampError(f"time-stamping authority {self.url} failed: {exc}; fix: "
                                 "check evidence.tsa_url, or set it empty to make packs "
                                 "without a time-stamp") from exc
        try:
            answer = decode_timestamp_response(reply)
        except ValueError as exc:
            raise TimestampError(f"{self.url} did not answer with an RFC 3161 reply "
                                 f"({exc})") from exc
        if PKIStatus(answer.status) not in (PKIStatus.GRANTED, PKIStatus.GRANTED_WITH_MODS):
            raise TimestampError(f"{self.url} refused the time-stamp: "
                                 f"{'; '.join(answer.status_string) or answer.status}")
        imprint = answer.tst_info.message_imprint.message
        if imprint != request.message_imprint.message or answer.tst_info.nonce != request.nonce:
            raise TimestampError(f"{self.url} answered another request than ours")
        return reply


def tsa_of(config: Config) -> Tsa | None:
    """The configured TSA, or None when packs are not time-stamped."""
    return Tsa(config.evidence.tsa_url) if config.evidence.tsa_url else None


def trusted_roots(config: Config) -> list[x509.Certificate] | None:
    """The TSA root certificates `evidence verify` trusts (evidence.tsa_ca), or None."""
    path = config.evidence.tsa_ca
    if not path:
        return None
    try:
        return x509.load_pem_x509_certificates(Path(path).read_bytes())
    except OSError as exc:
        raise TimestampError(f"evidence.tsa_ca {path} cannot be read ({exc.strerror}); fix: "
                             "name the PEM file of your TSA's root certificate") from None
    except ValueError as exc:
        raise TimestampError(f"evidence.tsa_ca {path} is not a PEM certificate file "
                             f"({exc})") from None


def check(reply: bytes, data: bytes, roots: list[x509.Certificate]) -> Stamp:
    """The time and TSA of a reply stamping `data`, its signature chained to one of `roots`;
    TimestampError when it does not verify."""
    try:
        answer = decode_timestamp_response(reply)
        VerifierBuilder(roots=list(roots)).build().verify_message(answer, data)
    except (ValueError, VerificationError) as exc:
        raise TimestampError(f"{TIMESTAMP}: the time-stamp does not verify ({exc})") from exc
    return Stamp(answer.tst_info.gen_time.isoformat(), _tsa_name(answer))


def _tsa_name(answer) -> str:
    """The TSA's name as its token gives it (tsa_name is optional in RFC 3161)."""
    try:
        value = answer.tst_info.name.value
    except (AttributeError, ValueError):
        return "the TSA"
    return value.rfc4514_string() if isinstance(value, x509.Name) else str(value)
