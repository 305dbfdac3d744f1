"""Staff sign in with e-mail and password (argon2, lockout); clients with a personal link."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from doenvermogen.accounts.models import User
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.clientaccess import services
from doenvermogen.clientaccess.models import ClientAccessLink

pytestmark = pytest.mark.django_db


def test_argon2_is_the_production_hasher():
    from doenvermogen.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("OwaspArgon2PasswordHasher")


PRODUCTION_HASHERS = [
    "doenvermogen.accounts.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]


def test_passwords_are_hashed_with_owasps_argon2id_parameters(settings):
    from django.contrib.auth.hashers import check_password, make_password

    settings.PASSWORD_HASHERS = PRODUCTION_HASHERS
    encoded = make_password("een-lang-wachtwoord")
    # argon2id, version 19, 19 MiB of memory, two passes, one lane (OWASP's first choice)
    assert encoded.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")
    assert check_password("een-lang-wachtwoord", encoded)
    assert not check_password("een-ander-wachtwoord", encoded)


def test_a_password_stored_with_djangos_heavier_defaults_still_signs_in_and_is_stored_again(
    client, make, settings
):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    settings.PASSWORD_HASHERS = PRODUCTION_HASHERS
    user = make.staff()
    old = Argon2PasswordHasher().encode("een-lang-wachtwoord", Argon2PasswordHasher().salt())
    assert "m=102400,t=2,p=8" in old
    User.objects.filter(pk=user.pk).update(password=old)
    response = client.post(
        reverse("accounts:login"),
        {"username": user.email, "password": "een-lang-wachtwoord"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert "m=19456,t=2,p=1" in user.password


def test_professional_signs_in_with_email_and_password(client, make):
    user = make.staff(password="een-lang-wachtwoord")
    response = client.post(
        reverse("accounts:login"),
        {"username": user.email.upper(), "password": "een-lang-wachtwoord"},
    )
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302  # to "my clients"


def test_wrong_password_keeps_email_and_says_what_to_do(client, make):
    user = make.staff(password="een-lang-wachtwoord")
    response = client.post(reverse("accounts:login"), {"username": user.email, "password": "nee"})
    body = response.content.decode()
    assert response.status_code == 200
    assert user.email in body  # what was typed is kept
    assert "do not match" in body or "komen niet overeen" in body


def test_lockout_after_repeated_failures(client, make):
    user = make.staff(password="een-lang-wachtwoord")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": user.email, "password": "fout"})
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": "een-lang-wachtwoord"}
    )
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_client_link_signs_in_and_is_logged(client, world):
    traj = world.traj_a
    link, token = services.client_link_create(client=traj.client, author=world.pro_a)
    assert link.token_hash != token and token not in link.token_hash
    response = client.get(reverse("accounts:client_link", args=[token]))
    assert response.status_code == 302 and response["Location"] == reverse("cases:my_page")
    page = client.get(reverse("cases:my_page")).content.decode()
    assert traj.client.display_name in page
    assert AccessLogEntry.objects.filter(
        event="client.sign_in", client_id=traj.client_id, action="view"
    ).exists()


def test_first_use_of_link_creates_client_account_without_password(client, make):
    team = make.team()
    traj = make.trajectory(team=team, name="Henk")
    _, token = services.client_link_create(client=traj.client, author=make.staff(team=team))
    client.get(reverse("accounts:client_link", args=[token]))
    traj.client.refresh_from_db()
    assert traj.client.user.kind == User.Kind.CLIENT
    assert not traj.client.user.has_usable_password()


def test_expired_and_revoked_links_do_not_work(client, world):
    link, token = services.client_link_create(client=world.traj_a.client, author=world.pro_a)
    link.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    link.save()
    response = client.get(reverse("accounts:client_link", args=[token]))
    assert response.status_code == 410
    link2, token2 = services.client_link_create(client=world.traj_a.client, author=world.pro_a)
    services.client_link_revoke(link=link2, author=world.pro_a)
    assert client.get(reverse("accounts:client_link", args=[token2])).status_code == 410
    assert client.get(reverse("accounts:client_link", args=["made-up"])).status_code == 410


def test_link_by_email(client, world):
    world.traj_a.client.email = "noor@example.org"
    world.traj_a.client.save()
    client.force_login(world.pro_a)
    response = client.post(
        reverse("accounts:client_link_create", args=[world.traj_a.pk]),
        {"send": "email"},
        follow=True,
    )
    assert response.status_code == 200
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["noor@example.org"]
    url = next(line for line in mail.outbox[0].body.splitlines() if "/l/" in line).strip()
    token = url.rstrip("/").rsplit("/", 1)[1]
    client.logout()
    assert client.get(reverse("accounts:client_link", args=[token])).status_code == 302


def test_link_page_shows_qr_code(client, world):
    client.force_login(world.pro_a)
    url = reverse("accounts:client_link_create", args=[world.traj_a.pk])
    key = {"idempotency_key": "link-form-key-1"}
    first = client.post(url, key)
    # The same form twice (a double click): one link, and both answers lead to the same page.
    second = client.post(url, key)
    link = ClientAccessLink.objects.get(client=world.traj_a.client)
    assert first["Location"] == second["Location"]
    assert first["Location"] == reverse(
        "accounts:client_link_show", args=[world.traj_a.pk, link.pk]
    )
    body = client.get(first["Location"]).content.decode()
    assert "<svg" in body and "/l/" in body
    # Shown once: the token is not kept after it was shown.
    again = client.get(first["Location"]).content.decode()
    assert "<svg" not in again and "/l/" not in again


def test_professional_of_other_team_cannot_make_or_revoke_link(client, world):
    client.force_login(world.pro_b)
    response = client.post(reverse("accounts:client_link_create", args=[world.traj_a.pk]))
    assert response.status_code == 404
    link, _ = services.client_link_create(client=world.traj_a.client, author=world.pro_a)
    client.post(reverse("accounts:client_link_revoke", args=[world.traj_b.pk, link.pk]))
    link.refresh_from_db()
    assert link.revoked_at is None


def test_client_page_opens_in_the_clients_preferred_language(client, world):
    noor = world.traj_a.client
    noor.preferred_language = "en"
    noor.save()
    _, token = services.client_link_create(client=noor, author=world.pro_a)
    response = client.get(reverse("accounts:client_link", args=[token]))
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Hello Noor" in client.get(reverse("cases:my_page")).content.decode()
