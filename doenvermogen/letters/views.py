"""The letter checker page and its JSON API. Nothing is stored: a letter is checked and shown."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from doenvermogen.letters import services
from doenvermogen.letters.analysis import MAX_WORDS, AnalyzerError, LetterInputError
from doenvermogen.letters.forms import LetterForm
from doenvermogen.letters.openapi import openapi_document
from doenvermogen.letters.presentation import (
    highlighted_pieces,
    lint_level_text,
    numbered_findings,
)
from doenvermogen.ui.decorators import staff_required

EAST_LABELS = [
    ("easy", gettext_lazy("Easy")),
    ("attractive", gettext_lazy("Attractive")),
    ("social", gettext_lazy("Social")),
    ("timely", gettext_lazy("Timely")),
]


@login_required
@staff_required
def check(request):
    services.warm_up_in_background()
    form = LetterForm(request.POST or None, request.FILES or None)
    context = {"form": form, "max_words": MAX_WORDS, "full": services.analyzer_is_full()}
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("upload")
        try:
            if upload:
                report = services.letter_check_upload(filename=upload.name, data=upload.read())
            else:
                report = services.letter_check(text=form.cleaned_data["text"])
        except LetterInputError as exc:
            form.add_error("upload" if upload else "text", str(exc))
        except AnalyzerError:
            form.add_error(
                None,
                _("The language analysis does not work right now. Try again in a minute."),
            )
        else:
            findings = numbered_findings(report)
            data = report.to_dict(detail=True)
            context.update(
                report=report,
                findings=findings,
                pieces=highlighted_pieces(report.text, findings),
                level_text=lint_level_text(report.readability.lint_level),
                east=[(key, label, data["east"][key]) for key, label in EAST_LABELS],
            )
            if upload:  # show the extracted text in the box, so it can be edited and checked
                form = LetterForm(initial={"text": report.text})
                context["form"] = form
    return render(request, "letters/check.html", context)


def _api_authorized(request) -> bool:
    """A bearer token (then the session cookie is not used at all), or a signed-in staff member's
    session with a valid CSRF token (so another site cannot make a signed-in browser call it)."""
    header = request.headers.get("Authorization", "")
    if header.startswith("Bearer "):
        token = header.removeprefix("Bearer ").strip()
        return bool(token) and token in settings.LETTERS_API_TOKENS
    if not (request.user.is_authenticated and not request.user.is_client):
        return False
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {}) is None


def _error(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"error": {"code": code, "message": message}}, status=status)


@csrf_exempt  # checked in _api_authorized: CSRF for sessions, none for bearer tokens
@require_POST
def api_check(request):
    """POST JSON {"text": "..."} or multipart with a file "upload": the report as JSON."""
    if not _api_authorized(request):
        return _error(
            401, "unauthorized", "Log in (met CSRF-token), of stuur een geldige API-sleutel mee."
        )
    try:
        if request.content_type == "application/json":
            try:
                body = json.loads(request.body or b"{}")
            except (ValueError, UnicodeDecodeError):
                return _error(400, "bad_json", "De aanvraag is geen geldige JSON.")
            text = body.get("text") if isinstance(body, dict) else None
            if not isinstance(text, str):
                return _error(400, "missing_text", "Stuur de tekst van de brief mee als 'text'.")
            report = services.letter_check(text=text)
        elif "upload" in request.FILES:
            upload = request.FILES["upload"]
            if upload.size > settings.LETTERS_MAX_UPLOAD_BYTES:
                return _error(413, "too_large", "Dit bestand is te groot.")
            report = services.letter_check_upload(filename=upload.name, data=upload.read())
        else:
            return _error(415, "unsupported", "Stuur JSON met 'text', of een bestand als 'upload'.")
    except LetterInputError as exc:
        return _error(422, getattr(exc, "code", "bad_input"), str(exc))
    except AnalyzerError:
        return _error(503, "analysis_unavailable", "De taalanalyse lukt nu even niet.")
    return JsonResponse(report.to_dict(detail=request.GET.get("detail") == "1"))


@require_GET
def api_openapi(request):
    return JsonResponse(openapi_document(request.build_absolute_uri("/letters/api/")))
