"""Promotion, rollback and shadow runs, each written to the audit log.

A candidate is promoted only when its `illegal` precision on the reviewed sites it held out
is not below the promoted model's on the same sites, classified now from the store: wrongly
blocking a legitimate site is worse than missing a scam. `--force` overrides, and the audit
log says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from classifiers.encoder import Encoder
from classifiers.registry import Registry
from fraudwatch.learning import LearningError, events
from fraudwatch.learning.assess import assess, precision_at_least
from fraudwatch.learning.reviewed import LabelledSite, site_docs
from fraudwatch.modelversions import ModelVersions, VersionError
from fraudwatch.store import Store
from fraudwatch.store.vocabulary import Action


@dataclass(frozen=True)
class Gate:
    """The comparison a promotion rests on."""

    sites: int
    candidate: float | None  # illegal precision per site; None: it called no site illegal
    current: float | None
    allowed: bool
    reason: str


def _share(value: float | None) -> str:
    return "no site called illegal" if value is None else f"{value:.0%}"


def gate(store: Store, var_dir: Path, registry: Registry, encoder: Encoder | None,
         number: int) -> Gate:
    """Whether version `number` may be promoted over the promoted one."""
    versions = ModelVersions(var_dir)
    info = versions.info(number)
    held = [LabelledSite(**s) for s in
            info.report.get("data", {}).get("reviewed", {}).get("test_sites", [])]
    docs = site_docs(store, var_dir, held)
    if not docs:
        return Gate(0, None, None, False,
                    f"version {number} held out no reviewed site that the store still has, so "
                    f"its illegal precision on reviewed sites is unknown")
    current = versions.promoted()
    found = {n: assess(versions.load(n), docs, registry, encoder)["sites"]
             for n in (number, current)}
    candidate, now = found[number]["illegal_precision"], found[current]["illegal_precision"]
    allowed = precision_at_least(candidate, now)
    sites = found[number]["sites"]
    reason = (f"illegal precision on {sites} held-out reviewed sites: version {number} "
              f"{_share(candidate)}, promoted version {current} {_share(now)}")
    return Gate(sites, candidate, now, allowed, reason)


def promote(store: Store, var_dir: Path, number: int, user: str, verdict: Gate,
            force: bool = False) -> int:
    """Promote version `number` when `verdict` allows it (or `force`); the version it
    replaces."""
    if not verdict.allowed and not force:
        raise LearningError(f"version {number} not promoted: {verdict.reason}; "
                            f"--force promotes it anyway (the audit log records it)")
    try:
        before = ModelVersions(var_dir).promote(number)
    except VersionError as exc:
        raise LearningError(str(exc)) from exc
    forced = "" if verdict.allowed else " FORCED over the precision check"
    events.record(store, user, Action.MODEL_PROMOTED,
                  f"version {number} promoted (was {before}){forced}; {verdict.reason}")
    return before


def rollback(store: Store, var_dir: Path, user: str) -> tuple[int, int]:
    """Promote again the version promoted before: (from, to)."""
    try:
        current, previous = ModelVersions(var_dir).rollback()
    except VersionError as exc:
        raise LearningError(str(exc)) from exc
    events.record(store, user, Action.MODEL_ROLLED_BACK,
                  f"version {previous} promoted again, in place of version {current}")
    return current, previous


def set_shadow(store: Store, var_dir: Path, number: int | None, user: str) -> None:
    """Run version `number` in shadow during crawls (None: stop)."""
    try:
        ModelVersions(var_dir).set_shadow(number)
    except VersionError as exc:
        raise LearningError(str(exc)) from exc
    events.record(store, user, Action.MODEL_SHADOW,
                  f"version {number} runs in shadow" if number else "no version runs in shadow")
