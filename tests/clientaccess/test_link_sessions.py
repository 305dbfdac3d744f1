"""A client's session ends when the personal link it was opened with is revoked or expires; the
links in the client's e-mails follow the same rule."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from doenvermogen.cases.models import Consent
from doenvermogen.cases.services import consent_record
from doenvermogen.clientaccess.middleware import CLIENT_LINK_SESSION_KEY
from doenvermogen.clientaccess.services import client_link_create, client_link_revoke
from doenvermogen.reminders import services as reminder_services
from doenvermogen.reminders.models import Delivery

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _links_required(settings):
    settings.CLIENT_SESSIONS_REQUIRE_LINK = True  # as in production


def _sign_in(client, world):
    link, token = client_link_create(client=world.traj_a.client, author=world.pro_a)
    response = client.get(reverse("accounts:client_link", args=[token]))
    assert response.status_code == 302
    assert client.session[CLIENT_LINK_SESSION_KEY] == link.pk
    assert client.get(reverse("cases:my_page")).status_code == 200
    return link


def test_revoking_the_link_ends_its_session(client, world):
    link = _sign_in(client, world)
    client_link_revoke(link=link, author=world.pro_a)
    response = client.get(reverse("cases:my_page"))
    assert response.status_code == 410
    assert "no longer works" in response.content.decode() or "werkt niet meer" in (
        response.content.decode()
    )
    # The session is gone, not just refused once: the next request is anonymous.
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("cases:my_page")).status_code == 302


def test_an_expired_link_ends_its_session(client, world):
    link = _sign_in(client, world)
    link.expires_at = timezone.now() - datetime.timedelta(seconds=1)
    link.save()
    assert client.get(reverse("cases:my_page")).status_code == 410


def test_another_working_link_does_not_keep_a_revoked_session_alive(client, world):
    first = _sign_in(client, world)
    client_link_create(client=world.traj_a.client, author=world.pro_a)  # a second, working link
    client_link_revoke(link=first, author=world.pro_a)
    assert client.get(reverse("cases:my_page")).status_code == 410


def test_a_client_session_without_a_link_is_refused(client, world):
    client.force_login(world.traj_a.client.user)
    assert client.get(reverse("cases:my_page")).status_code == 410


def test_staff_sessions_are_not_affected(client, world):
    client.force_login(world.pro_a)
    url = reverse("cases:trajectory_detail", args=[world.traj_a.pk])
    assert client.get(url).status_code == 200


def test_the_reminder_email_link_follows_the_same_rule(client, world, make):
    """A reminder e-mail's link opens the client's page only within a working link's session."""
    traj = world.traj_a
    traj.client.email = "noor@example.org"
    traj.client.save()
    consent_record(client=traj.client, author=world.pro_a, purpose=Consent.Purpose.REMINDERS)
    reminder = reminder_services.reminder_create(
        trajectory=traj,
        author=world.pro_a,
        title="Post openen",
        starts_at=timezone.now() + datetime.timedelta(seconds=5),
    )
    delivery = reminder.deliveries.get()
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    reminder_services.delivery_send(
        delivery_id=delivery.pk, now=timezone.now() + datetime.timedelta(seconds=10)
    )
    body = mail.outbox[-1].body
    url = re.search(r"https?://\S+", body).group(0)
    path = url.split("://", 1)[1].split("/", 1)[1]
    path = "/" + path

    link = _sign_in(client, world)
    assert client.get(path).status_code == 200
    client_link_revoke(link=link, author=world.pro_a)
    assert client.get(path).status_code == 410
    assert client.get(path).status_code == 302  # to the sign-in page: no way in without a link
