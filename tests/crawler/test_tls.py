"""The TLS certificate an https site presents is kept with its capture and shown as evidence."""

from __future__ import annotations

import datetime
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from fraudwatch.store import open_store

HOST = "altyn-tls.kz"
PAGE = "<html><head><title>Altyn</title></head><body><p>Фриспины и бонус 200%</p></body></html>"


def self_signed(folder) -> tuple[str, str]:
    """(certificate, key) PEM files of a self-signed certificate for HOST, as scam sites
    often present, its subject naming an organisation."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Altyn Gaming Ltd")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(datetime.datetime(2027, 6, 30, tzinfo=datetime.UTC))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


class _Page(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        body = PAGE.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def https_site(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed(tmp_path))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"https://{HOST}:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_an_https_capture_keeps_the_certificate_subject_issuer_and_expiry(
        https_site, fraudwatch_cli, tmp_path):
    fraudwatch_cli("crawl", "--allow-private", "--render", "never", "--max-pages", "1",
                   f"--resolve={HOST}=127.0.0.1", https_site)
    with open_store(f"sqlite:///{tmp_path}/fw.db") as store:
        [capture] = store.captures_for(HOST)
    assert capture.status == 200
    assert capture.tls == {"subject": f"O=Altyn Gaming Ltd,CN={HOST}",
                           "issuer": f"O=Altyn Gaming Ltd,CN={HOST}",
                           "not_after": "2027-06-30T00:00:00+00:00"}
