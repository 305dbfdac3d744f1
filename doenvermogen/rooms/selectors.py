"""Reads for consultation rooms, scoped to the acting user's organisation and teams.

Rooms are not client data (no access log). Who sees what:
- anyone with a membership in the organisation sees its organisation-wide rooms; professionals and
  team leads also see their own teams' rooms; administrators see every room of their organisation;
- team leads manage their teams' rooms and the organisation-wide ones; administrators (facility
  management) manage every room of their organisation; professionals and researchers only look.
A room outside the user's scope is a 404, a change without the right role a 403.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from doenvermogen.accounts.models import Membership, User
from doenvermogen.rooms.geometry.model import CatalogueEntry
from doenvermogen.rooms.models import FurnitureItem, Room, RoomVersion, SurveyResponse

Role = Membership.Role
SMALL_GROUP = 5  # survey results of fewer people are not shown


def _memberships(user: User):
    if not user.is_authenticated or user.is_client:
        return Membership.objects.none()
    return user.memberships.all()


def rooms_for_user(user: User) -> QuerySet[Room]:
    ms = list(_memberships(user).values_list("organisation_id", "team_id", "role"))
    if not ms:
        return Room.objects.none()
    q = Q(pk__in=[])
    for org_id, team_id, role in ms:
        if role == Role.ADMINISTRATOR:
            q |= Q(organisation_id=org_id)
        else:
            q |= Q(organisation_id=org_id, team__isnull=True)
            if team_id:
                q |= Q(organisation_id=org_id, team_id=team_id)
    return Room.objects.filter(q).select_related("team").distinct()


def can_manage(user: User, room: Room) -> bool:
    for org_id, team_id, role in _memberships(user).values_list(
        "organisation_id", "team_id", "role"
    ):
        if org_id != room.organisation_id:
            continue
        if role == Role.ADMINISTRATOR:
            return True
        if role == Role.TEAM_LEAD and (room.team_id is None or room.team_id == team_id):
            return True
    return False


def manageable_teams(user: User, organisation_id: int):
    return [
        m.team
        for m in _memberships(user)
        .filter(role=Role.TEAM_LEAD, organisation_id=organisation_id)
        .select_related("team")
    ]


def organisations_for_creating(user: User) -> list[int]:
    """Organisations where the user may make a room (team lead or administrator)."""
    return sorted(
        set(
            _memberships(user)
            .filter(role__in=[Role.TEAM_LEAD, Role.ADMINISTRATOR])
            .values_list("organisation_id", flat=True)
        )
    )


def room_get_for_user(user: User, room_id: int, *, manage: bool = False) -> Room:
    room = rooms_for_user(user).filter(pk=room_id).select_related("organisation").first()
    if room is None:
        raise Http404
    if manage and not can_manage(user, room):
        raise PermissionDenied
    return room


def version_get(room: Room, number: int | None = None) -> RoomVersion:
    versions = room.versions.all()
    version = versions.filter(number=number).first() if number else versions.last()
    if version is None:
        raise Http404
    return version


def catalogue_for_organisation(organisation_id: int) -> QuerySet[FurnitureItem]:
    return FurnitureItem.objects.filter(
        Q(organisation__isnull=True) | Q(organisation_id=organisation_id)
    )


def catalogue_entries(organisation_id: int) -> list[CatalogueEntry]:
    return [f.to_entry() for f in catalogue_for_organisation(organisation_id)]


def room_for_survey(token: str) -> Room:
    room = Room.objects.filter(survey_token=token).first()
    if room is None:
        raise Http404
    return room


QUESTIONS = ("welcome", "safe", "friendly", "free_to_talk")


def survey_results(room: Room) -> list[dict]:
    """Per version with answers: the number of answers and, from five on, per question the
    share that said yes and the mean (1 no, 2 a little, 3 yes). Fewer than five: only the count."""
    rows = []
    for version in room.versions.all():
        answers = list(SurveyResponse.objects.filter(room=room, version=version))
        if not answers:
            continue
        row = {"version": version, "count": len(answers), "suppressed": len(answers) < SMALL_GROUP}
        if not row["suppressed"]:
            row["questions"] = [
                {
                    "code": q,
                    "yes": round(100 * sum(getattr(a, q) == 3 for a in answers) / len(answers)),
                    "mean": round(sum(getattr(a, q) for a in answers) / len(answers), 1),
                }
                for q in QUESTIONS
            ]
        rows.append(row)
    return rows
