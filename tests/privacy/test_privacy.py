"""The client's rights: inzage (JSON + PDF), ending a trajectory, erasure, the register."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from doenvermogen.accounts.models import Membership
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.models import Client, Trajectory
from doenvermogen.clientaccess.models import ClientAccessLink
from doenvermogen.clientaccess.services import client_link_create
from doenvermogen.goals import services as goal_services
from doenvermogen.goals.models import GoalPlan, Step
from doenvermogen.privacy import register
from doenvermogen.privacy.models import ErasureRecord, RetentionPolicy
from doenvermogen.privacy.selectors import clients_due_for_erasure
from doenvermogen.privacy.services import erase_due
from doenvermogen.reminders import services as reminder_services
from doenvermogen.reminders.models import Appointment

pytestmark = pytest.mark.django_db


@pytest.fixture
def noor(world):
    """Noor's trajectory with a goal plan, a step and an appointment."""
    traj = world.traj_a
    traj.client.email = "noor@example.org"
    traj.client.phone = "0612345678"
    traj.client.save()
    plan = goal_services.goal_plan_create(
        trajectory=traj, author=world.pro_a, goal="Mijn post bijhouden", why="Rust in mijn hoofd"
    )
    goal_services.step_add(plan=plan, author=world.pro_a, text="Zaterdag de post openen")
    reminder_services.appointment_create(
        trajectory=traj,
        author=world.pro_a,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        place="Wijkcentrum De Boog",
    )
    client_link_create(client=traj.client, author=world.pro_a)
    return traj


def _end(trajectory: Trajectory, *, days_ago: int) -> None:
    today = timezone.localdate()
    Trajectory.objects.filter(pk=trajectory.pk).update(
        started_on=today - datetime.timedelta(days=400),
        ended_on=today - datetime.timedelta(days=days_ago),
    )


def test_client_downloads_everything_as_json(client, world, noor):
    client.force_login(noor.client.user)
    response = client.get(reverse("privacy:my_data_json"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    text = json.dumps(data, ensure_ascii=False)
    for expected in ["Noor", "noor@example.org", "Mijn post bijhouden", "Zaterdag de post openen"]:
        assert expected in text
    assert "Wijkcentrum De Boog" in text
    assert "token_hash" not in text and "idempotency" not in text
    assert data["access_log"], "the export says who looked at the data"
    rows = AccessLogEntry.objects.filter(event="personal_data.export", client_id=noor.client_id)
    assert rows.count() == 1


def test_client_downloads_a_readable_pdf(client, world, noor):
    client.force_login(noor.client.user)
    page = client.get(reverse("cases:my_page"))
    assert reverse("privacy:my_data_pdf") in page.content.decode()
    response = client.get(reverse("privacy:my_data_pdf"))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "Mijn post bijhouden" in text
    assert "Wat we over u bewaren" in text or "What we keep about you" in text


def test_professional_makes_the_download_on_request_and_others_cannot(client, world, noor):
    client.force_login(world.pro_a)
    url = reverse("privacy:client_data_json", args=[noor.client_id])
    assert client.get(url).status_code == 200
    assert AccessLogEntry.objects.filter(
        event="personal_data.export_request", client_id=noor.client_id, actor=world.pro_a
    ).exists()
    client.force_login(world.pro_b)
    assert client.get(url).status_code == 404
    assert AccessLogEntry.objects.filter(
        event="personal_data.export_request", action="denied", actor=world.pro_b
    ).exists()


def test_administrator_answers_a_request_from_the_access_log_search(client, world, noor):
    client.force_login(world.admin)
    search = client.get(reverse("audit:search"), {"q": "Noor"})
    url = reverse("privacy:administrator_client_data_json", args=[noor.client_id])
    assert url.replace(".json", ".pdf") in search.content.decode()
    assert "Mijn post bijhouden" in client.get(url).content.decode()
    assert AccessLogEntry.objects.filter(
        event="personal_data.export_request", actor=world.admin, client_id=noor.client_id
    ).exists()
    client.force_login(world.pro_a)
    assert client.get(url).status_code == 403


def test_professional_ends_a_trajectory(client, world, noor):
    client.force_login(world.pro_a)
    url = reverse("privacy:trajectory_end", args=[noor.pk])
    client.post(url, {"ended_on": "1999-01-01"})
    noor.refresh_from_db()
    assert noor.ended_on is None  # before the start: refused
    client.post(url, {"ended_on": timezone.localdate().isoformat()})
    noor.refresh_from_db()
    assert noor.ended_on == timezone.localdate()


def test_nothing_is_erased_while_a_trajectory_runs(world, noor):
    RetentionPolicy.objects.create(organisation=world.org, category=register.CASE_WORK, days=0)
    assert erase_due() == []


def test_erasure_after_retention_keeps_the_access_log_and_anonymised_counts(
    client, world, noor, settings
):
    client.force_login(world.pro_a)
    client.get(reverse("cases:trajectory_detail", args=[noor.pk]))
    looked = AccessLogEntry.objects.filter(client_id=noor.client_id, actor=world.pro_a).count()
    assert looked
    _end(noor, days_ago=10)
    for category in register.CATEGORIES:
        RetentionPolicy.objects.create(organisation=world.org, category=category, days=5)
    # Another client whose trajectory ended yesterday stays untouched.
    other = world.traj_b
    _end(other, days_ago=1)

    call_command("privacy_retention")  # enqueues; the test backend runs the task at once

    client_row = Client.objects.get(pk=noor.client_id)
    assert client_row.display_name == "—" and client_row.email == "" and client_row.phone == ""
    assert not client_row.user.is_active
    plan = GoalPlan.objects.get(trajectory=noor)
    assert plan.goal == "—" and plan.why == ""
    assert Step.objects.filter(plan=plan, text="—").count() == 1  # counted, without the words
    assert not Appointment.objects.filter(trajectory=noor).exists()
    assert not ClientAccessLink.objects.filter(client_id=noor.client_id).exists()
    assert Trajectory.objects.filter(pk=noor.pk).exists()
    # The access log still shows who looked before, and says the data were erased.
    assert (
        AccessLogEntry.objects.filter(client_id=noor.client_id, actor=world.pro_a).count() == looked
    )
    assert AccessLogEntry.objects.filter(
        client_id=noor.client_id, event="personal_data.erase", origin="worker"
    ).count() == len(register.CATEGORIES)
    assert Client.objects.get(pk=other.client_id).display_name == "Karel"
    # Idempotent: nothing is due any more.
    assert clients_due_for_erasure() == []
    assert ErasureRecord.objects.filter(client_id=noor.client_id).count() == 4


def test_default_retention_waits(world, noor):
    _end(noor, days_ago=30)
    due = clients_due_for_erasure()
    # Sign-in ways go at once (0 days); planning after 90 days; the work after 2 years.
    assert due == [(noor.client_id, register.SIGN_IN)]


def test_every_model_with_client_data_is_in_the_register():
    """A new model that points at a client must be added to privacy.register (and so erased)."""
    registered = {e.model for e in register.REGISTER}
    exempt = {"audit.AccessLogEntry", "privacy.ErasureRecord"}

    def reaches_client(model, depth=0) -> bool:
        if model._meta.label == "cases.Client":
            return True
        if depth > 4:
            return False
        return any(
            f.many_to_one and f.related_model and reaches_client(f.related_model, depth + 1)
            for f in model._meta.concrete_fields
            if f.is_relation and f.related_model._meta.label != "accounts.User"
        )

    missing = [
        m._meta.label
        for m in apps.get_models()
        if m.__module__.startswith("doenvermogen")
        and m._meta.label not in registered | exempt
        and reaches_client(m)
        and m._meta.label not in {"accounts.Organisation", "accounts.Team"}
    ]
    assert missing == []
    for entry in register.REGISTER:
        model = entry.model_class
        assert model._default_manager.filter(**entry.client_filter(1)).query is not None


def test_administrator_sees_the_register(client, world):
    client.force_login(world.admin)
    response = client.get(reverse("privacy:register"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "730" in body and "90" in body
    client.force_login(world.pro_a)
    assert client.get(reverse("privacy:register")).status_code == 403
    assert Membership.Role.ADMINISTRATOR
