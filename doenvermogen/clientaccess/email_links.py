"""Client sign-in that fits a client's life: links in e-mails that open the client's own page.

A reminder e-mail carries its own signed token (``django.core.signing``): single-purpose (its own
salt), short-lived (``CLIENT_EMAIL_LINK_MAX_AGE``), made for one e-mail (``ref``) and bound to the
client and to their personal link. The token is only a pointer: at every use the personal link is
looked up again, so revoking or expiring that link (or deactivating the client) kills every e-mail
token made from it. A client's session lasts ``CLIENT_SESSION_DAYS`` (sliding; see
``clientaccess.session_length``); staff sessions stay short (``SESSION_COOKIE_AGE``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from doenvermogen.accounts.models import User
from doenvermogen.audit import events
from doenvermogen.audit.services import log_event
from doenvermogen.clientaccess.middleware import CLIENT_LINK_SESSION_KEY
from doenvermogen.clientaccess.models import ClientAccessLink

SALT = "doenvermogen.accounts.email-link.v1"
PURPOSE = "own-page"
SESSION_LINK_KEY = CLIENT_LINK_SESSION_KEY  # the session lives by this link
SESSION_REFRESHED_KEY = "dv_client_session_refreshed"


def usable_links(client_ids: Iterable[int]) -> dict[int, ClientAccessLink]:
    """Each client's usable personal link (the one that lasts longest), for many clients in one
    query: a batch of reminder e-mails does not look the link up per e-mail."""
    now = timezone.now()
    links: dict[int, ClientAccessLink] = {}
    for link in ClientAccessLink.objects.filter(
        client_id__in=list(client_ids), revoked_at__isnull=True, expires_at__gt=now
    ).order_by("client_id", "-expires_at"):
        links.setdefault(link.client_id, link)
    return links


def client_email_link_url(
    *, client, ref: str, links: Mapping[int, ClientAccessLink] | None = None
) -> str:
    """The address for one e-mail: signs the client in and opens their page.

    Without a usable personal link the e-mail gets the plain page address (which tells the client
    calmly to ask for a new link): an e-mail never outlives the link it was made from. ``links``:
    the clients' usable links looked up beforehand with `usable_links` (a batch of e-mails).
    """
    if links is None:
        links = usable_links([client.pk])
    link = links.get(client.pk)
    if link is None or client.user_id is None:
        return settings.SITE_URL + reverse("cases:my_page")
    token = signing.dumps({"c": client.pk, "l": link.pk, "p": PURPOSE, "r": ref[:40]}, salt=SALT)
    return settings.SITE_URL + reverse("accounts:client_email_link", kwargs={"token": token})


@transaction.atomic
def client_email_link_redeem(*, token: str) -> tuple[User, ClientAccessLink] | None:
    """The client's user and link for a valid e-mail token; ``None`` when anything is off."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.CLIENT_EMAIL_LINK_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    if not isinstance(data, dict) or data.get("p") != PURPOSE:
        return None
    link = (
        ClientAccessLink.objects.select_related("client__user")
        .filter(pk=data.get("l"), client_id=data.get("c"))
        .first()
    )
    if link is None or not link.is_usable():
        return None
    user = link.client.user
    if user is None or not user.is_active or not user.is_client:
        return None
    log_event(
        events.CLIENT_SIGN_IN,
        actor=user,
        client_id=link.client_id,
        object_id=link.pk,
        purpose="link in an e-mail",
    )
    return user, link


def client_session_start(request, link: ClientAccessLink | None = None) -> None:
    """After a client signed in: a session as long as is safe on a personal phone."""
    request.session.set_expiry(settings.CLIENT_SESSION_DAYS * 24 * 60 * 60)
    request.session[SESSION_REFRESHED_KEY] = int(timezone.now().timestamp())
    if link is not None:
        request.session[SESSION_LINK_KEY] = link.pk
