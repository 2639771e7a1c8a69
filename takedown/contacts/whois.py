"""WHOIS (RFC 3912, TCP port 43) for the TLDs that have no RDAP service, such as .kz and .қаз:
ask the registry's server and read the registrar and its abuse e-mail from the text it sends.

WHOIS answers are free text; the fields read here cover the usual layouts: `Key: value`, the
dot-leader layout of KazNIC (`Current Registar: …`, `Email Address......: …`) and RIPE-style
`abuse-mailbox:` lines.
"""

from __future__ import annotations

import re
import socket

MAX_ANSWER = 1 << 20  # a WHOIS answer is a page of text; more is not a WHOIS server
FIELD = re.compile(r"^\s*([A-Za-z][A-Za-z /_-]*?)[\s.]*:\s*(\S.*?)\s*$")
REGISTRAR_KEYS = ("current registar", "current registrar", "registrar", "registrar name",
                  "sponsoring registrar", "registrar-name")
ABUSE_KEYS = ("registrar abuse contact email", "abuse-mailbox", "abuse email",
              "abuse contact email", "abuse contact")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


class WhoisError(RuntimeError):
    """No WHOIS answer for a name; the message says why."""


def parse_servers(setting: str) -> dict[str, tuple[str, int]]:
    """contacts.whois_servers ("kz=whois.nic.kz,xn--80ao21a=whois.nic.kz:43") as
    {tld: (host, port)}; ValueError naming the bad item."""
    servers = {}
    for item in filter(None, (part.strip() for part in setting.split(","))):
        tld, sep, server = item.partition("=")
        host, _, port = server.strip().partition(":")
        if not sep or not tld.strip() or not host or (port and not port.isdigit()):
            raise ValueError(f"{item!r} is not TLD=HOST[:PORT]")
        servers[tld.strip().lower().lstrip(".")] = (host, int(port or 43))
    return servers


def query(host: str, port: int, name: str, timeout: float = 10.0) -> str:
    """The WHOIS server's answer for `name` (one query line, the answer read to its end)."""
    chunks, size = [], 0
    try:
        with socket.create_connection((host, port), timeout=timeout) as conn:
            conn.sendall(name.encode("idna") + b"\r\n")
            while chunk := conn.recv(65536):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_ANSWER:
                    raise WhoisError(f"WHOIS server {host}:{port} sent more than 1 MB for "
                                     f"{name}; it is not answering as a WHOIS server")
    except (OSError, UnicodeError) as exc:
        raise WhoisError(f"WHOIS query for {name} to {host}:{port} failed: {exc}") from exc
    return b"".join(chunks).decode("utf-8", errors="replace")


def fields(text: str) -> dict[str, str]:
    """The answer's `key: value` lines as {lower-case key: first value}."""
    found: dict[str, str] = {}
    for line in text.splitlines():
        match = FIELD.match(line)
        if match:
            found.setdefault(match.group(1).strip().lower(), match.group(2))
    return found


def domain_contacts(text: str) -> dict:
    """Registrar name and abuse e-mail from a WHOIS answer ("" where it gives none)."""
    values = fields(text)
    registrar = next((values[k] for k in REGISTRAR_KEYS if values.get(k)), "")
    abuse = next((values[k] for k in ABUSE_KEYS if values.get(k)), "")
    email = EMAIL.search(abuse)
    return {"registrar": registrar, "abuse_email": email.group(0) if email else ""}
