"""The DigiD section on the trajectory page: shown only when the organisation switched DigiD on."""

from __future__ import annotations

from doenvermogen.sso.forms import BsnForm
from doenvermogen.sso.models import ClientIdentity, IdentityProvider


def trajectory(request, trajectory) -> dict | None:
    trajectory = getattr(trajectory, "trajectory", None) or trajectory  # an Authorized context
    if not IdentityProvider.objects.filter(
        enabled=True,
        purpose=IdentityProvider.Purpose.CLIENT,
        organisation_id=trajectory.organisation_id,
    ).exists():
        return None
    return {
        "trajectory": trajectory,
        "linked": ClientIdentity.objects.filter(client_id=trajectory.client_id).first(),
        "form": BsnForm(),
    }
