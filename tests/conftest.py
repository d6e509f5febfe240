"""Shared fixtures: the repository root, the small good bank, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def good_bank_path() -> Path:
    """A small bank with one question of every type."""
    return DATA / "good" / "sommet.yaml"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    """A writable copy of the good bank and its source, for tests that edit it."""
    import shutil

    shutil.copytree(DATA / "good", tmp_path / "bank")
    return tmp_path / "bank"
