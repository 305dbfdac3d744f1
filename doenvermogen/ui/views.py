"""Home: send each kind of user to where their work starts."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

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
