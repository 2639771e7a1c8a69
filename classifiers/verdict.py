"""The result of classifying one page."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

CATEGORIES = ("casino", "loan", "pyramid", "legit")
VERDICTS = ("illegal", "suspicious", "clean", "licensed")
FRAUD_CATEGORIES = ("casino", "loan", "pyramid")
# When the sentence encoder runs: on every page, on pages the fast stage cannot settle, never
ENCODER_MODES = ("always", "auto", "never")


@dataclass
class Verdict:
    """Category, verdict, confidence and the evidence behind them."""

    category: str
    verdict: str
    score: float
    lang: str
    signs: list[dict] = field(default_factory=list)
    model: str = "placeholder"
    promotion: bool = False
    promoted_domains: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain-dict form, ready for JSON or a store document."""
        return asdict(self)

    def to_json(self) -> str:
        """One-line JSON with non-ASCII text kept readable."""
        return json.dumps(self.to_dict(), ensure_ascii=False)
