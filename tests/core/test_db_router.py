"""Tier 3: reads inside ``reports()`` go to the read replica when one is set; nothing else does."""

from __future__ import annotations

import pytest
from django.urls import reverse

from doenvermogen.accounts.models import User
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.core import db_router
from doenvermogen.core.db_router import ReportsRouter, reports
from doenvermogen.psychoeducation.models import GateConversation, Session


def test_no_replica_routes_nothing(settings):
    settings.REPORTS_DATABASE = None
    router = ReportsRouter()
    with reports():
        assert router.db_for_read(Session) is None
    assert router.allow_migrate("default", "cases") is None


def test_with_a_replica_only_reads_inside_reports_go_there(settings):
    settings.REPORTS_DATABASE = "replica"
    router = ReportsRouter()
    assert router.db_for_read(Session) is None  # outside a report: the primary
    with reports():
        assert router.db_for_read(Session) == "replica"
        assert router.db_for_read(GateConversation) == "replica"
        assert router.db_for_write(AccessLogEntry) is None  # writes: always the primary
        assert router.db_for_write(Session) is None
    assert router.db_for_read(Session) is None  # and back after it
    assert router.allow_migrate("replica", "cases") is False  # the replica is not migrated
    assert router.allow_migrate("default", "cases") is None


def test_the_team_meeting_reads_its_figures_through_the_router(
    client, world, settings, monkeypatch
):
    """The page's counts are asked inside ``reports()``; signing in, authorization and the
    access-log row are not. (The alias is ``default`` here, so the test database answers.)"""
    settings.REPORTS_DATABASE = "default"
    seen: list[tuple[str, str | None]] = []
    real = ReportsRouter.db_for_read

    def spy(self, model, **hints):
        answer = real(self, model, **hints)
        seen.append((model._meta.label, answer))
        return answer

    monkeypatch.setattr(ReportsRouter, "db_for_read", spy)
    assert "doenvermogen.core.db_router.ReportsRouter" in settings.DATABASE_ROUTERS
    client.force_login(world.lead_a)
    assert client.get(reverse("psychoeducation:team_meeting")).status_code == 200
    routed = {label for label, answer in seen if answer == "default"}
    assert "psychoeducation.GateConversation" in routed
    assert "psychoeducation.Session" in routed
    assert (User._meta.label, None) in seen  # the signed-in user: from the primary
    assert db_router._IN_REPORT.get() is False


pytestmark = pytest.mark.django_db
