"""Who a user is in the organisation: roles and teams. Used by every app's selectors."""

from __future__ import annotations

from django.db.models import QuerySet

from doenvermogen.accounts.models import Membership, Organisation, Team, User

Role = Membership.Role


def _load_memberships(user: User) -> None:
    """The user's roles and team ids, in one query, cached on the user object (it lives as long as
    the request): most pages need the teams, and the access log the roles."""
    pairs = list(user.memberships.values_list("role", "team_id"))
    user._dv_roles = {role for role, _team in pairs}
    user._dv_team_ids = {
        team for role, team in pairs if role in Membership.TEAM_ROLES and team is not None
    }


def user_roles(user: User) -> set[str]:
    """The roles a signed-in staff member holds anywhere ("client" for a client)."""
    if not user.is_authenticated:
        return set()
    if user.is_client:
        return {"client"}
    if getattr(user, "_dv_roles", None) is None:
        _load_memberships(user)
    return user._dv_roles


def user_has_role(user: User, *roles: str) -> bool:
    return bool(user_roles(user) & set(roles))


def team_ids_for_user(user: User) -> set[int]:
    """Teams whose trajectories the user may see: as professional or as team lead."""
    if not user.is_authenticated or user.is_client:
        return set()
    if getattr(user, "_dv_team_ids", None) is None:
        _load_memberships(user)
    return set(user._dv_team_ids)


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
