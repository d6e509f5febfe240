"""Shared by the LMS export/import tests: the banks, the exporters, the IMS/Moodle reference files."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import pytest

from quizgen.exporters import get_exporter
from quizgen.model import Bank
from quizgen.validate import load_banks

from ..conftest import DATA, ROOT

LMS_DATA = Path(__file__).resolve().parent / "data"
BANK_FILES = (DATA / "good" / "sommet.yaml", LMS_DATA / "tricky.yaml")


def reference_dir() -> Path | None:
    """shared/reference/lms beside the repository (CI lays shared/ beside the clone)."""
    candidates = [os.environ.get("QUIZGEN_LMS_REFERENCE", "")]
    candidates += [str(p / "shared" / "reference" / "lms") for p in (ROOT.parent, ROOT.parent.parent)]
    for c in candidates:
        if c and Path(c, "README.md").is_file():
            return Path(c)
    return None


@pytest.fixture(scope="session")
def reference() -> Path:
    found = reference_dir()
    if found is None:
        pytest.skip("the LMS reference files (shared/reference/lms beside the repository, or "
                    "$QUIZGEN_LMS_REFERENCE) are not here")
    return found


@pytest.fixture(scope="session")
def banks() -> list[Bank]:
    return load_banks([str(p) for p in BANK_FILES])


@pytest.fixture(scope="session")
def shared_bank() -> Bank:
    """The repository's own bank (questions/), loaded once."""
    (bank,) = load_banks([str(ROOT / "questions")])
    return bank


def export(format_name: str, banks: Sequence[Bank]) -> tuple[bytes, list[str]]:
    """The exported bytes and the warnings (questions left out)."""
    exporter = get_exporter(format_name)()
    data = exporter.export(banks)
    return data, list(exporter.warnings)  # type: ignore[attr-defined]
