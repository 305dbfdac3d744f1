"""Clients' personal sign-in links: redeem (the client signs in), make, show as QR code, revoke."""

from __future__ import annotations

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from doenvermogen.audit import events
from doenvermogen.cases.selectors import access_trajectory
from doenvermogen.clientaccess import email_links, services
from doenvermogen.clientaccess.middleware import CLIENT_LINK_SESSION_KEY
from doenvermogen.clientaccess.models import ClientAccessLink
from doenvermogen.core.idempotency import clean_key
from doenvermogen.ui.decorators import staff_required


def client_link(request, token: str):
    """A client opens their personal link: sign in and go to their own page."""
    request.no_store = True  # the answer to a personal link is never cached
    link = services.client_link_redeem(token=token)
    if link is None:
        return render(request, "clientaccess/link_invalid.html", status=410)
    user = link.client.user
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    # The session lasts as long as this link works (clientaccess.middleware).
    request.session[CLIENT_LINK_SESSION_KEY] = link.pk
    email_links.client_session_start(request, link)
    response = redirect("cases:my_page")
    # The client's own page opens in the language the client prefers (they can still switch).
    language = user.client_profile.preferred_language
    if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) is None:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        )
    return response


def _shown_token_key(link_id: int) -> str:
    return f"dv_link_token_{link_id}"


@require_POST
@login_required
@staff_required
def client_link_create(request, trajectory_id: int):
    """Make a link, then show it on a page of its own (so a double submit shows it once)."""
    ctx = access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.CLIENT_LINK_CREATE
    )
    send = request.POST.get("send") == "email" and bool(ctx.client.email)
    link, token = services.client_link_create(
        client=ctx.client,
        author=request.user,
        send_to_email=send,
        idempotency_key=clean_key(request.POST.get("idempotency_key")),
    )
    if token is not None:
        # Kept in the session only until the next page shows it (never in the database or logs).
        request.session[_shown_token_key(link.pk)] = token
        if send:
            messages.success(
                request, _("The link has been sent to %(email)s.") % {"email": ctx.client.email}
            )
    return redirect("accounts:client_link_show", trajectory_id=ctx.trajectory.pk, link_id=link.pk)


@login_required
@staff_required
def client_link_show(request, trajectory_id: int, link_id: int):
    """The link just made, once: as a QR code and as text."""
    ctx = access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.CLIENT_LINK_VIEW
    )
    link = ctx.load(ClientAccessLink.objects.all(), link_id, client_path="client")
    token = request.session.pop(_shown_token_key(link.pk), None)
    url = services.client_link_url(token) if token else ""
    qr_svg = (
        segno.make(url, error="m").svg_inline(scale=5, dark="#000", light="#fff") if url else ""
    )
    return render(
        request,
        "clientaccess/link_created.html",
        {
            "trajectory": ctx.trajectory,
            "link": link,
            "url": url,
            "qr_svg": qr_svg,
            "sent": bool(link.sent_to),
        },
    )


@require_POST
@login_required
@staff_required
def client_link_revoke(request, trajectory_id: int, link_id: int):
    ctx = access_trajectory(
        user=request.user, trajectory_id=trajectory_id, event=events.CLIENT_LINK_REVOKE
    )
    link = ctx.load(ClientAccessLink.objects.all(), link_id, client_path="client")
    services.client_link_revoke(link=link, author=request.user)
    messages.success(request, _("The link no longer works."))
    return redirect("cases:trajectory_detail", trajectory_id=ctx.trajectory.pk)


def client_email_link(request, token: str):
    """The link in a reminder e-mail: sign the client in and open their page, or a calm page."""
    request.no_store = True
    found = email_links.client_email_link_redeem(token=token)
    if found is None:
        return render(request, "clientaccess/client_new_link.html", status=410)
    user, link = found
    if request.user.is_authenticated and request.user != user:
        logout(request)
    if not request.user.is_authenticated:
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    email_links.client_session_start(request, link)
    return redirect("cases:my_page")
