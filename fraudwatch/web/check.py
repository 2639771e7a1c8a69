"""The public citizen check page `/check` (ru, kk, en; rate-limited per client IP)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

from fraudwatch.web.checking import LANGS, CheckError, check_url
from fraudwatch.web.render import render
from fraudwatch.web.security import rate_limited

router = APIRouter(include_in_schema=False)


def _lang(value: str) -> str:
    return value if value in LANGS else "ru"


@router.get("/check")
def check_form(request: Request, lang: str = "ru"):
    return render(request, "check.html", lang=_lang(lang), result=None, error="", url="")


@router.post("/check", dependencies=[Depends(rate_limited)])
def check_submit(request: Request, url: Annotated[str, Form(max_length=2000)],
                 lang: Annotated[str, Form()] = "ru"):
    """Check the submitted URL and show the verdict, or say it was queued."""
    lang = _lang(lang)
    state = request.app.state
    try:
        result = check_url(state.store, state.var_dir, url, lang)
    except CheckError as exc:
        return render(request, "check.html", status_code=400, lang=lang, result=None,
                      error=str(exc), url=url)
    return render(request, "check.html", lang=lang, result=result, error="", url=url)
