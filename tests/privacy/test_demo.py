"""The demo of issue 15: a local identity provider to switch on, an API token that reads Noor's
goal plan and writes a step, Henk (ended, retention 0 days) anonymised by the worker's task while
the access log keeps who looked before."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.test import APIClient

from doenvermogen.api.demo import DEMO_TOKEN
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.models import Client
from doenvermogen.clientaccess.services import client_link_create
from doenvermogen.sso.models import ClientIdentity, IdentityProvider

pytestmark = pytest.mark.django_db


def test_demo(client):
    call_command("load_demo_data")
    assert IdentityProvider.objects.filter(slug="lokaal", enabled=False).exists()
    noor = Client.objects.get(display_name="Noor")
    assert ClientIdentity.objects.filter(client=noor).exists()

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {DEMO_TOKEN}")
    plans = api.get("/api/v1/goal-plans/").json()["results"]
    noor_plan = next(p for p in plans if p["trajectory"] == noor.trajectories.get().pk)
    response = api.post(
        f"/api/v1/goal-plans/{noor_plan['id']}/steps/", {"text": "Post in de map"}, format="json"
    )
    assert response.status_code == 201
    # ... and it is on Noor's page (her phone).
    _link, secret = client_link_create(
        client=noor, author=noor.trajectories.get().involvements.first().professional
    )
    client.get(reverse("accounts:client_link", args=[secret]))
    assert "Post in de map" in client.get(reverse("cases:my_page")).content.decode()
    # Noor downloads her data.
    assert b"Post in de map" in client.get(reverse("privacy:my_data_json")).content

    henk = Client.objects.get(display_name="Henk")
    call_command("privacy_retention")
    henk.refresh_from_db()
    assert henk.display_name == "—"
    assert AccessLogEntry.objects.filter(
        client_id=henk.pk, actor_label="Pieter de Vries", event="trajectory.view"
    ).exists()
    assert Client.objects.get(pk=noor.pk).display_name == "Noor"
