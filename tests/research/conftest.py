"""Fixtures for the research tests."""

from __future__ import annotations

import pytest
from django.test import Client as TestClient


@pytest.fixture
def client_page_client():
    """``client_page_client(client) -> django Client`` signed in as that client."""

    def make(client_obj):
        c = TestClient()
        c.force_login(client_obj.user)
        return c

    return make
