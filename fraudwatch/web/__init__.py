"""The regulator web UI and JSON API: search, site pages, review, citizen checks, dashboard."""

from __future__ import annotations

from fraudwatch.web.app import create_app

__all__ = ["create_app"]
