"""Fixtures for the letter checker tests: frozen Frog output, and one warm real Frog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from doenvermogen.letters.analysis import (
    FrogAnalyzer,
    FrozenAnalyzer,
    LetterReport,
    check_letter,
    frog_available,
)

HERE = Path(__file__).resolve().parent
FROG_DIR = HERE / "fixtures" / "frog"
LETTERS_DIR = HERE / "fixtures" / "letters"


@pytest.fixture(scope="session")
def frozen() -> FrozenAnalyzer:
    """Frog output frozen by make_fixtures.py; unknown text raises AnalyzerError."""
    return FrozenAnalyzer(FROG_DIR)


@pytest.fixture(scope="session")
def check(frozen: FrozenAnalyzer):  # type: ignore[no-untyped-def]
    """check_letter with the frozen analyser."""

    def run(text: str) -> LetterReport:
        return check_letter(text, analyzer=frozen)

    return run


@pytest.fixture(scope="session")
def frog() -> Iterator[FrogAnalyzer]:
    """One warm real Frog for all tests marked `frog`; skipped where Frog is not installed."""
    if not frog_available():
        pytest.skip("Frog is not installed (apt-get install frog frogdata)")
    analyzer = FrogAnalyzer()
    analyzer.process.start()
    yield analyzer
    analyzer.process.close()
