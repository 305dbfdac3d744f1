"""Single sign-on pages: start at a provider, come back (callback), sign out at the provider too;
the client's "sign in with DigiD" page; a professional links or unlinks a client's DigiD.

The protocol work (state, nonce, PKCE, code exchange) is mozilla-django-oidc's; these views only
choose the provider and turn a refusal into a page that says what to do.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qs, urlencode, urlparse

import requests
from django.contrib import auth, messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.http import require_POST
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from doenvermogen.accounts.models import Membership
from doenvermogen.accounts.selectors import user_has_role
from doenvermogen.audit import events
from doenvermogen.cases.selectors import access_trajectory
from doenvermogen.sso import selectors, services
from doenvermogen.sso.backends import REQUEST_ATTRIBUTE, ProviderSettingsMixin
from doenvermogen.sso.bsn import bsn_is_valid
from doenvermogen.sso.forms import BsnForm
from doenvermogen.sso.middleware import SESSION_LOGOUT_ORIGIN, origin_of
from doenvermogen.sso.models import IdentityProvider
from doenvermogen.ui.decorators import staff_required

logger = logging.getLogger(__name__)

SESSION_STATES = "dv_sso_states"
SESSION_PROVIDER = "dv_sso_provider"


class StartView(ProviderSettingsMixin, OIDCAuthenticationRequestView):
    """Send the browser to the provider with state, nonce and a PKCE challenge."""

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        self.provider = selectors.provider_enabled_by_slug(slug)
        if self.provider is None:
            raise Http404("No such sign-in")
        self.OIDC_OP_AUTH_ENDPOINT = self.provider.authorization_endpoint
        self.OIDC_RP_CLIENT_ID = self.provider.client_id
        response = super().get(request)
        state = parse_qs(urlparse(response["Location"]).query)["state"][0]
        states = request.session.get(SESSION_STATES) or {}
        states = dict(list(states.items())[-20:])
        states[state] = self.provider.pk
        request.session[SESSION_STATES] = states
        return response


class CallbackView(ProviderSettingsMixin, OIDCAuthenticationCallbackView):
    """The provider sends the browser back here with a code; exchange it and sign in."""

    def get(self, request: HttpRequest) -> HttpResponse:
        states = request.session.get(SESSION_STATES) or {}
        provider_id = states.pop(request.GET.get("state", ""), None)
        request.session[SESSION_STATES] = states
        self.provider = selectors.provider_enabled_by_id(provider_id)
        if self.provider is None:
            return self._refused(_("This sign-in has expired. Please start again."))
        setattr(request, REQUEST_ATTRIBUTE, self.provider)
        try:
            return super().get(request)
        except SuspiciousOperation:
            return self.login_failure()
        except requests.RequestException:
            logger.warning("identity provider %s unreachable", self.provider.slug, exc_info=True)
            return self._refused(
                _("The sign-in service cannot be reached right now. Try again in a few minutes.")
            )

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        self.request.session[SESSION_PROVIDER] = self.provider.pk
        logout_origin = origin_of(self.provider.end_session_endpoint)
        if logout_origin:  # "Uitloggen" may then redirect there (CSP form-action)
            self.request.session[SESSION_LOGOUT_ORIGIN] = logout_origin
        return response

    def login_failure(self) -> HttpResponse:
        reason = getattr(self.request, "dv_sso_refused", None) or _(
            "Signing in did not work. Please start again."
        )
        return self._refused(reason)

    def _refused(self, reason) -> HttpResponse:
        for_clients = self.provider is not None and self.provider.is_for_clients
        return render(
            self.request,
            "sso/refused.html",
            {"reason": reason, "for_clients": for_clients},
            status=403,
        )


def logout(request: HttpRequest) -> HttpResponse:
    """Sign out here, and at the provider when the session came from one."""
    if request.method != "POST":
        return auth_views.LogoutView.as_view()(request)
    provider = selectors.provider_enabled_by_id(request.session.get(SESSION_PROVIDER))
    if provider is None or not provider.end_session_endpoint or not request.user.is_authenticated:
        return auth_views.LogoutView.as_view()(request)
    params = {
        "client_id": provider.client_id,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("accounts:login")),
    }
    id_token = request.session.get("oidc_id_token")
    if id_token:
        params["id_token_hint"] = id_token
    auth.logout(request)
    return redirect(f"{provider.end_session_endpoint}?{urlencode(params)}")


def client_sign_in(request: HttpRequest) -> HttpResponse:
    """For clients: sign in with DigiD (when an organisation has switched it on)."""
    providers = list(selectors.providers_enabled(purpose=IdentityProvider.Purpose.CLIENT))
    return render(request, "sso/client_sign_in.html", {"providers": providers})


@require_POST
@login_required
@staff_required
def digid_link(request: HttpRequest, trajectory_id: int) -> HttpResponse:
    unlink = bool(request.POST.get("unlink"))
    event = events.CLIENT_DIGID_UNLINK if unlink else events.CLIENT_DIGID_LINK
    ctx = access_trajectory(user=request.user, trajectory_id=trajectory_id, event=event)
    form = BsnForm(request.POST)
    if unlink:
        services.client_identity_unlink(client=ctx.client, author=request.user)
        messages.success(request, _("DigiD is no longer linked."))
    elif form.is_valid() and bsn_is_valid(form.cleaned_data["bsn"]):
        services.client_identity_link(
            client=ctx.client, bsn=form.cleaned_data["bsn"], author=request.user
        )
        messages.success(request, _("DigiD is linked. The number itself is not kept."))
    else:
        messages.error(
            request, _("This is not a valid citizen service number (BSN). Check the 9 digits.")
        )
    return redirect("cases:trajectory_detail", trajectory_id=ctx.trajectory.pk)


@login_required
@staff_required
def providers(request: HttpRequest) -> HttpResponse:
    """For an organisation's administrator: switch single sign-on and DigiD on or off."""
    available = selectors.providers_for_administrator(request.user)
    if not available and not user_has_role(request.user, Membership.Role.ADMINISTRATOR):
        raise PermissionDenied
    if request.method == "POST":
        provider = next((p for p in available if str(p.pk) == request.POST.get("provider")), None)
        if provider is None:
            raise PermissionDenied
        enabled = request.POST.get("enabled") == "1"
        services.provider_set_enabled(provider=provider, enabled=enabled)
        if enabled:
            messages.success(request, _("%(name)s is switched on.") % {"name": provider.name})
        else:
            messages.success(request, _("%(name)s is switched off.") % {"name": provider.name})
        return redirect("sso:providers")
    return render(request, "sso/providers.html", {"providers": available})
