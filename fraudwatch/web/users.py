"""Local accounts in `<var_dir>/users.db`: roles, argon2 password hashes, API tokens."""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ROLES = ("viewer", "analyst", "supervisor", "admin")

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    name TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0, token_sha256 TEXT UNIQUE, created_at TEXT NOT NULL,
    sessions INTEGER NOT NULL DEFAULT 0);
"""
# `sessions` is the account's session generation: a session cookie carries the generation it
# was issued in and is honoured only while it matches, so logging out, a password reset and a
# disable end every session issued before them, captured cookies included.


class UserError(ValueError):
    """An account operation that cannot be done; the message says why."""


@dataclass(frozen=True)
class User:
    name: str
    role: str
    disabled: bool = False
    sessions: int = 0  # the session generation (see SCHEMA)

    def at_least(self, role: str) -> bool:
        """Whether this user's role is `role` or a more powerful one."""
        return ROLES.index(self.role) >= ROLES.index(role)


def _token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class UserStore:
    """Accounts of one deployment, in a small SQLite file of their own."""

    def __init__(self, path: str | Path, hasher: PasswordHasher | None = None):
        self.path = Path(path)
        self.hasher = hasher or PasswordHasher()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.touch(mode=0o600, exist_ok=True)
        self.path.chmod(0o600)  # password hashes and token digests: the owner only
        with self._connect() as db:
            db.executescript(SCHEMA)
            columns = {row["name"] for row in db.execute("PRAGMA table_info(users)")}
            if "sessions" not in columns:  # a users.db from before session generations
                db.execute("ALTER TABLE users ADD COLUMN sessions INTEGER NOT NULL DEFAULT 0")

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30)
        db.row_factory = sqlite3.Row
        return db

    def _query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        db = self._connect()
        try:
            with db:
                return db.execute(sql, params).fetchall()
        finally:
            db.close()

    def add(self, name: str, role: str, password: str) -> User:
        """Create an account, or reset the role and password of an existing one."""
        if role not in ROLES:
            raise UserError(f"unknown role {role!r}; use {', '.join(ROLES)}")
        if not name.strip() or len(password) < 8:
            raise UserError("a user needs a name and a password of at least 8 characters")
        self._query(
            "INSERT INTO users (name, role, password_hash, created_at) VALUES (?,?,?,?) "
            "ON CONFLICT(name) DO UPDATE SET role=excluded.role, "
            "password_hash=excluded.password_hash, disabled=0, sessions=sessions+1",
            (name, role, self.hasher.hash(password), datetime.now(UTC).isoformat()),
        )
        return User(name, role)

    def disable(self, name: str) -> None:
        """Stop an account from logging in and drop its API token."""
        if not self._query("SELECT 1 FROM users WHERE name=?", (name,)):
            raise UserError(f"no user {name!r}")
        self._query("UPDATE users SET disabled=1, token_sha256=NULL, sessions=sessions+1 "
                    "WHERE name=?", (name,))

    def end_sessions(self, name: str) -> None:
        """Invalidate every session cookie issued to `name` so far (logging out)."""
        self._query("UPDATE users SET sessions=sessions+1 WHERE name=?", (name,))

    def list(self) -> list[User]:
        rows = self._query("SELECT name, role, disabled FROM users ORDER BY name")
        return [User(r["name"], r["role"], bool(r["disabled"])) for r in rows]

    def get(self, name: str) -> User | None:
        """The active account called `name`, or None."""
        rows = self._query("SELECT name, role, sessions FROM users WHERE name=? AND disabled=0",
                           (name,))
        return User(rows[0]["name"], rows[0]["role"], sessions=rows[0]["sessions"]) \
            if rows else None

    def authenticate(self, name: str, password: str) -> User | None:
        """The active account if `password` is right, else None."""
        rows = self._query(
            "SELECT role, password_hash, sessions FROM users WHERE name=? AND disabled=0",
            (name,))
        if not rows:
            self.hasher.hash(password)  # same work as a real check: no user enumeration by time
            return None
        try:
            self.hasher.verify(rows[0]["password_hash"], password)
        except (VerificationError, InvalidHashError):
            return None
        return User(name, rows[0]["role"], sessions=rows[0]["sessions"])

    def new_token(self, name: str) -> str:
        """Issue a fresh API token for `name` (replacing the old one) and return it once."""
        if self.get(name) is None:
            raise UserError(f"no active user {name!r}")
        token = secrets.token_urlsafe(32)
        self._query("UPDATE users SET token_sha256=? WHERE name=?", (_token_digest(token), name))
        return token

    def by_token(self, token: str) -> User | None:
        """The active account holding the API token `token`, or None."""
        rows = self._query("SELECT name, role FROM users WHERE token_sha256=? AND disabled=0",
                           (_token_digest(token),))
        return User(rows[0]["name"], rows[0]["role"]) if rows else None
