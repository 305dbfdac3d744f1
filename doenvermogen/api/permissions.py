"""Scopes per resource: a view names its resource; GET needs ``<resource>:read``, a write
``<resource>:write`` (a POST that stores nothing sets ``scope_mode = "read"``)."""

from __future__ import annotations

from rest_framework import permissions

from doenvermogen.api.models import ApiToken


class HasScope(permissions.BasePermission):
    message = "This token has no scope for this."

    def has_permission(self, request, view) -> bool:
        token = request.auth
        if not isinstance(token, ApiToken):
            return False
        resource = getattr(view, "resource", None)
        if resource is None:
            return False
        mode = "read" if request.method in permissions.SAFE_METHODS else "write"
        # A calculation that stores nothing (a letter, an anonymous money check) is a read.
        mode = getattr(view, "scope_mode", None) or mode
        return f"{resource}:{mode}" in (token.scopes or [])
