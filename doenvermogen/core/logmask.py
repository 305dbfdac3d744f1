"""Secrets in addresses never reach a log: personal sign-in links (``/l/<token>/``) and calendar
feeds (``/calendar/<token>.ics``) are logged with the token masked.

- ``TokenMaskFilter``: a logging filter (settings.LOGGING) for Django's request and server logs;
- ``GunicornLogger``: gunicorn's access log with the same masking
  (``gunicorn --logger-class doenvermogen.core.logmask.GunicornLogger``, see docs/admin.md).
"""

from __future__ import annotations

import logging
import re

_TOKEN_PATHS = re.compile(r"(/l/|/calendar/)([A-Za-z0-9_\-]{8,})")
MASK = "********"


def mask_tokens(text: str) -> str:
    """``text`` with every sign-in or calendar token replaced by asterisks."""
    return _TOKEN_PATHS.sub(lambda m: m.group(1) + MASK, text)


class TokenMaskFilter(logging.Filter):
    """Masks tokens in the message and its arguments (the record is changed in place)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = mask_tokens(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(mask_tokens(a) if isinstance(a, str) else a for a in record.args)
        elif isinstance(record.args, dict):
            record.args = {
                k: mask_tokens(v) if isinstance(v, str) else v for k, v in record.args.items()
            }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            # django.request attaches the request; its repr shows the path.
            record.request = _MaskedRequest(request)
        return True


class _MaskedRequest:
    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        value = getattr(self._request, name)
        return (
            mask_tokens(value)
            if name in {"path", "path_info"} and isinstance(value, str)
            else value
        )

    def __repr__(self) -> str:
        return mask_tokens(repr(self._request))

    def __str__(self) -> str:
        return mask_tokens(str(self._request))


try:  # gunicorn is an optional dependency ("server")
    from gunicorn.glogging import Logger as _GunicornBase
except ImportError:  # pragma: no cover - without gunicorn there is nothing to configure
    _GunicornBase = None

if _GunicornBase is not None:

    class GunicornLogger(_GunicornBase):
        """gunicorn's logger; every access-log atom (request line, path, referrer, headers,
        environment) is masked."""

        def atoms(self, resp, req, environ, request_time):
            atoms = super().atoms(resp, req, environ, request_time)
            for key, value in atoms.items():
                if isinstance(value, str):
                    atoms[key] = mask_tokens(value)
            return atoms
