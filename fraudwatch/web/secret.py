"""The session signing key: FRAUDWATCH_SECRET_KEY, else one generated into var_dir (0600)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

ENV_VAR = "FRAUDWATCH_SECRET_KEY"


def load_secret_key(var_dir: Path, environ: dict[str, str] | None = None) -> str:
    """The key from the environment, or the one kept in `<var_dir>/secret_key` (made once)."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_VAR):
        return environ[ENV_VAR]
    path = Path(var_dir) / "secret_key"
    if path.exists():
        return path.read_text(encoding="ascii").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key)
    return key
