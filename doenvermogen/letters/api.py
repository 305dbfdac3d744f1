"""The letter checker as a REST endpoint (Django REST framework): ``POST /api/v1/letters/checks``
and, for existing users, the old ``POST /letters/api/check``.

Both answer the report JSON, or ``{"error": {"code", "message"}}`` for every failure (also a
missing token, a wrong method or a fault of ours). The letter goes through the same analysis pool
as the web page (``services.letter_check_start``); nothing is stored.

Authentication and the scope check come from the REST framework settings (the API's tokens and
scopes: ``letters:write`` to check a letter), so this app does not import the API app. The old
endpoint also takes the keys of ``LETTERS_API_TOKENS`` and a signed-in staff member's session with
its CSRF token, as before.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, parsers
from rest_framework.authentication import SessionAuthentication, get_authorization_header
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import APIView

from doenvermogen.letters import services
from doenvermogen.letters.analysis import AnalyzerError, LetterInputError

logger = logging.getLogger(__name__)

UNAUTHORIZED = "Log in (met CSRF-token), of stuur een geldige API-sleutel mee."


class LetterApiError(Exception):
    """An answer other than the report: HTTP status, a stable code and a Dutch message."""

    def __init__(self, status_code: int, code: str, message: str, retry_after: str = ""):
        super().__init__(message)
        self.status_code = status_code
        self.code = code
        self.message = message
        self.retry_after = retry_after


def error_response(status_code: int, code: str, message: str) -> Response:
    return Response({"error": {"code": code, "message": message}}, status=status_code)


def letter_text_from_request(request: Request) -> tuple[str, str | None]:
    """The letter's text and file name from JSON ``{"text"}`` or a multipart file ``upload``."""
    try:
        data = request.data
    except exceptions.UnsupportedMediaType:
        raise LetterApiError(
            415, "unsupported", "Stuur JSON met 'text', of een bestand als 'upload'."
        ) from None
    except exceptions.ParseError:
        raise LetterApiError(400, "bad_json", "De aanvraag is geen geldige JSON.") from None
    if "upload" in request.FILES:
        upload = request.FILES["upload"]
        if upload.size > settings.LETTERS_MAX_UPLOAD_BYTES:
            raise LetterApiError(413, "too_large", "Dit bestand is te groot.")
        text = services.letter_text_from_upload(filename=upload.name, data=upload.read())
        return text, upload.name
    if request.content_type.split(";")[0].strip() != "application/json":
        raise LetterApiError(
            415, "unsupported", "Stuur JSON met 'text', of een bestand als 'upload'."
        )
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str):
        raise LetterApiError(400, "missing_text", "Stuur de tekst van de brief mee als 'text'.")
    return text, None


def letter_report_for_request(request: Request) -> dict:
    """Check the letter of an API request (through the analysis pool) and return the report."""
    try:
        text, filename = letter_text_from_request(request)
        result = services.letter_check_start(
            text=text, filename=filename, wait=settings.LETTERS_API_WAIT_SECONDS
        )
    except LetterInputError as exc:
        raise LetterApiError(422, getattr(exc, "code", "bad_input"), str(exc)) from None
    except AnalyzerError:
        raise LetterApiError(
            503, "analysis_unavailable", "De taalanalyse lukt nu even niet."
        ) from None
    if result.report is None:
        raise LetterApiError(
            503,
            "analysis_timeout",
            "Het controleren duurt nu te lang. Probeer het over een minuut opnieuw, of stuur "
            "de brief in delen.",
            retry_after="60",
        )
    return result.report.to_dict(detail=request.query_params.get("detail") == "1")


def _error_doc(description: str) -> OpenApiResponse:
    return OpenApiResponse(
        response={"$ref": "#/components/schemas/LetterError"}, description=description
    )


CHECK_SCHEMA = {
    "request": {
        "application/json": {
            "type": "object",
            "required": ["text"],
            "properties": {"text": {"type": "string", "description": "The letter's text."}},
        },
        "multipart/form-data": {
            "type": "object",
            "required": ["upload"],
            "properties": {"upload": {"type": "string", "format": "binary"}},
        },
    },
    "parameters": [
        OpenApiParameter(
            "detail",
            OpenApiTypes.STR,
            enum=["1"],
            description="1: also per-sentence scores, EAST strengths and the text.",
        )
    ],
    "responses": {
        200: OpenApiResponse(
            response={"$ref": "#/components/schemas/LetterReport"}, description="The report"
        ),
        400: _error_doc("Not valid JSON, or no text (bad_json, missing_text)"),
        401: _error_doc("No valid token (unauthorized)"),
        403: _error_doc("The token lacks the scope (forbidden)"),
        405: _error_doc("Not a POST request (method_not_allowed)"),
        413: _error_doc("File too large (too_large)"),
        415: _error_doc("Neither JSON nor a file (unsupported)"),
        422: _error_doc("Empty, too long, not Dutch, or an unreadable file"),
        500: _error_doc("A fault on our side (internal_error); logged"),
        503: _error_doc(
            "The language analysis is not available right now (analysis_unavailable), or took "
            "longer than the API waits (analysis_timeout, with Retry-After)"
        ),
    },
}


class LetterCheckView(APIView):
    """``POST`` a letter (JSON ``{"text"}`` or a multipart file ``upload``): the report."""

    resource = "letters"
    scope_mode = "read"  # a check stores nothing: the letters:read scope
    parser_classes = [parsers.JSONParser, parsers.MultiPartParser]

    @extend_schema(summary="Check one letter (nothing is stored)", **CHECK_SCHEMA)
    def post(self, request: Request, *args, **kwargs) -> Response:
        try:
            return Response(letter_report_for_request(request))
        except LetterApiError as error:
            response = error_response(error.status_code, error.code, error.message)
            if error.retry_after:
                response["Retry-After"] = error.retry_after
            return response

    def initial(self, request, *args, **kwargs):
        # A wrong method is told before the token is checked, as the old endpoint did.
        if request.method.lower() != "post":
            raise exceptions.MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)

    def handle_exception(self, exc: Exception) -> Response:
        """Every failure in the letters' error shape, also those of the REST framework."""
        if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
            response = error_response(401, "unauthorized", UNAUTHORIZED)
            response["WWW-Authenticate"] = 'Bearer realm="doenvermogen"'
            return response
        if isinstance(exc, exceptions.PermissionDenied):
            return self.permission_denied_response(exc)
        if isinstance(exc, exceptions.MethodNotAllowed):
            response = error_response(405, "method_not_allowed", "Stuur de brief met POST.")
            response["Allow"] = "POST"
            return response
        if isinstance(exc, exceptions.UnsupportedMediaType):
            return error_response(
                415, "unsupported", "Stuur JSON met 'text', of een bestand als 'upload'."
            )
        if isinstance(exc, exceptions.ParseError):
            return error_response(400, "bad_json", "De aanvraag is geen geldige JSON.")
        if isinstance(exc, exceptions.Throttled):
            return error_response(429, "throttled", "Te veel aanvragen. Probeer het zo opnieuw.")
        if isinstance(exc, exceptions.APIException):
            return error_response(exc.status_code, "bad_request", str(exc.detail))
        logger.exception("letters API failed", exc_info=exc)
        return error_response(
            500, "internal_error", "Er ging iets mis bij ons. Probeer het later opnieuw."
        )

    def permission_denied_response(self, exc: exceptions.PermissionDenied) -> Response:
        return error_response(
            403, "forbidden", "Deze API-sleutel mag geen brieven laten controleren."
        )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response


# The old endpoint --------------------------------------------------------------------------------


class LegacyLettersKey:
    """The ``request.auth`` of a key from ``LETTERS_API_TOKENS``."""


class LettersKeyAuthentication:
    """``Authorization: Bearer <a key of LETTERS_API_TOKENS>``; other bearer tokens are left to
    the API's token authentication (which refuses an unknown one)."""

    def authenticate(self, request):
        header = get_authorization_header(request).split()
        if len(header) != 2 or header[0].lower() != b"bearer":
            return None
        key = header[1].decode(errors="replace")
        if key and key in settings.LETTERS_API_TOKENS:
            return AnonymousUser(), LegacyLettersKey()
        return None

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="doenvermogen"'


class LettersKeyScheme(OpenApiAuthenticationExtension):
    target_class = "doenvermogen.letters.api.LettersKeyAuthentication"
    name = "lettersKey"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A key of LETTERS_API_TOKENS (the old letters API only).",
        }


class LetterCheckAccess:
    """The old endpoint: a ``LETTERS_API_TOKENS`` key, a signed-in staff member (session with
    CSRF), or an API token with the ``letters:write`` scope."""

    def has_permission(self, request, view) -> bool:
        if isinstance(request.auth, LegacyLettersKey):
            return True
        if request.auth is None:
            user = request.user
            return bool(user and user.is_authenticated and not user.is_client)
        return all(
            permission().has_permission(request, view)
            for permission in api_settings.DEFAULT_PERMISSION_CLASSES
        )

    def has_object_permission(self, request, view, obj) -> bool:
        return True


class LegacyLetterCheckView(LetterCheckView):
    """``POST /letters/api/check``: the same answers as before, now through the REST framework.
    Deprecated: use ``POST /api/v1/letters/checks`` with an API token."""

    authentication_classes = [
        LettersKeyAuthentication,
        *api_settings.DEFAULT_AUTHENTICATION_CLASSES,
        SessionAuthentication,  # checks the CSRF token
    ]
    permission_classes = [LetterCheckAccess]

    @extend_schema(
        summary="Check one letter (the old address; use /api/v1/letters/checks/)",
        deprecated=True,
        **CHECK_SCHEMA,
    )
    def post(self, request: Request, *args, **kwargs) -> Response:
        return super().post(request, *args, **kwargs)

    def permission_denied(self, request, message=None, code=None):
        if request.auth is None:  # no key, no session, or a client's session: as before, 401
            raise exceptions.NotAuthenticated()
        raise exceptions.PermissionDenied(message)

    def permission_denied_response(self, exc: exceptions.PermissionDenied) -> Response:
        if "CSRF" in str(exc.detail):  # a session without its CSRF token: as before, 401
            return error_response(401, "unauthorized", UNAUTHORIZED)
        return super().permission_denied_response(exc)
