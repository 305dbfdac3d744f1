"""Writes for clients' personal sign-in links: make (and e-mail), revoke, redeem."""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from doenvermogen.accounts.models import User
from doenvermogen.audit import events
from doenvermogen.audit.services import log_event
from doenvermogen.clientaccess.models import ClientAccessLink
from doenvermogen.core.idempotency import create_once


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def client_link_url(token: str) -> str:
    return settings.SITE_URL + reverse("accounts:client_link", kwargs={"token": token})


@transaction.atomic
def client_link_create(
    *,
    client,
    author: User,
    days: int | None = None,
    send_to_email: bool = False,
    idempotency_key: str = "",
) -> tuple[ClientAccessLink, str | None]:
    """Make a personal sign-in link; return it with its token (shown or sent once, never stored).

    Earlier links of the client stay valid until they expire or are revoked. Once per
    ``idempotency_key``: a double submit returns the first link and ``None`` for the token (it
    was only in the first answer).
    """
    tokens: list[str] = []

    def create(key: str | None) -> ClientAccessLink:
        tokens.append(secrets.token_urlsafe(32))
        return _client_link_make(
            client=client,
            author=author,
            token=tokens[-1],
            days=days,
            send_to_email=send_to_email,
            key=key,
        )

    link, created = create_once(
        ClientAccessLink, key=idempotency_key, scope={"client": client}, create=create
    )
    return link, tokens[-1] if created else None


def _client_link_make(
    *, client, author: User, token: str, days: int | None, send_to_email: bool, key: str | None
) -> ClientAccessLink:
    link = ClientAccessLink.objects.create(
        client=client,
        token_hash=_hash_token(token),
        created_by=author,
        expires_at=timezone.now() + datetime.timedelta(days=days or settings.CLIENT_LINK_DAYS),
        sent_to=client.email if send_to_email else "",
        idempotency_key=key,
    )
    if send_to_email and client.email:
        with override(client.preferred_language or "nl"):
            send_mail(
                subject=_("Your personal link to doenvermogen"),
                message=_(
                    "Hello %(name)s,\n\nWith this link you open your own page:\n%(url)s\n\n"
                    "The link works until %(date)s. Keep it for yourself.\n\n"
                    "Kind regards,\n%(author)s"
                )
                % {
                    "name": client.display_name,
                    "url": client_link_url(token),
                    "date": timezone.localtime(link.expires_at).strftime("%d-%m-%Y"),
                    "author": author.name or author.email,
                },
                from_email=None,
                recipient_list=[client.email],
            )
    log_event(events.CLIENT_LINK_CREATE, actor=author, client_id=client.pk, object_id=link.pk)
    return link


@transaction.atomic
def client_link_revoke(*, link: ClientAccessLink, author: User) -> ClientAccessLink:
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        log_event(
            events.CLIENT_LINK_REVOKE, actor=author, client_id=link.client_id, object_id=link.pk
        )
    return link


@transaction.atomic
def client_link_redeem(*, token: str) -> ClientAccessLink | None:
    """The link for a valid token, its client's user made on first use (``link.client.user``);
    None if invalid, expired or revoked. The session keeps the link (clientaccess.middleware)."""
    link = (
        ClientAccessLink.objects.select_for_update()
        .select_related("client")
        .filter(token_hash=_hash_token(token))
        .first()
    )
    if link is None or not link.is_usable():
        return None
    client = link.client
    user = client.user
    if user is None:
        user = User.objects.create_user(
            email=f"client-{client.pk}-{secrets.token_hex(4)}@clients.invalid",
            name=client.display_name,
            kind=User.Kind.CLIENT,
        )
        client.user = user
        client.save(update_fields=["user"])
    if not user.is_active:
        return None
    link.last_used_at = timezone.now()
    link.save(update_fields=["last_used_at"])
    log_event(events.CLIENT_SIGN_IN, actor=user, client_id=client.pk, object_id=link.pk)
    return link
