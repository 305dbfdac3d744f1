"""Sign-in for staff, sign-in links for clients (make, show as QR code, revoke, redeem)."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.accounts import email_links, services
from doenvermogen.accounts.forms import EmailAuthenticationForm
from doenvermogen.accounts.models import ClientAccessLink
from doenvermogen.cases.selectors import trajectory_get_for_user
from doenvermogen.ui.decorators import staff_required


class SignInView(auth_views.LoginView):
    form_class = EmailAuthenticationForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get(self, request, *args, **kwargs):
        # A client whose session ended never sees the staff sign-in: a calm page instead.
        if not request.user.is_authenticated and _is_client_path(request.GET.get("next", "")):
            return render(request, "accounts/client_new_link.html")
        return super().get(request, *args, **kwargs)


def _is_client_path(path: str) -> bool:
    from django.urls import reverse

    return path.startswith(reverse("cases:my_page"))


def client_link(request, token: str):
    """A client opens their personal link: sign in and go to their own page."""
    user = services.client_link_redeem(token=token)
    if user is None:
        return render(request, "accounts/link_invalid.html", status=410)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    email_links.client_session_start(request)
    response = redirect("cases:my_page")
    # The client's own page opens in the language the client prefers (they can still switch).
    language = user.client_profile.preferred_language
    if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) is None:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite="Lax",
        )
    return response


@require_POST
@login_required
@staff_required
def client_link_create(request, trajectory_id: int):
    trajectory = trajectory_get_for_user(
        user=request.user, trajectory_id=trajectory_id, purpose="make sign-in link"
    )
    send = request.POST.get("send") == "email" and bool(trajectory.client.email)
    link, token = services.client_link_create(
        client=trajectory.client, author=request.user, send_to_email=send
    )
    url = services.client_link_url(token)
    qr_svg = segno.make(url, error="m").svg_inline(scale=5, dark="#000", light="#fff")
    if send:
        messages.success(
            request, _("The link has been sent to %(email)s.") % {"email": trajectory.client.email}
        )
    return render(
        request,
        "accounts/link_created.html",
        {"trajectory": trajectory, "link": link, "url": url, "qr_svg": qr_svg, "sent": send},
    )


@require_POST
@login_required
@staff_required
def client_link_revoke(request, trajectory_id: int, link_id: int):
    trajectory = trajectory_get_for_user(
        user=request.user, trajectory_id=trajectory_id, purpose="revoke sign-in link"
    )
    link = get_object_or_404(ClientAccessLink, pk=link_id, client=trajectory.client)
    services.client_link_revoke(link=link, author=request.user)
    messages.success(request, _("The link no longer works."))
    return redirect("cases:trajectory_detail", trajectory_id=trajectory.pk)


def client_email_link(request, token: str):
    """The link in a reminder e-mail: sign the client in and open their page, or a calm page."""
    found = email_links.client_email_link_redeem(token=token)
    if found is None:
        return render(request, "accounts/client_new_link.html", status=410)
    user, link = found
    if request.user.is_authenticated and request.user != user:
        logout(request)
    if not request.user.is_authenticated:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    email_links.client_session_start(request, link)
    return redirect("cases:my_page")
