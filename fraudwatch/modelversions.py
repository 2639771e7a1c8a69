"""Model versions: which trained model classifies, which runs in shadow, and their history.

The one owner of the model lifecycle. Versions are numbered 1, 2, 3…; version 1 is the model
shipped in the package (classifiers/model/classifier.joblib), later ones are kept under
`var/models/N/` as `model.joblib` with its `report.json`. `var/models/state.json` says which
version is promoted (the crawl, `classify`, /check and the UI use it), the versions promoted
before it (so `rollback` can go back) and the shadow version, if any. Every change of state is
written by an atomic replace, so a crawl that starts meanwhile reads the old or the new state,
never half of one.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from classifiers.artifact import MODEL_PATH, Model, load_model, save_model

SHIPPED = 1
STATE_FILE = "state.json"


class VersionError(ValueError):
    """A version that does not exist or cannot take the asked step; the message says why."""


@dataclass(frozen=True)
class VersionInfo:
    """One model version as `model list` shows it."""

    number: int
    name: str  # the model's own version string, stored with every verdict it gives
    created: str
    path: Path
    report: dict

    @property
    def shipped(self) -> bool:
        return self.number == SHIPPED


def _write_json(path: Path, data: dict) -> None:
    """Write `data` to `path` by an atomic replace."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False, indent=2, sort_keys=True)
    os.replace(temp, path)


def model_report(model: Model) -> dict:
    """What `report.json` keeps of a model: its name, data, parameters and evaluation."""
    return {"version": model.version, "created": model.created, "encoder": model.encoder,
            "data": model.data, "params": model.params, "metrics": model.metrics}


class ModelVersions:
    """The versions kept in `var_dir/models` (plus the shipped one) and their state."""

    def __init__(self, var_dir: Path | str, shipped: Path = MODEL_PATH):
        self.root = Path(var_dir) / "models"
        self.shipped_path = shipped

    # -- state ------------------------------------------------------------------------------
    def _state(self) -> dict:
        path = self.root / STATE_FILE
        if not path.exists():
            return {"promoted": SHIPPED, "history": [], "shadow": None}
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise VersionError(f"{path}: unreadable ({exc}); fix or delete it") from exc
        return {"promoted": int(state.get("promoted", SHIPPED)),
                "history": [int(n) for n in state.get("history", [])],
                "shadow": state.get("shadow")}

    def promoted(self) -> int:
        """The version that classifies."""
        return self._state()["promoted"]

    def shadow(self) -> int | None:
        """The version that classifies alongside the promoted one during crawls, if any."""
        shadow = self._state()["shadow"]
        return int(shadow) if shadow is not None else None

    def promote(self, number: int) -> int:
        """Make `number` the promoted version; return the one it replaces."""
        self.info(number)
        state = self._state()
        before = state["promoted"]
        if number == before:
            raise VersionError(f"version {number} is already promoted")
        state["history"].append(before)
        state["promoted"] = number
        if state["shadow"] == number:
            state["shadow"] = None
        _write_json(self.root / STATE_FILE, state)
        return before

    def rollback(self) -> tuple[int, int]:
        """Promote again the version promoted before the current one: (from, to)."""
        state = self._state()
        if not state["history"]:
            raise VersionError("no earlier promoted version to roll back to")
        current, previous = state["promoted"], state["history"].pop()
        state["promoted"] = previous
        _write_json(self.root / STATE_FILE, state)
        return current, previous

    def set_shadow(self, number: int | None) -> None:
        """Run `number` in shadow during crawls (None: no shadow)."""
        if number is not None:
            self.info(number)
            if number == self.promoted():
                raise VersionError(f"version {number} is the promoted one; shadow another")
        state = self._state()
        state["shadow"] = number
        _write_json(self.root / STATE_FILE, state)

    # -- versions ---------------------------------------------------------------------------
    def _numbers(self) -> list[int]:
        kept = [int(p.name) for p in self.root.glob("*") if p.name.isdigit()
                and (p / "model.joblib").exists()] if self.root.exists() else []
        return sorted({SHIPPED, *kept})

    def path(self, number: int) -> Path:
        return self.shipped_path if number == SHIPPED else self.root / str(number) / "model.joblib"

    def info(self, number: int) -> VersionInfo:
        """The version `number`; VersionError when there is none."""
        if number not in self._numbers():
            known = ", ".join(map(str, self._numbers()))
            raise VersionError(f"no model version {number} (versions: {known})")
        if number == SHIPPED:
            model = load_model(self.shipped_path)
            report = model_report(model) if model else {}
        else:
            report_path = self.root / str(number) / "report.json"
            report = json.loads(report_path.read_text(encoding="utf-8"))
        return VersionInfo(number, report.get("version", ""), report.get("created", ""),
                           self.path(number), report)

    def versions(self) -> list[VersionInfo]:
        """Every version, oldest first."""
        return [self.info(n) for n in self._numbers()]

    def add(self, model: Model, extra: dict | None = None, number: int | None = None) -> int:
        """Keep `model` as a new version (`number`, by default the next), with its report and
        `extra` facts; its number."""
        number = number or self.next_number()
        if number in self._numbers():
            raise VersionError(f"model version {number} exists already")
        folder = self.root / str(number)
        _write_json(folder / "report.json", model_report(model) | (extra or {}))
        partial = folder / ".model.joblib.partial"
        save_model(model, partial)
        os.replace(partial, folder / "model.joblib")  # only a whole file makes it a version
        return number

    def next_number(self) -> int:
        """The number the next kept version gets."""
        return max(self._numbers()) + 1

    def load(self, number: int) -> Model:
        """The model of version `number`."""
        model = load_model(self.path(number))
        if model is None:
            raise VersionError(f"model version {number}: {self.path(number)} is missing")
        return model

    def promoted_model(self) -> Model | None:
        """The model that classifies (None when even the shipped one is missing)."""
        number = self.promoted()
        return load_model(self.path(number))

    def shadow_model(self) -> Model | None:
        number = self.shadow()
        return self.load(number) if number is not None else None
