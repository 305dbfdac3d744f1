"""The JSON schemas of the letter-checker's report and errors (OpenAPI 3.1 style); the API's
OpenAPI document (/api/v1/schema/) uses them for ``POST /api/v1/letters/checks``."""

from __future__ import annotations

from typing import Any

from doenvermogen.letters.analysis import CODES, SEVERITIES

_EAST_PART = {
    "type": "object",
    "required": ["ok", "advice"],
    "properties": {
        "ok": {"type": "boolean"},
        "advice": {"type": "array", "items": {"type": "string"}},
        "strengths": {"type": "array", "items": {"type": "string"}},
    },
}

REPORT_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["file", "words", "sentences", "readability", "findings", "east"],
    "properties": {
        "file": {"type": ["string", "null"]},
        "words": {"type": "integer"},
        "sentences": {"type": "integer"},
        "readability": {
            "type": "object",
            "required": ["lint_score", "lint_level", "features", "flesch_douma"],
            "properties": {
                "lint_score": {"type": ["number", "null"], "minimum": 0, "maximum": 100},
                "lint_level": {"type": ["integer", "null"], "minimum": 1, "maximum": 4},
                "features": {
                    "type": "object",
                    "additionalProperties": {"type": ["number", "null"]},
                },
                "flesch_douma": {"type": ["number", "null"]},
            },
        },
        "findings": {
            "type": "array",
            "items": {
                "type": "object",
                "required": [
                    "code",
                    "severity",
                    "message",
                    "suggestion",
                    "sentence_index",
                    "start",
                    "end",
                ],
                "properties": {
                    "code": {"type": "string", "enum": sorted(CODES)},
                    "severity": {"type": "string", "enum": sorted(SEVERITIES)},
                    "message": {"type": "string"},
                    "suggestion": {"type": ["string", "null"]},
                    "sentence_index": {"type": ["integer", "null"]},
                    "start": {"type": ["integer", "null"]},
                    "end": {"type": ["integer", "null"]},
                },
            },
        },
        "east": {
            "type": "object",
            "required": ["easy", "attractive", "social", "timely"],
            "properties": {p: _EAST_PART for p in ("easy", "attractive", "social", "timely")},
        },
    },
}

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}
