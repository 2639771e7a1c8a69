"""Counting the calls a piece of code makes, for tests that say how often something happens."""

from __future__ import annotations


def recorded(monkeypatch, owner, name: str) -> list:
    """Calls to `owner.name` from here on (it still runs), one entry (its arguments) per call."""
    calls, real = [], getattr(owner, name)

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls
