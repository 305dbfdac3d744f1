"""The letter checker page and a team's standard letters (the JSON API is in api.py).

A checked letter is never stored: only an anonymous tally per editing session (team, day, first
and last level). Standard letters (templates of a team) are stored with their versions.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from doenvermogen.letters import selectors, services
from doenvermogen.letters.analysis import MAX_WORDS, AnalyzerError, LetterInputError
from doenvermogen.letters.documents import letter_docx, safe_filename
from doenvermogen.letters.forms import LetterForm, StandardLetterForm, StandardVersionForm
from doenvermogen.letters.presentation import (
    CODE_LABELS,
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


def _score_token(report, tally: int | None) -> str:  # type: ignore[no-untyped-def]
    score = report.readability.lint_score
    level = report.readability.lint_level
    return _SIGNER.sign(f"{'' if score is None else round(score, 1)}|{level or ''}|{tally or ''}")


def _score_from_token(token: str) -> tuple[str, str, int | None] | None:
    try:
        parts = _SIGNER.unsign(token).split("|")
    except signing.BadSignature:
        return None
    score, level, tally = (parts + ["", "", ""])[:3]
    return score, level, int(tally) if tally.isdigit() else None


def _editor_state(report, data, user) -> dict:  # type: ignore[no-untyped-def]
    """The original version (first check) and the edited one, for the side-by-side view; and
    the session's anonymous tally (counted once per editing session, its last level updated)."""
    original = (data.get("original") or "").replace("\r\n", "\n") if data else ""
    token = data.get("original_score", "") if data else ""
    first = _score_from_token(token) if original else None
    level = report.readability.lint_level
    if first is None:
        tally = services.check_tally_record(user=user, level=level, tally_id=None)
        original, token = report.text, _score_token(report, tally)
        first = _score_from_token(token)
    else:
        tally = services.check_tally_record(user=user, level=level, tally_id=first[2])
        if tally != first[2]:
            token = _SIGNER.sign(f"{first[0]}|{first[1]}|{tally or ''}")
    return {
        "original": original,
        "original_token": token,
        "original_score": first[0] if first else "",
        "original_level": first[1] if first else "",
        "edited": original.strip() != report.text.strip(),
    }


def _with_advice(blocks, advice) -> list:  # type: ignore[no-untyped-def]
    """Each block with the rewrite suggestions of its sentence (hard sentences only)."""
    out = []
    for block in blocks:
        tip = None
        if block.level and block.pieces:
            begin = block.pieces[0].start
            tip = next((a for a in advice if a.start <= begin < max(a.end, a.start + 1)), None)
        out.append((block, tip))
    return out


def _report_context(check, user, data=None) -> dict:  # type: ignore[no-untyped-def]
    report = check.report
    findings = numbered_findings(report)
    data_dict = report.to_dict(detail=True)
    pieces = highlighted_pieces(report.text, findings)
    advice = check.advice()
    return {
        "report": report,
        "findings": findings,
        "pieces": pieces,
        "blocks": _with_advice(sentence_blocks(report, pieces), advice),
        "advice": advice,
        "editor": _editor_state(report, data, user),
        "reading_minutes": max(1, round(report.words / 200)),
        "level_text": lint_level_text(report.readability.lint_level),
        "east": [(key, label, data_dict["east"][key]) for key, label in EAST_LABELS],
        "not_scored": report.not_scored(),
    }


def _show_report(context: dict, check, user, data=None) -> None:  # type: ignore[no-untyped-def]
    """Put a finished check in the page's context: the report, and the editor's form holding the
    checked text with its first version and signed score."""
    context.update(_report_context(check, user, data))
    editor = context["editor"]
    context["form"] = LetterForm(
        initial={
            "text": check.report.text,
            "original": editor["original"],
            "original_score": editor["original_token"],
        }
    )


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
                _show_report(context, result, request.user, request.POST)
            else:
                _remember_job(request, result.job)
                context["job"] = result.job
    if request.htmx and request.method == "POST":
        # The editor's live update; the editor's state (first version, its score and the
        # session's tally) goes back out of band, so the next check continues the session.
        context["oob"] = True
        return render(request, "letters/_result.html", context)
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
        finished = services.letter_check_result(job=job, wait=2.0 if request.htmx else 10.0)
    except AnalyzerError:
        finished = None
        context["failed"] = True
    if finished is not None and finished.report is not None:
        request.session[SESSION_JOBS] = [
            j for j in request.session.get(SESSION_JOBS, []) if j != job
        ]
        _show_report(context, finished, request.user)
    else:
        context["form"] = LetterForm()
    template = "letters/_result.html" if request.htmx else "letters/check.html"
    context["oob"] = bool(request.htmx)  # a polled result starts the editor's session
    return render(request, template, context)


@require_GET
def api_openapi(request):
    """The letter API is described in the one OpenAPI document of the API (docs/api.md)."""
    return redirect("/api/v1/schema/?format=json")


# --- Standard letters of a team ------------------------------------------------------------------


def _figures_for(text: str) -> tuple[dict | None, str]:
    """The checker's figures for a text, computed in the analysis pool (waiting at most the
    API's limit, below the web server's timeout); or None and a Dutch message."""
    try:
        check = services.letter_check_start(text=text, wait=settings.LETTERS_API_WAIT_SECONDS)
    except LetterInputError as exc:
        return None, str(exc)
    except AnalyzerError:
        return None, _("The language analysis does not work right now. Try again in a minute.")
    if check.report is None:
        return None, _("Checking takes too long right now. Try again in a minute.")
    return services.version_figures(check.report), ""


def _warn_personal_data(request, text: str) -> None:
    hints = services.personal_data_hints(text)
    if hints:
        messages.warning(
            request,
            _(
                "This text seems to contain details of a client (%(what)s). A standard letter is "
                "a template: write [name], [amount] or [date] instead."
            )
            % {"what": ", ".join(hints)},
        )


@login_required
@staff_required
def standard_list(request):
    letters = list(selectors.standard_letters_for_user(request.user))
    latest = selectors.latest_versions(letters)
    return render(
        request,
        "letters/standard_list.html",
        {
            "rows": [(letter, latest.get(letter.pk)) for letter in letters],
            "can_create": selectors.teams_for_standard_letters(request.user).exists(),
        },
    )


@login_required
@staff_required
def standard_create(request):
    teams = selectors.teams_for_standard_letters(request.user)
    if not teams.exists():
        raise PermissionDenied
    form = StandardLetterForm(request.POST or None, teams=teams)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        figures, error = _figures_for(data["text"])
        if figures is None:
            form.add_error("text", error)
        else:
            letter = services.standard_letter_create(
                team=data["team"],
                author=request.user,
                title=data["title"],
                purpose=data["purpose"],
                text=data["text"],
                figures=figures,
                change_note=data["change_note"],
                idempotency_key=data["idempotency_key"],
            )
            messages.success(request, _("The standard letter is saved."))
            _warn_personal_data(request, data["text"])
            return redirect("letters:standard_detail", letter_id=letter.pk)
    return render(request, "letters/standard_form.html", {"form": form})


@login_required
@staff_required
def standard_detail(request, letter_id: int):
    letter = selectors.access_standard_letter(user=request.user, letter_id=letter_id)
    versions = selectors.letter_versions(letter)
    return render(
        request,
        "letters/standard_detail.html",
        {
            "letter": letter,
            "versions": versions,
            "latest": versions[-1] if versions else None,
            "history": selectors.level_history(versions),
            "labels": CODE_LABELS,
        },
    )


def _standard_editor(request, letter, version, *, text: str, version_form=None):  # type: ignore[no-untyped-def]
    """The checker page with a standard letter's text, and "Save as a new version"."""
    form = LetterForm(initial={"text": text})
    context: dict = {
        "form": form,
        "max_words": MAX_WORDS,
        "full": services.analyzer_is_full(),
        "standard": letter,
        "standard_version": version,
        "version_form": version_form or StandardVersionForm(initial={"text": text}),
    }
    if version_form is not None:  # the save failed: show the text as typed, and why
        return render(request, "letters/check.html", context)
    services.pool_start_in_background()
    try:
        result = services.letter_check_start(text=text, wait=settings.LETTERS_WAIT_SECONDS)
    except LetterInputError as exc:
        form.add_error("text", str(exc))
    except AnalyzerError:
        form.add_error(
            None, _("The language analysis does not work right now. Try again in a minute.")
        )
    else:
        if result.report is not None:
            _show_report(context, result, request.user)
        else:
            _remember_job(request, result.job)
            context["job"] = result.job
    return render(request, "letters/check.html", context)


@login_required
@staff_required
def standard_edit(request, letter_id: int, number: int):
    """Open a version in the editor."""
    letter = selectors.access_standard_letter(user=request.user, letter_id=letter_id)
    version = get_object_or_404(letter.versions, number=number)
    return _standard_editor(request, letter, version, text=version.text)


@login_required
@staff_required
@require_POST
def standard_version_create(request, letter_id: int):
    """ "Save as a new version": the figures come from the same analysis as the checker."""
    letter = selectors.access_standard_letter(user=request.user, letter_id=letter_id)
    form = StandardVersionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        figures, error = _figures_for(data["text"])
        if figures is None:
            form.add_error("text", error)
        else:
            version = services.standard_letter_version_create(
                letter=letter,
                author=request.user,
                text=data["text"],
                figures=figures,
                change_note=data["change_note"],
                idempotency_key=data["idempotency_key"],
            )
            messages.success(request, _("Version %(n)s is saved.") % {"n": version.number})
            _warn_personal_data(request, data["text"])
            return redirect(
                reverse("letters:standard_detail", args=[letter.pk]) + f"#v{version.number}"
            )
    latest = letter.versions.order_by("-number").first()
    return _standard_editor(
        request, letter, latest, text=request.POST.get("text", ""), version_form=form
    )
