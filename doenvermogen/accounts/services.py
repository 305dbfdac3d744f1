"""Writes for accounts: staff users and memberships (client links: ``clientaccess.services``)."""

from __future__ import annotations

from django.db import transaction

from doenvermogen.accounts.models import Membership, Organisation, Team, User


@transaction.atomic
def staff_user_create(*, email: str, name: str, password: str | None = None) -> User:
    return User.objects.create_user(email=email, password=password, name=name)


@transaction.atomic
def membership_create(
    *, user: User, role: str, organisation: Organisation | None = None, team: Team | None = None
) -> Membership:
    organisation = organisation or (team.organisation if team else None)
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, team=team, role=role
    )
    return membership
