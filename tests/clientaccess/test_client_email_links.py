"""Client sign-in that fits a client's life: the link in a reminder e-mail opens the page, a
client's session lasts long on their phone (staff stays short), never the staff sign-in."""

from __future__ import annotations

import datetime
import re

import pytest
from django.conf import settings
from django.core import mail, signing
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from doenvermogen.cases.models import Consent
from doenvermogen.cases.services import consent_record
from doenvermogen.clientaccess import email_links, services
from doenvermogen.clientaccess.email_links import SESSION_REFRESHED_KEY
from doenvermogen.reminders import services as reminder_services

pytestmark = pytest.mark.django_db


@pytest.fixture
def noor(world):
    client = world.traj_a.client
    client.email = "noor@example.org"
    client.save()
    consent_record(client=client, author=world.pro_a, purpose=Consent.Purpose.REMINDERS)
    link, _token = services.client_link_create(client=client, author=world.pro_a)
    return client, link


def _reminder_email_link(noor, world) -> str:
    reminder = reminder_services.reminder_create(
        trajectory=world.traj_a,
        author=world.pro_a,
        title="Post openen",
        starts_at=timezone.now() + datetime.timedelta(minutes=1),
    )
    delivery = reminder.deliveries.get()
    mail.outbox.clear()
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert reminder_services.delivery_send(delivery_id=delivery.pk, now=later) == "sent"
    body = mail.outbox[0].body
    found = re.search(r"(https?://\S+/m/\S+/)", body)
    assert found, body
    return found.group(1).split("//", 1)[1].split("/", 1)[1]  # the path


def test_the_link_in_a_reminder_email_opens_the_clients_page(noor, world, client):
    path = "/" + _reminder_email_link(noor, world)
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == reverse("cases:my_page")
    assert client.get(reverse("cases:my_page")).status_code == 200
    assert client.session.get_expiry_age() == settings.CLIENT_SESSION_DAYS * 24 * 60 * 60


def test_each_email_has_its_own_token(noor, world):
    client_obj, _link = noor
    one = email_links.client_email_link_url(client=client_obj, ref="delivery-1")
    two = email_links.client_email_link_url(client=client_obj, ref="delivery-2")
    assert one != two and "/m/" in one


def test_revoking_the_personal_link_kills_the_email_link(noor, world, client):
    client_obj, link = noor
    path = "/" + _reminder_email_link(noor, world)
    services.client_link_revoke(link=link, author=world.pro_a)
    response = client.get(path)
    assert response.status_code == 410
    assert "Vraag je hulpverlener om een nieuwe link" in response.content.decode()
    assert client.get(reverse("cases:my_page")).status_code == 302  # not signed in


def test_an_old_or_forged_email_link_does_not_sign_in(noor, world, client):
    client_obj, link = noor
    path = "/" + _reminder_email_link(noor, world)
    with override_settings(CLIENT_EMAIL_LINK_MAX_AGE=-1):
        assert client.get(path).status_code == 410
    other_purpose = signing.dumps(
        {"c": client_obj.pk, "l": link.pk, "p": "own-page", "r": "x"}, salt="something-else"
    )
    assert (
        client.get(reverse("accounts:client_email_link", args=[other_purpose])).status_code == 410
    )
    wrong_client = signing.dumps(
        {"c": world.traj_b.client.pk, "l": link.pk, "p": "own-page", "r": "x"},
        salt=email_links.SALT,
    )
    assert client.get(reverse("accounts:client_email_link", args=[wrong_client])).status_code == 410


def test_without_a_usable_link_the_email_has_the_plain_page_address(world):
    client_obj = world.traj_a.client
    url = email_links.client_email_link_url(client=client_obj, ref="delivery-1")
    assert url.endswith(reverse("cases:my_page"))


def test_a_client_never_sees_the_staff_sign_in(client):
    response = client.get(reverse("cases:my_page"), follow=True)
    body = response.content.decode()
    assert "Vraag je hulpverlener om een nieuwe link" in body
    assert 'name="password"' not in body


def test_client_session_is_long_and_sliding_staff_session_short(noor, world, client):
    _client_obj, _link = noor
    _link2, token = services.client_link_create(client=world.traj_a.client, author=world.pro_a)
    client.get(reverse("accounts:client_link", args=[token]))
    day = 24 * 60 * 60
    assert client.session.get_expiry_age() == settings.CLIENT_SESSION_DAYS * day
    session = client.session
    session[SESSION_REFRESHED_KEY] = 0  # long ago
    session.set_expiry(60)
    session.save()
    client.get(reverse("cases:my_page"))
    assert client.session.get_expiry_age() == settings.CLIENT_SESSION_DAYS * day  # slid on
    staff = type(client)()
    staff.force_login(world.pro_a)
    staff.get(reverse("cases:my_clients"))
    assert staff.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 12 * 60 * 60
