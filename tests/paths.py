"""Where the repository is, for tests that run its scripts and read its files."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
