"""Moving ClientAccessLink from accounts to clientaccess keeps every link (ids, tokens, dates) and
the new app keeps making links after it (the id sequence follows the renamed table). Runs on
SQLite and, in CI, on PostgreSQL."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from doenvermogen.clientaccess.models import ClientAccessLink
from doenvermogen.clientaccess.services import client_link_create, client_link_redeem

BEFORE = [("accounts", "0003_idempotency_key")]


def _migrate(targets) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)


@pytest.mark.django_db(transaction=True)
def test_links_survive_the_move_to_clientaccess(make):
    team = make.team()
    pro = make.staff(team=team)
    traj = make.trajectory(team=team, name="Noor", with_user=True)
    ContentType.objects.get_for_model(ClientAccessLink)  # as on a site that used the admin
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()

    _migrate(BEFORE)  # the database as it was before the move
    old_apps = MigrationExecutor(connection).loader.project_state(BEFORE).apps
    OldLink = old_apps.get_model("accounts", "ClientAccessLink")
    expires = timezone.now() + datetime.timedelta(days=30)
    old = OldLink.objects.create(
        client_id=traj.client_id,
        token_hash="a" * 64,
        created_by_id=pro.pk,
        expires_at=expires,
        sent_to="noor@example.org",
        idempotency_key="k" * 32,
    )
    tables = connection.introspection.table_names()
    assert "accounts_clientaccesslink" in tables and "clientaccess_clientaccesslink" not in tables

    _migrate(latest)
    tables = connection.introspection.table_names()
    assert "clientaccess_clientaccesslink" in tables and "accounts_clientaccesslink" not in tables
    moved = ClientAccessLink.objects.get(pk=old.pk)
    assert (moved.client_id, moved.token_hash, moved.created_by_id, moved.sent_to) == (
        traj.client_id,
        "a" * 64,
        pro.pk,
        "noor@example.org",
    )
    assert moved.expires_at == expires and moved.idempotency_key == "k" * 32
    assert list(traj.client.access_links.all()) == [moved]
    ContentType.objects.clear_cache()
    assert ContentType.objects.filter(app_label="clientaccess", model="clientaccesslink").exists()
    assert not ContentType.objects.filter(app_label="accounts", model="clientaccesslink").exists()

    # New links after the move: a fresh id, and they sign the client in.
    link, token = client_link_create(client=traj.client, author=pro)
    assert link.pk > old.pk
    assert client_link_redeem(token=token) == link
