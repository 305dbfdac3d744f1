"""The letter checker page (its JSON API is in api.py). Nothing is stored: a letter is checked and
shown."""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from doenvermogen.letters import services
from doenvermogen.letters.analysis import MAX_WORDS, AnalyzerError, LetterInputError
from doenvermogen.letters.documents import letter_docx, safe_filename
from doenvermogen.letters.forms import LetterForm
from doenvermogen.letters.presentation import (
    highlighted_pieces,
    lint_level_text,
    numbered_findings,
    sentence_blocks,
)
from doenvermogen.ui.decorators import staff_required

logger = logging.getLogger(__name__)

EAST_LABELS = [
    ("easy", gettext_lazy("Easy")),
    ("attractive", gettext_lazy("Attractive")),
    ("social", gettext_lazy("Social")),
    ("timely", gettext_lazy("Timely")),
]


SESSION_JOBS = "letters_jobs"


_SIGNER = signing.Signer(salt="letters.original_score")


def _score_token(report) -> str:  # type: ignore[no-untyped-def]
    score = report.readability.lint_score
    level = report.readability.lint_level
    return _SIGNER.sign(f"{'' if score is None else round(score, 1)}|{level or ''}")


def _score_from_token(token: str) -> tuple[str, str] | None:
    try:
        score, _, level = _SIGNER.unsign(token).partition("|")
    except signing.BadSignature:
        return None
    return score, level


def _editor_state(report, data) -> dict:  # type: ignore[no-untyped-def]
    """The original version (first check) and the edited one, for the side-by-side view."""
    original = (data.get("original") or "").replace("\r\n", "\n") if data else ""
    token = data.get("original_score", "") if data else ""
    first = _score_from_token(token) if original else None
    if first is None:
        original, token = report.text, _score_token(report)
        first = _score_from_token(token)
    return {
        "original": original,
        "original_token": token,
        "original_score": first[0] if first else "",
        "original_level": first[1] if first else "",
        "edited": original.strip() != report.text.strip(),
    }


def _report_context(report, data=None) -> dict:  # type: ignore[no-untyped-def]
    findings = numbered_findings(report)
    data_dict = report.to_dict(detail=True)
    pieces = highlighted_pieces(report.text, findings)
    return {
        "report": report,
        "findings": findings,
        "pieces": pieces,
        "blocks": sentence_blocks(report, pieces),
        "editor": _editor_state(report, data),
        "reading_minutes": max(1, round(report.words / 200)),
        "level_text": lint_level_text(report.readability.lint_level),
        "east": [(key, label, data_dict["east"][key]) for key, label in EAST_LABELS],
        "not_scored": report.not_scored(),
    }


def _remember_job(request, job: str) -> None:  # type: ignore[no-untyped-def]
    jobs = [j for j in request.session.get(SESSION_JOBS, []) if j != job][-4:]
    request.session[SESSION_JOBS] = [*jobs, job]


@login_required
@staff_required
def check(request):
    services.pool_start_in_background()
    form = LetterForm(request.POST or None, request.FILES or None)
    context = {"form": form, "max_words": MAX_WORDS, "full": services.analyzer_is_full()}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("upload")
        try:
            if upload:
                text = services.letter_text_from_upload(filename=upload.name, data=upload.read())
                # Show the extracted text in the box, so it can be edited and checked again.
                form = LetterForm(initial={"text": text})
                context["form"] = form
            else:
                text = form.cleaned_data["text"]
            result = services.letter_check_start(
                text=text,
                filename=upload.name if upload else None,
                wait=settings.LETTERS_WAIT_SECONDS,
            )
        except LetterInputError as exc:
            form.add_error("upload" if upload and not form.initial else "text", str(exc))
        except AnalyzerError:
            form.add_error(
                None,
                _("The language analysis does not work right now. Try again in a minute."),
            )
        else:
            if result.report is not None:
                context.update(_report_context(result.report, request.POST))
                editor = context["editor"]
                context["form"] = LetterForm(
                    initial={
                        "text": result.report.text,
                        "original": editor["original"],
                        "original_score": editor["original_token"],
                    }
                )
            else:
                _remember_job(request, result.job)
                context["job"] = result.job
    if request.htmx and request.method == "POST":
        return render(request, "letters/_result.html", context)  # the editor's live update
    return render(request, "letters/check.html", context)


@login_required
@staff_required
@require_POST
def docx(request):
    """The edited letter as a Word file (.docx). Nothing is stored."""
    text = (request.POST.get("text") or "").replace("\r\n", "\n")[:200_000]
    response = HttpResponse(
        letter_docx(text),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="{safe_filename("brief")}.docx"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@staff_required
def result(request, job: str):
    """The result of a check that took longer: polled by the page (htmx) or opened as a link."""
    if job not in request.session.get(SESSION_JOBS, []):
        raise Http404
    context: dict = {"job": job, "full": services.analyzer_is_full(), "max_words": MAX_WORDS}
    try:
        report = services.letter_check_result(job=job, wait=2.0 if request.htmx else 10.0)
    except AnalyzerError:
        report = None
        context["failed"] = True
    if report is not None:
        request.session[SESSION_JOBS] = [
            j for j in request.session.get(SESSION_JOBS, []) if j != job
        ]
        context.update(_report_context(report))
        context["form"] = LetterForm(initial={"text": report.text})
    else:
        context["form"] = LetterForm()
    template = "letters/_result.html" if request.htmx else "letters/check.html"
    return render(request, template, context)


@require_GET
def api_openapi(request):
    """The letter API is described in the one OpenAPI document of the API (docs/api.md)."""
    return redirect("/api/v1/schema/?format=json")
