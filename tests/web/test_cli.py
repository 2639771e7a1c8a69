"""`fraudwatch users ...` and `fraudwatch serve --help` through click's CliRunner."""

from __future__ import annotations

from click.testing import CliRunner

from fraudwatch.cli import main
from fraudwatch.web.users import UserStore


def _run(tmp_path, *args, stdin=None):
    env = {"FRAUDWATCH_VAR_DIR": str(tmp_path), "FRAUDWATCH_STORE": f"sqlite:///{tmp_path}/s.db"}
    return CliRunner().invoke(main, list(args), input=stdin, env=env, catch_exceptions=False)


def test_users_add_list_token_disable(tmp_path):
    result = _run(tmp_path, "users", "add", "aigerim", "--role", "supervisor",
                  "--password-stdin", stdin="long-enough-pw\n")
    assert result.exit_code == 0, result.output
    assert UserStore(tmp_path / "users.db").authenticate("aigerim", "long-enough-pw")
    assert "aigerim\tsupervisor\tactive" in _run(tmp_path, "users", "list").output
    token = _run(tmp_path, "users", "token", "aigerim").output.strip()
    assert UserStore(tmp_path / "users.db").by_token(token).name == "aigerim"
    assert _run(tmp_path, "users", "disable", "aigerim").exit_code == 0
    assert "disabled" in _run(tmp_path, "users", "list").output
    assert UserStore(tmp_path / "users.db").by_token(token) is None


def test_users_add_refuses_a_short_password_or_unknown_role(tmp_path):
    assert _run(tmp_path, "users", "add", "x", "--role", "analyst", "--password-stdin",
                stdin="short\n").exit_code == 1
    assert _run(tmp_path, "users", "add", "x", "--role", "god", "--password-stdin",
                stdin="long-enough-pw\n").exit_code == 2


def test_serve_is_documented(tmp_path):
    result = _run(tmp_path, "serve", "--help")
    assert "--port" in result.output and "--secure-cookies" in result.output
