"""Every write to clients, trajectories, involvements and consents: in a transaction, logged."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone

from doenvermogen.accounts.models import Organisation, Team, User
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import access_log_write
from doenvermogen.cases import hooks
from doenvermogen.cases.models import Client, Consent, Involvement, Trajectory

Action = AccessLogEntry.Action


@transaction.atomic
def client_create(
    *,
    organisation: Organisation,
    author: User,
    display_name: str,
    email: str = "",
    phone: str = "",
    preferred_channel: str = Client.Channel.APP,
    preferred_language: str = "nl",
) -> Client:
    client = Client.objects.create(
        organisation=organisation,
        display_name=display_name.strip(),
        email=email.strip().lower(),
        phone=phone.strip(),
        preferred_channel=preferred_channel,
        preferred_language=preferred_language,
    )
    access_log_write(
        actor=author,
        client_id=client.pk,
        object_type="client",
        object_id=client.pk,
        action=Action.CREATE,
        purpose="new client",
    )
    return client


@transaction.atomic
def client_update(*, client: Client, author: User, **fields: object) -> Client:
    allowed = {"display_name", "email", "phone", "preferred_channel", "preferred_language"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"Field {name} cannot be changed here")
        setattr(client, name, value)
    client.save()
    access_log_write(
        actor=author,
        client_id=client.pk,
        object_type="client",
        object_id=client.pk,
        action=Action.UPDATE,
        purpose="contact details",
    )
    return client


@transaction.atomic
def trajectory_create(
    *,
    client: Client,
    team: Team,
    author: User,
    kind: str,
    started_on: datetime.date | None = None,
    involvement_role: str | None = None,
) -> Trajectory:
    """Open a trajectory; the author becomes involved (and by default does psycho-education)."""
    trajectory = Trajectory.objects.create(
        client=client,
        organisation=team.organisation,
        team=team,
        kind=kind,
        started_on=started_on or timezone.localdate(),
    )
    if involvement_role:
        Involvement.objects.create(
            trajectory=trajectory,
            professional=author,
            role=involvement_role,
            responsible_for_psychoeducation=True,
            responsible_for_reviews=True,
        )
    access_log_write(
        actor=author,
        client_id=client.pk,
        object_type="trajectory",
        object_id=trajectory.pk,
        action=Action.CREATE,
        purpose="new trajectory",
    )
    return trajectory


@transaction.atomic
def trajectory_end(*, trajectory: Trajectory, author: User, ended_on: datetime.date) -> Trajectory:
    trajectory.ended_on = ended_on
    trajectory.save(update_fields=["ended_on"])
    hooks.trajectory_ended(trajectory=trajectory, author=author)
    access_log_write(
        actor=author,
        client_id=trajectory.client_id,
        object_type="trajectory",
        object_id=trajectory.pk,
        action=Action.UPDATE,
        purpose="end trajectory",
    )
    return trajectory


@transaction.atomic
def involvement_set(
    *,
    trajectory: Trajectory,
    author: User,
    professional: User,
    role: str,
    responsible_for_psychoeducation: bool = False,
    responsible_for_reviews: bool = False,
) -> Involvement:
    """Add or change who is involved. Only one professional is responsible for each task."""
    if responsible_for_psychoeducation:
        trajectory.involvements.exclude(professional=professional).update(
            responsible_for_psychoeducation=False
        )
    if responsible_for_reviews:
        trajectory.involvements.exclude(professional=professional).update(
            responsible_for_reviews=False
        )
    involvement, _ = Involvement.objects.update_or_create(
        trajectory=trajectory,
        professional=professional,
        defaults={
            "role": role,
            "responsible_for_psychoeducation": responsible_for_psychoeducation,
            "responsible_for_reviews": responsible_for_reviews,
        },
    )
    access_log_write(
        actor=author,
        client_id=trajectory.client_id,
        object_type="involvement",
        object_id=involvement.pk,
        action=Action.UPDATE,
        purpose="who is involved",
    )
    return involvement


@transaction.atomic
def consent_record(
    *,
    client: Client,
    author: User,
    purpose: str,
    trajectory: Trajectory | None = None,
    note: str = "",
) -> Consent:
    """Record that the client gave consent. An active consent for the same purpose is kept."""
    existing = client.consents.filter(
        purpose=purpose, trajectory=trajectory, withdrawn_at__isnull=True
    ).first()
    if existing:
        return existing
    consent = Consent.objects.create(
        client=client, trajectory=trajectory, purpose=purpose, recorded_by=author, note=note
    )
    access_log_write(
        actor=author,
        client_id=client.pk,
        object_type="consent",
        object_id=consent.pk,
        action=Action.CREATE,
        purpose=f"consent: {purpose}",
    )
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, author: User) -> Consent:
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        access_log_write(
            actor=author,
            client_id=consent.client_id,
            object_type="consent",
            object_id=consent.pk,
            action=Action.UPDATE,
            purpose=f"consent withdrawn: {consent.purpose}",
        )
    return consent
