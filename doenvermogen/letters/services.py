"""The bridge between Django and the framework-free engine in letters/analysis/.

Frog never runs in a web worker: the letter goes to the analysis pool (a process of its own
with warm Frogs, `analysis/pool.py`), the web request waits a few seconds for the answer and
otherwise hands back a job id that the page polls. `settings.LETTERS_ANALYZER = "simple"`
analyses in the web process without Frog (no readability score). Nothing is stored: the
letter lives in the pool's memory until its result is fetched (5 minutes at most).

Also here: the writes of the letters app's own data — a team's standard letters and their
versions (templates, never a client's letter; the figures of a version come from the same
analysis, in the pool) and the anonymous tally of a checker session (team, day, first and last
level: no text, no user, no client).
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from doenvermogen.accounts.models import Team, User
from doenvermogen.accounts.selectors import team_ids_for_user
from doenvermogen.core.idempotency import create_once
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
)
from doenvermogen.letters.analysis.analyzers import assemble, frog_pieces, parse_frog_output
from doenvermogen.letters.analysis.model import AnalyzedText
from doenvermogen.letters.models import CheckTally, StandardLetter, StandardLetterVersion
from doenvermogen.letters.suggestions import SentenceAdvice, sentence_advice

logger = logging.getLogger(__name__)
_starting = threading.Lock()


@dataclass
class LetterCheck:
    """A check that is finished (`report`) or still running in the pool (`job`)."""

    report: LetterReport | None = None
    job: str | None = None
    #: The analysed sentences (tokens and parse) behind the report, for the rewrite suggestions.
    analyzed: AnalyzedText | None = None

    def advice(self) -> list[SentenceAdvice]:
        """Rewrite suggestions for the hard sentences (LiNT-II level 3–4)."""
        if self.report is None:
            return []
        return sentence_advice(self.report, self.analyzed)


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


def _simple_report(prepared: PreparedLetter, filename: str | None) -> LetterCheck:
    raw = SimpleAnalyzer().analyze_segments(prepared.segments)
    analyzed = assemble(prepared.text, prepared.pieces, raw)
    analyzed.analyzer = SimpleAnalyzer.name
    report = build_report(analyzed, file=filename, notices=prepared.notices)
    return LetterCheck(report=report, analyzed=analyzed)


def _from_answer(answer: dict) -> LetterCheck:
    """The report from the pool's answer (Frog's raw output), the same way as
    `report_from_output`, keeping the analysed sentences for the suggestions."""
    payload = json.loads(answer.get("payload") or "{}")
    text = str(payload.get("text", ""))
    prepared = PreparedLetter(
        text=text, notices=list(payload.get("notices", [])), pieces=frog_pieces(text)
    )
    output = str(answer.get("output", ""))
    analyzed = assemble(prepared.text, prepared.pieces, parse_frog_output(output))
    analyzed.analyzer = "frog"
    report = build_report(analyzed, file=payload.get("file"), notices=prepared.notices)
    return LetterCheck(report=report, analyzed=analyzed)


def letter_check_start(*, text: str, filename: str | None = None, wait: float) -> LetterCheck:
    """Check a letter's text; wait at most `wait` seconds for the pool.

    Raises `LetterInputError` (plain Dutch message) for bad input and `AnalyzerError` when the
    analysis pool cannot be reached or Frog fails.
    """
    prepared = prepare_letter(text)
    if not analyzer_is_full():
        return _simple_report(prepared, filename)
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
        return _from_answer(answer)
    return LetterCheck(job=job)


def letter_check_result(*, job: str, wait: float) -> LetterCheck | None:
    """The finished check of a job started by `letter_check_start`, or None while it runs.

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


# --- Anonymous tallies for the team view ---------------------------------------------------------


def tally_team(user: User) -> int | None:
    """The team a check by `user` is counted for: the user's team (the first by id when the user
    is in several, so a check counts once); None for someone without a team."""
    teams = team_ids_for_user(user)
    return min(teams) if teams else None


def check_tally_record(*, user: User, level: int | None, tally_id: int | None) -> int | None:
    """Count a check: a new tally for the first check of an editing session (`tally_id` None),
    else the session's tally gets the latest level. Stores no text, user or client. Returns the
    tally's id (to carry in the editor's signed state) or None when nothing is counted."""
    team_id = tally_team(user)
    if team_id is None:
        return None
    if tally_id is not None:
        updated = CheckTally.objects.filter(pk=tally_id, team_id=team_id).update(last_level=level)
        if updated:
            return tally_id
    tally = CheckTally.objects.create(
        team_id=team_id, day=timezone.localdate(), first_level=level, last_level=level
    )
    return tally.pk


# --- Standard letters ----------------------------------------------------------------------------


def version_figures(report: LetterReport) -> dict:
    """What a version keeps of the checker's report: scores and the number of findings per
    code (not the findings' text)."""
    read = report.readability
    return {
        "lint_score": None if read.lint_score is None else round(read.lint_score, 1),
        "lint_level": read.lint_level,
        "flesch_douma": None if read.flesch_douma is None else round(read.flesch_douma, 1),
        "finding_counts": dict(sorted(Counter(f.code for f in report.findings).items())),
    }


def _version_add(
    *, letter: StandardLetter, author: User, text: str, change_note: str, figures: dict, key
) -> StandardLetterVersion:
    number = (letter.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = StandardLetterVersion.objects.create(
        letter=letter,
        number=number,
        text=text,
        lint_score=figures.get("lint_score"),
        lint_level=figures.get("lint_level"),
        flesch_douma=figures.get("flesch_douma"),
        finding_counts=figures.get("finding_counts") or {},
        change_note=change_note[:200],
        created_by=author,
        idempotency_key=key,
    )
    letter.updated_at = version.created_at
    letter.save(update_fields=["updated_at"])
    return version


@transaction.atomic
def standard_letter_create(
    *,
    team: Team,
    author: User,
    title: str,
    purpose: str,
    text: str,
    figures: dict,
    change_note: str = "",
    idempotency_key: str = "",
) -> StandardLetter:
    """A team's standard letter with its first version (figures from `version_figures`)."""

    def create(key):
        letter = StandardLetter.objects.create(
            team=team, title=title, purpose=purpose, created_by=author, idempotency_key=key
        )
        _version_add(
            letter=letter,
            author=author,
            text=text,
            change_note=change_note,
            figures=figures,
            key=None,
        )
        return letter

    letter, _created = create_once(
        StandardLetter, key=idempotency_key, scope={"team": team}, create=create
    )
    return letter


@transaction.atomic
def standard_letter_version_create(
    *,
    letter: StandardLetter,
    author: User,
    text: str,
    figures: dict,
    change_note: str = "",
    idempotency_key: str = "",
) -> StandardLetterVersion:
    """A new version of a standard letter; a double submit gives the first one back."""
    # One new number at a time per letter (the unique constraint is the last judge).
    StandardLetter.objects.select_for_update().filter(pk=letter.pk).first()
    version, _created = create_once(
        StandardLetterVersion,
        key=idempotency_key,
        scope={"letter": letter},
        create=lambda key: _version_add(
            letter=letter,
            author=author,
            text=text,
            change_note=change_note,
            figures=figures,
            key=key,
        ),
    )
    return version


_PERSONAL = [
    (re.compile(r"\b\d{4}\s?[A-Z]{2}\b(?=\s+[A-Z][a-z])"), "een postcode met plaats"),
    (re.compile(r"\b(?:BSN|burgerservicenummer)\b[^\n]{0,20}\d{8,9}", re.I), "een BSN"),
    (re.compile(r"\bgeboren\b|\bgeboortedatum\b", re.I), "een geboortedatum"),
    (re.compile(r"\b(?:Geachte|Beste)\s+(?:heer|mevrouw)\s+[A-Z][a-z]+"), "een naam"),
]


def personal_data_hints(text: str) -> list[str]:
    """What in a standard letter looks like a client's data (a name in the salutation, a postcode
    with a town, a BSN, a date of birth; not an IBAN: the organisation's own belongs in a
    template). Nothing is refused: the page warns, because a standard letter is a template."""
    return [what for pattern, what in _PERSONAL if pattern.search(text)]
