"""Where the shadow model and the promoted one disagree, page by page, with the signs each
found: what a supervisor reads before promoting the shadow version."""

from __future__ import annotations

from dataclasses import dataclass

from fraudwatch.store import Store


@dataclass(frozen=True)
class Disagreement:
    """One page both models classified differently."""

    domain: str
    url: str
    review_state: str
    current: dict  # model, category, verdict, score, signs
    shadow: dict

    @property
    def to_illegal(self) -> bool:
        return self.shadow.get("verdict") == "illegal" != self.current["verdict"]

    @property
    def from_illegal(self) -> bool:
        return self.current["verdict"] == "illegal" != self.shadow.get("verdict")


@dataclass(frozen=True)
class Comparison:
    compared: int  # pages the shadow version classified
    disagreements: list[Disagreement]


def _base(model: str) -> str:
    return model.split("/")[0]


def compare(store: Store, shadow_model: str = "") -> Comparison:
    """Pages the shadow model (`shadow_model`, or any) classified, and where it disagreed."""
    compared, found = 0, []
    for site in list(store.iter_sites()):
        for page in store.pages_for(site.domain):
            shadow = page.shadow
            if not shadow or (shadow_model and _base(shadow.get("model", "")) != shadow_model):
                continue
            compared += 1
            if (shadow.get("category"), shadow.get("verdict")) == (page.category, page.verdict):
                continue
            current = {"model": page.model, "category": page.category, "verdict": page.verdict,
                       "score": page.score, "signs": page.sign_ids}
            found.append(Disagreement(site.domain, page.url, str(site.review_state), current,
                                      shadow))
    return Comparison(compared, found)
