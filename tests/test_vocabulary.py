"""Every action the code writes to the audit log is a word of the one vocabulary
(fraudwatch.store.vocabulary), and every reviewer decision has a role that may take it."""

from __future__ import annotations

from fraudwatch.store.vocabulary import STATE_AFTER, Action, ReviewState
from fraudwatch.web.security import REVIEW_ROLES
from takedown.letters import STATUSES, letter_action
from takedown.verify import OUTCOMES


def test_letter_moves_and_rechecks_write_known_actions():
    assert {letter_action(status) for status in STATUSES} <= set(Action)
    assert {action for action, _ in OUTCOMES.values()} <= set(Action)


def test_every_decision_has_a_role_and_a_known_resulting_state():
    assert set(REVIEW_ROLES) == set(STATE_AFTER)
    assert {s for s in STATE_AFTER.values() if s} <= set(ReviewState)
    assert Action.CONFIRM == "confirm" and ReviewState.CONFIRMED == "confirmed"  # as stored


def test_the_review_command_takes_the_actions_as_people_type_them(tmp_path):
    from click.testing import CliRunner

    from fraudwatch.cli import main

    listed = CliRunner().invoke(main, ["review", "--help"]).output
    assert "confirm|reject|needs_info|appeal|delist|comment" in listed
    unknown = CliRunner().invoke(main, ["--store", f"sqlite:///{tmp_path}/fw.db", "review",
                                        "nosuch.kz", "confirm", "-m", "x"])
    assert "no site nosuch.kz" in unknown.output  # the action itself was accepted
