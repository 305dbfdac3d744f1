"""Home: send each kind of user to where their work starts; the site's icon."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from doenvermogen.accounts.models import Membership
from doenvermogen.accounts.selectors import team_ids_for_user, user_has_role

Role = Membership.Role


@login_required
def home(request):
    user = request.user
    if user.is_client:
        return redirect("cases:my_page")
    if team_ids_for_user(user):
        return redirect("cases:my_clients")
    if user_has_role(user, Role.ADMINISTRATOR):
        return redirect("audit:search")
    return render(request, "ui/home.html")


_FAVICON: bytes | None = None


@require_GET
@cache_control(max_age=60 * 60 * 24 * 7, public=True)
def favicon(request):
    """``/favicon.ico``: our own small icon (browsers ask for it whatever the page says)."""
    global _FAVICON
    if _FAVICON is None:
        with open(finders.find("ui/favicon.ico"), "rb") as file:
            _FAVICON = file.read()
    return HttpResponse(_FAVICON, content_type="image/x-icon")
