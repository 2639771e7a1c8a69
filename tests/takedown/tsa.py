"""A time-stamping authority on loopback for the tests: HTTP in front of `openssl ts -reply`,
with a root CA and a TSA certificate made for the test (RFC 3161, 3161's EKU critical)."""

from __future__ import annotations

import datetime
import subprocess
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.takedown.servers import InBackground

CONFIG = """[ tsa ]
default_tsa = tsa_config1
[ tsa_config1 ]
dir = {dir}
serial = $dir/serial
crypto_device = builtin
signer_cert = $dir/tsa.pem
signer_key = $dir/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
digests = sha256, sha384, sha512
accuracy = secs:1
ordering = yes
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
"""


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def make_ca(folder: Path,
            name: str = "Test TSA Root") -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(_name(name)).issuer_name(_name(name))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False,
                                         False), critical=True)
            .sign(key, hashes.SHA256()))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "root.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key, cert


class Tsa(InBackground, ThreadingHTTPServer):
    """`url` answers RFC 3161 queries; `root` is the PEM file of the CA that issued the TSA
    certificate; `requests` counts the queries."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="tsa-"))
        ca_key, ca_cert = make_ca(self.folder)
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        now = datetime.datetime.now(datetime.UTC)
        cert = (x509.CertificateBuilder().subject_name(_name("Test TSA"))
                .issuer_name(ca_cert.subject).public_key(key.public_key())
                .serial_number(x509.random_serial_number())
                .not_valid_before(now - datetime.timedelta(days=1))
                .not_valid_after(now + datetime.timedelta(days=30))
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                               critical=True)
                .add_extension(x509.KeyUsage(True, True, False, False, False, False, False,
                                             False, False), critical=True)
                .sign(ca_key, hashes.SHA256()))
        (self.folder / "tsa.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        (self.folder / "tsa.key").write_bytes(key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))
        (self.folder / "serial").write_text("01\n")
        (self.folder / "tsa.cnf").write_text(CONFIG.format(dir=self.folder))
        self.root = self.folder / "root.pem"
        self.requests = 0
        lock, server = threading.Lock(), self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                query = self.rfile.read(int(self.headers["Content-Length"]))
                with lock:  # openssl keeps its serial number in one file
                    server.requests += 1
                    (server.folder / "query.tsq").write_bytes(query)
                    subprocess.run(["openssl", "ts", "-reply", "-config",
                                    str(server.folder / "tsa.cnf"), "-queryfile",
                                    str(server.folder / "query.tsq"), "-out",
                                    str(server.folder / "reply.tsr")],
                                   check=True, capture_output=True)
                    reply = (server.folder / "reply.tsr").read_bytes()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/tsa"
