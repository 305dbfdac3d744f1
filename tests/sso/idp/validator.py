"""Claims of the test provider's users, from the JSON file in DV_IDP_USERS."""

import json
import os

from oauth2_provider.oauth2_validators import OAuth2Validator


def users() -> dict:
    path = os.environ.get("DV_IDP_USERS", "")
    if not path or not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


class ClaimsValidator(OAuth2Validator):
    oidc_claim_scope = None  # release every claim below, whatever the scopes

    def get_additional_claims(self, request):
        entry = users().get(request.user.username, {})
        return dict(entry.get("claims", {}))
