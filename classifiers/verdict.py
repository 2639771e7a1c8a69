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
class SignHit:
    """A catalogue sign found on a page, with the page text that shows it; `reported` when
    the text only quotes or warns about it (news, a warning blog; `context` says which), so
    it does not count against the page."""

    id: str
    category: str
    weight: float
    evidence: str = ""
    reported: bool = False
    context: str = ""
    source: str = ""  # "html" when the evidence is markup (a form field), else page text

    @classmethod
    def of(cls, value: SignHit | dict) -> SignHit:
        """A hit from its JSON form (a stored document), or the hit itself."""
        return value if isinstance(value, SignHit) else cls(**value)


@dataclass
class Verdict:
    """Category, verdict, confidence and the evidence behind them."""

    category: str
    verdict: str
    score: float
    lang: str
    signs: list[SignHit] = field(default_factory=list)
    model: str = "placeholder"
    promotion: bool = False
    promoted_domains: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """Plain-dict form, ready for JSON or a store document."""
        return asdict(self)

    def to_json(self) -> str:
        """One-line JSON with non-ASCII text kept readable."""
        return json.dumps(self.to_dict(), ensure_ascii=False)
