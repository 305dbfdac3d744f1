"""The bridge between Django and the framework-free engine in letters/analysis/.

Frog never runs in a web worker: the letter goes to the analysis pool (a process of its own
with warm Frogs, `analysis/pool.py`), the web request waits a few seconds for the answer and
otherwise hands back a job id that the page polls. `settings.LETTERS_ANALYZER = "simple"`
analyses in the web process without Frog (no readability score). Nothing is stored: the
letter lives in the pool's memory until its result is fetched (5 minutes at most).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass

from django.conf import settings

from doenvermogen.letters.analysis import (
    AnalyzerError,
    LetterReport,
    PoolClient,
    PreparedLetter,
    SimpleAnalyzer,
    build_report,
    ensure_pool,
    extract_text,
    prepare_letter,
    report_from_output,
)
from doenvermogen.letters.analysis.analyzers import assemble, frog_pieces

logger = logging.getLogger(__name__)
_starting = threading.Lock()


@dataclass
class LetterCheck:
    """A check that is finished (`report`) or still running in the pool (`job`)."""

    report: LetterReport | None = None
    job: str | None = None


def analyzer_is_full() -> bool:
    """True when the full Dutch analysis (Frog) is used; False for the simple fallback."""
    return settings.LETTERS_ANALYZER != "simple"


def pool_client() -> PoolClient:
    return PoolClient(settings.LETTERS_POOL_ADDRESS, secret=settings.LETTERS_POOL_SECRET)


def pool_ensure(*, wait: float = 10.0) -> bool:
    """Start the analysis pool when none answers (embedded default). True when it answers."""
    if settings.LETTERS_POOL_AUTOSTART:
        log = settings.BASE_DIR / "var" / "letters-pool.log"
        return ensure_pool(
            settings.LETTERS_POOL_ADDRESS,
            size=settings.LETTERS_POOL_SIZE,
            log_path=log,
            wait=wait,
            secret=settings.LETTERS_POOL_SECRET,
        )
    return pool_client().alive()


def pool_start_in_background() -> None:
    """When the checker page is opened: make sure the pool is starting, without waiting."""
    if not analyzer_is_full() or not settings.LETTERS_POOL_AUTOSTART:
        return
    if not _starting.acquire(blocking=False):
        return

    def _start() -> None:
        try:
            pool_ensure()
        except Exception:  # noqa: BLE001 - best effort; a real check reports errors
            logger.exception("The letters analysis pool could not be started")
        finally:
            _starting.release()

    threading.Thread(target=_start, name="letters-pool-start", daemon=True).start()


def _simple_report(prepared: PreparedLetter, filename: str | None) -> LetterReport:
    raw = SimpleAnalyzer().analyze_segments(prepared.segments)
    analyzed = assemble(prepared.text, prepared.pieces, raw)
    analyzed.analyzer = SimpleAnalyzer.name
    return build_report(analyzed, file=filename, notices=prepared.notices)


def _from_answer(answer: dict) -> LetterReport:
    payload = json.loads(answer.get("payload") or "{}")
    text = str(payload.get("text", ""))
    prepared = PreparedLetter(
        text=text, notices=list(payload.get("notices", [])), pieces=frog_pieces(text)
    )
    return report_from_output(prepared, str(answer.get("output", "")), file=payload.get("file"))


def letter_check_start(*, text: str, filename: str | None = None, wait: float) -> LetterCheck:
    """Check a letter's text; wait at most `wait` seconds for the pool.

    Raises `LetterInputError` (plain Dutch message) for bad input and `AnalyzerError` when the
    analysis pool cannot be reached or Frog fails.
    """
    prepared = prepare_letter(text)
    if not analyzer_is_full():
        return LetterCheck(report=_simple_report(prepared, filename))
    client = pool_client()
    payload = json.dumps({"text": prepared.text, "notices": prepared.notices, "file": filename})
    try:
        job = client.submit(prepared.segments, payload=payload)
    except AnalyzerError:
        if not pool_ensure():
            raise
        job = client.submit(prepared.segments, payload=payload)
    answer = client.result(job, wait=wait)
    if answer.get("status") == "done":
        return LetterCheck(report=_from_answer(answer))
    return LetterCheck(job=job)


def letter_check_result(*, job: str, wait: float) -> LetterReport | None:
    """The report of a job started by `letter_check_start`, or None while it still runs.

    Raises `AnalyzerError` when the job failed or is unknown (expired, or fetched before).
    """
    answer = pool_client().result(job, wait=wait)
    if answer.get("status") == "done":
        return _from_answer(answer)
    return None


def letter_check(*, text: str, filename: str | None = None) -> LetterReport:
    """Check a letter and wait for the result (the batch command's way; at most the API's
    wait). Raises `AnalyzerError` when the analysis takes longer."""
    check = letter_check_start(text=text, filename=filename, wait=settings.LETTERS_API_WAIT_SECONDS)
    if check.report is None:
        raise AnalyzerError("analysis took too long")
    return check.report


def letter_text_from_upload(*, filename: str, data: bytes) -> str:
    """The text of an uploaded .txt, .docx or .pdf file (raises `LetterInputError`)."""
    return extract_text(filename, data)
