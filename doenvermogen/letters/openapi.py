"""The OpenAPI 3.1 description of the letter-checker API (served at /letters/api/openapi.json)."""

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

_ERROR = {
    "type": "object",
    "properties": {
        "error": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        }
    },
}


def openapi_document(server_url: str) -> dict[str, Any]:
    def err(description: str) -> dict[str, Any]:
        return {
            "description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "doenvermogen letter checker",
            "version": "1.0.0",
            "description": "Checks a Dutch letter for readability (LiNT-II computed with Frog, "
            "Flesch-Douma) and stress-sensitivity, with EAST advice. Nothing is stored.",
        },
        "servers": [{"url": server_url}],
        "components": {
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "session": {"type": "apiKey", "in": "cookie", "name": "sessionid"},
            },
            "schemas": {"Report": REPORT_SCHEMA, "Error": _ERROR},
        },
        "security": [{"bearer": []}, {"session": []}],
        "paths": {
            "/check": {
                "post": {
                    "summary": "Check one letter",
                    "parameters": [
                        {
                            "name": "detail",
                            "in": "query",
                            "required": False,
                            "schema": {"type": "string", "enum": ["1"]},
                            "description": "1: also per-sentence scores, EAST strengths, the text",
                        }
                    ],
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["text"],
                                    "properties": {"text": {"type": "string"}},
                                }
                            },
                            "multipart/form-data": {
                                "schema": {
                                    "type": "object",
                                    "required": ["upload"],
                                    "properties": {
                                        "upload": {"type": "string", "format": "binary"}
                                    },
                                }
                            },
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "The report",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Report"}
                                }
                            },
                        },
                        "400": err("Not valid JSON, or no text"),
                        "401": err("Not signed in and no valid API key"),
                        "405": err("Not a POST request (code method_not_allowed)"),
                        "413": err("File too large"),
                        "415": err("Neither JSON nor a file"),
                        "422": err("Empty, too long, not Dutch, or an unreadable file"),
                        "500": err("A fault on our side (code internal_error); logged"),
                        "503": err(
                            "The language analysis is not available right now "
                            "(analysis_unavailable), or took longer than the API waits "
                            "(analysis_timeout, with Retry-After)"
                        ),
                    },
                }
            }
        },
    }
