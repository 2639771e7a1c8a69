"""Domain names in both forms: ASCII (punycode, as stored and fetched) and Unicode (as people
read and type them, e.g. `казино-алтын.қаз`). The store keys sites by the ASCII form; every
place that takes a domain from a person accepts either form through `ascii_domain`."""

from __future__ import annotations


def ascii_domain(name: str) -> str:
    """The lower-case ASCII (punycode) form of `name`, given in either form; a name that is
    no valid domain comes back trimmed and lower-cased, to be reported as not found."""
    name = name.strip().rstrip(".").lower()
    if name.isascii():
        return name
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        return name


def unicode_domain(domain: str) -> str:
    """The Unicode form of a punycode domain (itself when it has no punycode label)."""
    try:
        return domain.encode("ascii").decode("idna")
    except UnicodeError:
        return domain


def shown_domain(domain: str) -> str:
    """How a person reads `domain`: its Unicode form with the punycode beside it, when the two
    differ (`казино-алтын.қаз (xn----7sbb0afjmndg1cyg.xn--80ao21a)`)."""
    readable = unicode_domain(domain)
    return f"{readable} ({domain})" if readable != domain else domain
