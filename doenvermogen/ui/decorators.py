"""View decorators that turn away the wrong kind of user before any client data is read."""

from __future__ import annotations

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from doenvermogen.accounts.selectors import user_has_role


def staff_required(view):
    """Only staff (not clients). Clients are sent to their own page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.user.is_client:
            return redirect("cases:my_page")
        return view(request, *args, **kwargs)

    return wrapper


def role_required(*roles: str):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not user_has_role(request.user, *roles):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def client_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_client:
            return redirect("ui:home")
        return view(request, *args, **kwargs)

    return wrapper
