"""The JSON endpoint for case systems: POST a household, get the schemes; and its OpenAPI 3.1
description. Nothing is stored."""

from __future__ import annotations

import json
from typing import Any

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from doenvermogen.geldrust import services
from doenvermogen.geldrust.rules import HouseholdError, covered_years

MAX_BODY = 64 * 1024


@csrf_exempt
@require_POST
def api_check(request):
    if len(request.body) > MAX_BODY:
        return _error(413, "Het bericht is te groot.")
    try:
        data = json.loads(request.body.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _error(400, "Dit is geen geldige JSON.")
    try:
        result = services.money_check_run(household=data)
    except HouseholdError as error:
        return _error(400, " ".join(error.messages), details=error.messages)
    return JsonResponse(result.as_dict(), json_dumps_params={"ensure_ascii": False})


def _error(status: int, message: str, details: list[str] | None = None) -> JsonResponse:
    return JsonResponse(
        {"error": {"message": message, "details": details or [message]}},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def api_openapi(request):
    return JsonResponse(openapi_document(request.build_absolute_uri("/geldrust/api/")))


_NUMBER_OR_NULL = {"type": ["number", "null"]}
HOUSEHOLD_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["year", "adults"],
    "properties": {
        "year": {"type": "integer", "enum": covered_years()},
        "municipality": {"type": ["string", "null"], "description": "Code, e.g. voorbeeldgemeente"},
        "adults": {
            "type": "array",
            "minItems": 1,
            "maxItems": 2,
            "items": {
                "type": "object",
                "properties": {
                    "age": {"type": ["integer", "null"], "minimum": 16, "maximum": 120},
                    "income_year": {**_NUMBER_OR_NULL, "minimum": 0},
                    "wealth": _NUMBER_OR_NULL,
                },
            },
        },
        "children": {
            "type": "array",
            "maxItems": 10,
            "items": {
                "type": "object",
                "properties": {
                    "age": {"type": ["integer", "null"], "minimum": 0},
                    "income_year": {
                        **_NUMBER_OR_NULL,
                        "minimum": 0,
                        "description": "Only for a child of 18 or older: it counts for "
                        "huurtoeslag. Missing or null: 'weet ik niet'.",
                    },
                },
            },
        },
        "housemates": {
            "type": "array",
            "maxItems": 8,
            "description": "Others in the home who are not a partner or a child "
            "(medebewoners); their income counts for huurtoeslag.",
            "items": {
                "type": "object",
                "properties": {
                    "age": {"type": ["integer", "null"], "minimum": 0},
                    "income_year": {**_NUMBER_OR_NULL, "minimum": 0},
                },
            },
        },
        "renting": {"type": "boolean", "default": True},
        "rent_month": {**_NUMBER_OR_NULL, "exclusiveMinimum": 0},
        "service_costs_month": {**_NUMBER_OR_NULL, "minimum": 0},
    },
    "description": "A missing field or null means 'weet ik niet': the result is then 'maybe'.",
}
WHY_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string"},
        "source_title": {"type": "string"},
        "source_url": {"type": "string"},
        "valid_from": {"type": "string"},
    },
}
RESULT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["year", "schemes", "total_month"],
    "properties": {
        "year": {"type": "integer"},
        "total_month": {"type": "integer"},
        "schemes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "status", "amount_month", "why"],
                "properties": {
                    "code": {"type": "string"},
                    "name": {"type": "string"},
                    "status": {"type": "string", "enum": ["likely_yes", "maybe", "no"]},
                    "amount_month": {"type": ["integer", "null"]},
                    "amount_month_max": {"type": ["integer", "null"]},
                    "depends_on": {"type": "array", "items": {"type": "string"}},
                    "why": {"type": "array", "items": WHY_SCHEMA},
                    "level": {"type": "string", "enum": ["national", "municipal"]},
                },
            },
        },
    },
}


def openapi_document(server: str) -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "doenvermogen geldrust",
            "version": "1",
            "description": "Which income support a household may be missing, with the reasons.",
        },
        "servers": [{"url": server}],
        "paths": {
            "/check": {
                "post": {
                    "summary": "Check a household (nothing is stored)",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": HOUSEHOLD_SCHEMA}},
                    },
                    "responses": {
                        "200": {
                            "description": "The schemes",
                            "content": {"application/json": {"schema": RESULT_SCHEMA}},
                        },
                        "400": {"description": "Bad input, with a Dutch message"},
                        "413": {"description": "Too large"},
                    },
                }
            }
        },
    }
