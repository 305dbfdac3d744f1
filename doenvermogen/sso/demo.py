"""Demo: a local test identity provider (``make idp``), switched off until the administrator
switches it on, and a DigiD test broker on the same provider with Noor's DigiD linked."""

from __future__ import annotations

import os

from doenvermogen.accounts.models import Membership
from doenvermogen.sso import services
from doenvermogen.sso.models import IdentityProvider, OrganisationMapping, RoleMapping

DEMO_BSN = "111222333"  # passes the 11-test; an invented number


def _endpoints(issuer: str) -> dict[str, str]:
    return {
        "issuer": issuer,
        "authorization_endpoint": f"{issuer}/authorize/",
        "token_endpoint": f"{issuer}/token/",
        "userinfo_endpoint": f"{issuer}/userinfo/",
        "jwks_endpoint": f"{issuer}/.well-known/jwks.json",
        "end_session_endpoint": f"{issuer}/logout/",
    }


def load(demo) -> None:
    issuer = os.environ.get("DEMO_IDP_ISSUER", "http://127.0.0.1:9100/o")
    staff, _ = IdentityProvider.objects.update_or_create(
        slug="lokaal",
        defaults={
            "name": "Test-inlogdienst (lokaal)",
            "purpose": IdentityProvider.Purpose.STAFF,
            "enabled": False,
            "client_id": "doenvermogen",
            "client_secret": "test-secret",
            "password_roles": ["team_lead", "researcher", "administrator"],
            **_endpoints(issuer),
        },
    )
    OrganisationMapping.objects.get_or_create(
        provider=staff, claim_value="voorbeeldstad", organisation=demo.organisation
    )
    RoleMapping.objects.get_or_create(
        provider=staff,
        claim_value="doenvermogen-schuldhulp",
        role=Membership.Role.PROFESSIONAL,
        team=demo.teams["debt"],
    )
    IdentityProvider.objects.update_or_create(
        slug="digid-test",
        defaults={
            "name": "DigiD (test-makelaar, lokaal)",
            "purpose": IdentityProvider.Purpose.CLIENT,
            "organisation": demo.organisation,
            "enabled": False,
            "client_id": "doenvermogen",
            "client_secret": "test-secret",
            "scopes": "openid",
            **_endpoints(issuer),
        },
    )
    services.client_identity_link(
        client=demo.trajectories["noor"].client, bsn=DEMO_BSN, author=demo.users["fatima"]
    )
