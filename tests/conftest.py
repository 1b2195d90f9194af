"""Shared fixtures. ../shared (gold data, corpus) is optional: tests that need it skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest_store import *  # noqa: F403 - store fixtures (SQLite + PostgreSQL)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "src" / "sitrep" / "data" / "sample"


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (gold data and corpus) is not present")
    return SHARED


@pytest.fixture
def seeds_dir(shared: Path) -> Path:
    return shared / "corpus" / "seeds"


@pytest.fixture
def db_path(tmp_path: Path) -> str:
    return str(tmp_path / "sitrep.db")
