"""robots.txt policy: not on seed sites by default, yes on sites found by expansion."""

from __future__ import annotations

import pytest

from crawler.safety.robots import obeys_robots


def test_default_policy_exempts_seeds_only():
    assert not obeys_robots("expanded", hop=0)
    assert obeys_robots("expanded", hop=1)


def test_obey_and_ignore_apply_everywhere():
    assert obeys_robots("obey", 0) and obeys_robots("obey", 2)
    assert not obeys_robots("ignore", 0) and not obeys_robots("ignore", 2)


def test_unknown_policy_is_an_error():
    with pytest.raises(ValueError, match="use one of"):
        obeys_robots("sometimes", 0)
