"""The regulator web UI and JSON API: search, site pages, review, citizen checks, dashboard.

`create_app` is loaded when first used (PEP 562): the CLI imports light modules of this
package (user accounts, rate limits) at every start, and FastAPI with the app's routes takes
about 1.3 s to import, which only `fraudwatch serve` should pay.
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from fraudwatch.web.app import create_app

        return create_app
    raise AttributeError(f"module 'fraudwatch.web' has no attribute {name!r}")
