"""Demo: an API token for a case system of the debt-counselling team (docs/api.md uses it)."""

from __future__ import annotations

from doenvermogen.api.models import ApiToken
from doenvermogen.api.services import api_token_create, token_hash

# Demo only: a token everyone can read in the docs. Real tokens are random and shown once.
DEMO_TOKEN = "dv_demo_zaaksysteem_voorbeeldstad"


def load(demo) -> None:
    ApiToken.objects.filter(token_hash=token_hash(DEMO_TOKEN)).delete()
    token, _secret = api_token_create(
        organisation=demo.organisation,
        name="Zaaksysteem (demo)",
        scopes=[
            "clients:read",
            "trajectories:read",
            "involvements:read",
            "consents:read",
            "consents:write",
            "goals:read",
            "goals:write",
            "psychoeducation:read",
            "reminders:read",
            "reminders:write",
            "appointments:read",
            "appointments:write",
            "geldrust:read",
            "geldrust:write",
            "letters:read",
        ],
        teams=[demo.teams["debt"]],
        author=demo.users["beheer"],
    )
    token.token_hash = token_hash(DEMO_TOKEN)
    token.prefix = DEMO_TOKEN[:8]
    token.save(update_fields=["token_hash", "prefix"])
