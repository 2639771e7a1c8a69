"""Per-site budgets: pages, depth and time."""

from __future__ import annotations

from crawler.frontier.budget import Budget, SiteBudgets


def test_pages_depth_and_time_bound_a_site():
    now = [0.0]
    budgets = SiteBudgets(Budget(max_pages=3, max_depth=1, max_seconds=60), {},
                          clock=lambda: now[0])
    assert budgets.start("a.kz") and not budgets.start("a.kz")
    assert budgets.take("a.kz", 1) and not budgets.take("a.kz", 2)
    assert budgets.take("a.kz", 1) and not budgets.take("a.kz", 1)  # 3 pages spent
    budgets.start("b.kz")
    now[0] = 61
    assert not budgets.take("b.kz", 1)


def test_state_survives_in_the_given_dict():
    state: dict = {}
    SiteBudgets(Budget(2, 1, 60), state).start("a.kz")
    assert not SiteBudgets(Budget(2, 1, 60), state).start("a.kz")


def test_a_restored_site_keeps_its_spent_pages_and_gets_a_new_time_window():
    now = [100.0]
    budgets = SiteBudgets(Budget(max_pages=3, max_depth=2, max_seconds=60), {},
                          clock=lambda: now[0])
    budgets.restore("a.kz", 2)
    assert not budgets.start("a.kz")
    assert budgets.open("a.kz", 1) and not budgets.open("a.kz", 3)
    assert budgets.take("a.kz", 1) and not budgets.open("a.kz", 1)  # 3 pages spent
