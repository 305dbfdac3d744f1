"""A token for team A (Noor's team) with every scope, and a helper to call the API with it."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from doenvermogen.api.models import SCOPES
from doenvermogen.api.services import api_token_create


@pytest.fixture
def token(world):
    token, secret = api_token_create(
        organisation=world.org,
        name="Zaaksysteem",
        scopes=[code for code, _label in SCOPES],
        teams=[world.team_a],
        author=world.admin,
    )
    token.secret = secret
    return token


@pytest.fixture
def api(token) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token.secret}")
    return client
