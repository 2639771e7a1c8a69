"""fraudwatch.urls is the one owner of "the host of a URL": the crawler, the licence registry,
promotion detection and the citizen check all read hosts through it."""

from __future__ import annotations

import ast

from fraudwatch.urls import host_of, registered_domain, site_host
from tests.paths import ROOT


def test_hosts_of_urls_and_bare_hosts():
    assert host_of("https://WWW.Altyn-Kazino.kz:8443/bonus?x=1") == "www.altyn-kazino.kz"
    assert host_of("altyn-kazino.kz/bonus") == "altyn-kazino.kz"
    assert host_of("http://a.kz./") == "a.kz"
    assert site_host("https://www.a.kz/") == "a.kz" and site_host("https://wwwa.kz/") == "wwwa.kz"
    assert registered_domain("m.www.a.kz") == "a.kz"


def test_no_other_module_defines_its_own_host_helper():
    owners = []
    for path in ROOT.glob("*/**/*.py"):
        if ".venv" in path.parts or "tests" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        owners += [str(path.relative_to(ROOT)) for node in ast.walk(tree)
                   if isinstance(node, ast.FunctionDef) and node.name in ("host_of", "site_host")]
    assert sorted(owners) == ["fraudwatch/urls.py", "fraudwatch/urls.py"]
