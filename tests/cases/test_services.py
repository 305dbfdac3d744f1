"""Services for clients, trajectories, involvements and consents, and the forms around them."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from doenvermogen.accounts.models import Membership, Organisation
from doenvermogen.cases import services
from doenvermogen.cases.models import Client, Consent, Involvement, Trajectory

pytestmark = pytest.mark.django_db


def test_client_has_no_bsn_or_medical_fields():
    names = {f.name for f in Client._meta.get_fields()}
    assert not names & {"bsn", "diagnosis", "medical", "score", "birth_date"}


def test_only_one_professional_responsible_for_psychoeducation(world, make):
    other = make.staff(team=world.team_a)
    services.involvement_set(
        trajectory=world.traj_a,
        author=world.pro_a,
        professional=other,
        role="job_coach",
        responsible_for_psychoeducation=True,
    )
    flags = dict(
        world.traj_a.involvements.values_list("professional_id", "responsible_for_psychoeducation")
    )
    assert flags == {world.pro_a.pk: False, other.pk: True}


def test_consent_record_is_idempotent_and_withdrawable(world):
    c1 = services.consent_record(client=world.traj_a.client, author=world.pro_a, purpose="research")
    c2 = services.consent_record(client=world.traj_a.client, author=world.pro_a, purpose="research")
    assert c1 == c2
    services.consent_withdraw(consent=c1, author=world.pro_a)
    c1.refresh_from_db()
    assert c1.withdrawn_at is not None and c1.recorded_by == world.pro_a


def test_new_client_form_keeps_input_and_does_not_duplicate(client, world):
    client.force_login(world.pro_a)
    url = reverse("cases:client_new")
    data = {
        "display_name": "Yusuf",
        "email": "",
        "phone": "",
        "preferred_channel": "email",
        "preferred_language": "nl",
        "team": world.team_a.pk,
        "kind": "debt_counselling",
        "role": "debt_counsellor",
        "started_on": "2026-11-01",
    }
    response = client.post(url, data)
    body = response.content.decode()
    assert response.status_code == 200 and 'value="Yusuf"' in body  # kept what was typed
    assert not Client.objects.filter(display_name="Yusuf").exists()
    data["preferred_channel"] = "app"
    response = client.post(url, data)
    assert response.status_code == 302
    traj = Trajectory.objects.get(client__display_name="Yusuf")
    assert traj.team == world.team_a
    assert Involvement.objects.get(trajectory=traj).professional == world.pro_a


def test_new_client_cannot_be_put_in_someone_elses_team(client, world):
    client.force_login(world.pro_a)
    response = client.post(
        reverse("cases:client_new"),
        {
            "display_name": "X",
            "preferred_channel": "app",
            "preferred_language": "nl",
            "team": world.team_b.pk,
            "kind": "other",
            "role": "other",
            "started_on": "2026-11-01",
        },
    )
    assert response.status_code == 200
    assert not Client.objects.filter(display_name="X").exists()


def test_consent_via_page(client, world):
    client.force_login(world.pro_a)
    client.post(reverse("cases:consent_record", args=[world.traj_a.pk]), {"purpose": "reminders"})
    consent = Consent.objects.get(client=world.traj_a.client)
    assert consent.purpose == "reminders" and consent.recorded_by == world.pro_a
    client.post(reverse("cases:consent_withdraw", args=[world.traj_a.pk, consent.pk]))
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_demo_data_command_is_idempotent(db):
    call_command("load_demo_data")
    call_command("load_demo_data")
    org = Organisation.objects.get(name__contains="demo")
    assert org.teams.count() == 2
    roles = list(Membership.objects.filter(organisation=org).values_list("role", flat=True))
    assert roles.count("professional") >= 3 and "team_lead" in roles
    assert "researcher" in roles and "administrator" in roles
    from doenvermogen.research.demo import CLIENTS as RESEARCH_CLIENTS

    assert Client.objects.filter(organisation=org).count() == 5 + len(RESEARCH_CLIENTS)
    ended = Trajectory.objects.filter(organisation=org, ended_on__isnull=False).count()
    assert ended >= 1
    call_command("load_demo_data", "--reset")
    assert Client.objects.filter(organisation__name__contains="demo").count() == 5 + len(
        RESEARCH_CLIENTS
    )


def test_demo_involvements_can_open_their_trajectories(db, client):
    """Everyone the demo makes involved (e.g. who reviews Noor's strategies) can open the page."""

    call_command("load_demo_data")
    involvements = Involvement.objects.select_related("trajectory", "professional")
    assert involvements.filter(responsible_for_reviews=True).exists()
    for involvement in involvements:
        client.force_login(involvement.professional)
        url = reverse("cases:trajectory_detail", args=[involvement.trajectory_id])
        assert client.get(url).status_code == 200, involvement


def test_only_team_members_can_be_involved(world):

    with pytest.raises(ValidationError):
        services.involvement_set(
            trajectory=world.traj_a, author=world.pro_a, professional=world.pro_b, role="other"
        )
    assert not world.traj_a.involvements.filter(professional=world.pro_b).exists()
