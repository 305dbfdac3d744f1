"""The access log is append-only, complete for reads and writes, and exportable per client."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from doenvermogen.audit.models import AccessLogEntry, AppendOnlyError
from doenvermogen.audit.services import access_log_write
from doenvermogen.cases import services

pytestmark = pytest.mark.django_db


def test_entries_cannot_be_changed_or_deleted(world):
    entry = access_log_write(
        actor=world.pro_a,
        client_id=1,
        object_type="client",
        object_id=1,
        action="view",
        purpose="x",
    )
    entry.purpose = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.update(purpose="x")


def test_services_write_the_log(world):
    client = world.traj_a.client
    services.consent_record(client=client, author=world.pro_a, purpose="psychoeducation")
    services.client_update(client=client, author=world.pro_a, phone="0612345678")
    actions = list(
        AccessLogEntry.objects.filter(client_id=client.pk).values_list("object_type", "action")
    )
    assert ("consent", "create") in actions and ("client", "update") in actions


def test_page_views_are_logged_with_purpose(client, world):
    client.force_login(world.pro_a)
    client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))
    # (Sections of other apps on the page log their own reads next to this one.)
    assert AccessLogEntry.objects.filter(
        actor=world.pro_a,
        action="view",
        object_type="trajectory",
        client_id=world.traj_a.client_id,
        purpose="trajectory page",
    ).exists()


def test_administrator_exports_csv_for_one_client(client, world):
    client.force_login(world.pro_a)
    client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))
    client.force_login(world.admin)
    found = client.get(reverse("audit:search"), {"q": "noo"}).content.decode()
    assert "Noor" in found and "Karel" not in found
    response = client.get(reverse("audit:export", args=[world.traj_a.client_id]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["when", "who", "action", "object", "object_id", "purpose"]
    assert any(r[1] == world.pro_a.email and r[2] == "view" for r in rows[1:])
    # The export itself is in the log, so the next export shows it.
    assert AccessLogEntry.objects.filter(
        actor=world.admin, action="export", client_id=world.traj_a.client_id
    ).exists()


def test_administrator_of_other_organisation_cannot_export(client, world, make):
    other_admin = make.staff(role="administrator", organisation=world.other_org)
    client.force_login(other_admin)
    assert client.get(reverse("audit:export", args=[world.traj_a.client_id])).status_code == 404


def test_professional_cannot_export(client, world):
    client.force_login(world.pro_a)
    assert client.get(reverse("audit:export", args=[world.traj_a.client_id])).status_code == 403
