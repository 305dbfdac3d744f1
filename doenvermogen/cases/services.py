"""Every write to clients, trajectories, involvements and consents: in a transaction, logged.

Each write records its event (``doenvermogen.audit.events``) with the object it wrote. A create
from a form goes through ``core.idempotency.create_once``: a double submit returns the first result.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from doenvermogen.accounts.models import Membership, Organisation, Team, User
from doenvermogen.audit import events
from doenvermogen.audit.services import log_event
from doenvermogen.cases import hooks
from doenvermogen.cases.models import Client, Consent, Involvement, Trajectory
from doenvermogen.core.idempotency import create_once


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
    log_event(events.CLIENT_CREATE, actor=author, client_id=client.pk, object_id=client.pk)
    return client


@transaction.atomic
def client_update(*, client: Client, author: User, **fields: object) -> Client:
    allowed = {"display_name", "email", "phone", "preferred_channel", "preferred_language"}
    for name, value in fields.items():
        if name not in allowed:
            raise ValueError(f"Field {name} cannot be changed here")
        setattr(client, name, value)
    client.save()
    log_event(events.CLIENT_UPDATE, actor=author, client_id=client.pk, object_id=client.pk)
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
    idempotency_key: str | None = None,
) -> Trajectory:
    """Open a trajectory; the author becomes involved (and by default does psycho-education)."""
    trajectory = Trajectory.objects.create(
        client=client,
        organisation=team.organisation,
        team=team,
        kind=kind,
        started_on=started_on or timezone.localdate(),
        idempotency_key=idempotency_key,
    )
    if involvement_role:
        Involvement.objects.create(
            trajectory=trajectory,
            professional=author,
            role=involvement_role,
            responsible_for_psychoeducation=True,
            responsible_for_reviews=True,
        )
    log_event(events.TRAJECTORY_CREATE, actor=author, client_id=client.pk, object_id=trajectory.pk)
    return trajectory


@transaction.atomic
def client_intake(
    *,
    team: Team,
    author: User,
    idempotency_key: str = "",
    display_name: str,
    email: str = "",
    phone: str = "",
    preferred_channel: str = Client.Channel.APP,
    preferred_language: str = "nl",
    kind: str,
    started_on: datetime.date | None = None,
    involvement_role: str | None = None,
) -> Trajectory:
    """A new client with their first trajectory, once per form (a double submit: the first)."""

    def create(key: str | None) -> Trajectory:
        client = client_create(
            organisation=team.organisation,
            author=author,
            display_name=display_name,
            email=email,
            phone=phone,
            preferred_channel=preferred_channel,
            preferred_language=preferred_language,
        )
        return trajectory_create(
            client=client,
            team=team,
            author=author,
            kind=kind,
            started_on=started_on,
            involvement_role=involvement_role,
            idempotency_key=key,
        )

    trajectory, _created = create_once(
        Trajectory, key=idempotency_key, scope={"team": team}, create=create
    )
    return trajectory


@transaction.atomic
def trajectory_end(*, trajectory: Trajectory, author: User, ended_on: datetime.date) -> Trajectory:
    trajectory.ended_on = ended_on
    trajectory.save(update_fields=["ended_on"])
    hooks.trajectory_ended(trajectory=trajectory, author=author)
    log_event(
        events.TRAJECTORY_END, actor=author, client_id=trajectory.client_id, object_id=trajectory.pk
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
    """Add or change who is involved. Only one professional is responsible for each task.

    Only a member of the trajectory's team can be involved: anyone else could not open it.
    """
    if not Membership.objects.filter(
        user=professional, team_id=trajectory.team_id, role__in=Membership.TEAM_ROLES
    ).exists():
        raise ValidationError(
            _("%(name)s is not in the team of this trajectory.") % {"name": professional}
        )
    if responsible_for_psychoeducation:
        trajectory.involvements.exclude(professional=professional).update(
            responsible_for_psychoeducation=False
        )
    if responsible_for_reviews:
        trajectory.involvements.exclude(professional=professional).update(
            responsible_for_reviews=False
        )
    involvement, _created = Involvement.objects.update_or_create(
        trajectory=trajectory,
        professional=professional,
        defaults={
            "role": role,
            "responsible_for_psychoeducation": responsible_for_psychoeducation,
            "responsible_for_reviews": responsible_for_reviews,
        },
    )
    log_event(
        events.INVOLVEMENT_UPDATE,
        actor=author,
        client_id=trajectory.client_id,
        object_id=involvement.pk,
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
    idempotency_key: str = "",
) -> Consent:
    """Record that the client gave consent. An active consent for the same purpose is kept."""

    def create(key: str | None) -> Consent:
        existing = client.consents.filter(
            purpose=purpose, trajectory=trajectory, withdrawn_at__isnull=True
        ).first()
        if existing:
            return existing
        consent = Consent.objects.create(
            client=client,
            trajectory=trajectory,
            purpose=purpose,
            recorded_by=author,
            note=note,
            idempotency_key=key,
        )
        log_event(events.CONSENT_CREATE, actor=author, client_id=client.pk, object_id=consent.pk)
        return consent

    consent, _created = create_once(
        Consent, key=idempotency_key, scope={"client": client}, create=create
    )
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, author: User) -> Consent:
    if consent.withdrawn_at is None:
        consent.withdrawn_at = timezone.now()
        consent.save(update_fields=["withdrawn_at"])
        log_event(
            events.CONSENT_WITHDRAW, actor=author, client_id=consent.client_id, object_id=consent.pk
        )
    return consent
