"""Who a user is in the organisation: roles and teams. Used by every app's selectors."""

from __future__ import annotations

from django.db.models import QuerySet

from doenvermogen.accounts.models import Membership, Organisation, Team, User

Role = Membership.Role


def user_roles(user: User) -> set[str]:
    """The roles a signed-in staff member holds anywhere ("client" for a client)."""
    if not user.is_authenticated:
        return set()
    if user.is_client:
        return {"client"}
    cached = getattr(user, "_dv_roles", None)
    if cached is None:
        cached = set(user.memberships.values_list("role", flat=True))
        user._dv_roles = cached
    return cached


def user_has_role(user: User, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def team_ids_for_user(user: User) -> set[int]:
    """Teams whose trajectories the user may see: as professional or as team lead."""
    if not user.is_authenticated or user.is_client:
        return set()
    cached = getattr(user, "_dv_team_ids", None)
    if cached is None:  # once per request: the user object lives as long as the request
        cached = set(
            user.memberships.filter(role__in=Membership.TEAM_ROLES, team__isnull=False).values_list(
                "team_id", flat=True
            )
        )
        user._dv_team_ids = cached
    return set(cached)


def teams_led_by(user: User) -> QuerySet[Team]:
    return Team.objects.filter(memberships__user=user, memberships__role=Role.TEAM_LEAD).distinct()


def organisations_administered_by(user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        pk__in=user.memberships.filter(role=Role.ADMINISTRATOR).values("organisation_id")
    )


def colleagues_for_user(user: User) -> QuerySet[User]:
    """Staff in the user's own teams (to pick who is involved in a trajectory)."""
    return (
        User.objects.filter(
            kind=User.Kind.STAFF,
            memberships__team_id__in=team_ids_for_user(user),
            memberships__role__in=Membership.TEAM_ROLES,
        )
        .distinct()
        .order_by("name", "email")
    )
