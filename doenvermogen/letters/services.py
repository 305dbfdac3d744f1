"""The bridge between Django and the framework-free engine in letters/analysis/.

The analyzer is chosen by settings.LETTERS_ANALYZER. Frog is kept warm in this process: it is
started once (in the background when the checker page is first opened) and reused.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings

from doenvermogen.letters.analysis import (
    Analyzer,
    LetterReport,
    SimpleAnalyzer,
    check_letter,
    extract_text,
    frog_available,
    get_frog_analyzer,
)

logger = logging.getLogger(__name__)
_warming: threading.Thread | None = None


def analyzer() -> Analyzer:
    if settings.LETTERS_ANALYZER == "simple" or not frog_available():
        return SimpleAnalyzer()
    return get_frog_analyzer()


def analyzer_is_full() -> bool:
    """True when the full Dutch analysis (Frog) is used; False for the simple fallback."""
    return settings.LETTERS_ANALYZER != "simple" and frog_available()


def warm_up_in_background() -> None:
    """Start Frog now, so the first check does not wait ~10 s. Does nothing when already started."""
    global _warming
    if not analyzer_is_full() or (_warming is not None):
        return

    def _warm() -> None:
        try:
            get_frog_analyzer().analyze_segments(["Dit is een zin."])
        except Exception:  # noqa: BLE001 - warming is best effort; a real check reports errors
            logger.exception("Frog could not be started")

    _warming = threading.Thread(target=_warm, name="frog-warm-up", daemon=True)
    _warming.start()


def letter_check(*, text: str, filename: str | None = None) -> LetterReport:
    """Check a letter's text. Raises LetterInputError (plain Dutch message) for bad input."""
    return check_letter(text, analyzer=analyzer(), file=filename)


def letter_check_upload(*, filename: str, data: bytes) -> LetterReport:
    """Check an uploaded .txt, .docx or .pdf file."""
    return letter_check(text=extract_text(filename, data), filename=filename)
