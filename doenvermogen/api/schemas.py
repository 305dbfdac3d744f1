"""JSON schemas the apps keep for their own endpoints (OpenAPI 3.1 style), as OpenAPI 3.0 for the
API's one description (drf-spectacular writes 3.0.3)."""

from __future__ import annotations

from typing import Any

from doenvermogen.geldrust.api import HOUSEHOLD_SCHEMA, RESULT_SCHEMA
from doenvermogen.letters.openapi import ERROR_SCHEMA, REPORT_SCHEMA


def openapi30(schema: Any) -> Any:
    """``"type": ["x", "null"]`` becomes ``"type": "x", "nullable": true``; a numeric
    ``exclusiveMinimum`` becomes ``minimum`` with ``exclusiveMinimum: true``."""
    if isinstance(schema, list):
        return [openapi30(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {key: openapi30(value) for key, value in schema.items()}
    kind = out.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        out["type"] = kinds[0] if len(kinds) == 1 else "string"
        if "null" in kind:
            out["nullable"] = True
    minimum = out.get("exclusiveMinimum")
    if isinstance(minimum, int | float) and not isinstance(minimum, bool):
        out["minimum"] = minimum
        out["exclusiveMinimum"] = True
    return out


HOUSEHOLD = openapi30(HOUSEHOLD_SCHEMA)
MONEY_RESULT = openapi30(RESULT_SCHEMA)
LETTER_REPORT = openapi30(REPORT_SCHEMA)
LETTER_ERROR = openapi30(ERROR_SCHEMA)


def add_components(result: dict, generator, request, public) -> dict:
    """drf-spectacular post-processing hook: the letter report and error as named components."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["LetterReport"] = LETTER_REPORT
    schemas["LetterError"] = LETTER_ERROR
    return result
