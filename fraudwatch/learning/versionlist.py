"""One summary row per model version, for `fraudwatch model list` and the web UI's models
page: which one classifies, what it was trained on, and its main figures."""

from __future__ import annotations

from dataclasses import dataclass

from fraudwatch.modelversions import ModelVersions, VersionInfo


@dataclass(frozen=True)
class VersionRow:
    """A model version as a supervisor compares it with the others."""

    number: int
    name: str
    created: str
    promoted: bool
    shadow: bool
    shipped: bool
    reviewed_sites: int | None  # reviewed sites it learned from; None: the corpus alone
    macro_f1: float | None  # on the held-out split of the team corpus
    illegal_precision: float | None  # per held-out reviewed site
    fraud_flagged: float | None  # per held-out reviewed site


def version_row(info: VersionInfo, promoted: int, shadow: int | None) -> VersionRow:
    """The summary of one version from its report."""
    report = info.report
    reviewed = (report.get("data") or {}).get("reviewed")
    sites = (report.get("reviewed_metrics") or {}).get("sites") or {}
    return VersionRow(
        number=info.number, name=info.name, created=info.created,
        promoted=info.number == promoted, shadow=info.number == shadow, shipped=info.shipped,
        reviewed_sites=reviewed["sites"] if reviewed else None,
        macro_f1=(report.get("metrics") or {}).get("macro_f1"),
        illegal_precision=sites.get("illegal_precision"),
        fraud_flagged=sites.get("fraud_flagged"))


def version_rows(versions: ModelVersions) -> list[VersionRow]:
    """Every version, oldest first (VersionError when the state file is damaged)."""
    promoted, shadow = versions.promoted(), versions.shadow()
    return [version_row(info, promoted, shadow) for info in versions.versions()]
