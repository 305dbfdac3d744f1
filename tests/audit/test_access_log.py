"""The access log is append-only, named by events, one row per page view, and exported in Dutch."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from doenvermogen.accounts.models import User
from doenvermogen.accounts.selectors import team_ids_for_user
from doenvermogen.audit import events
from doenvermogen.audit.models import AccessLogEntry, AppendOnlyError
from doenvermogen.audit.services import (
    access_log_origin,
    csv_safe,
    log_denied,
    log_event,
    log_event_many,
)
from doenvermogen.cases import services

pytestmark = pytest.mark.django_db


def test_entries_cannot_be_changed_or_deleted(world):
    entry = log_event(events.CLIENT_VIEW, actor=world.pro_a, client_id=1, object_id=1)
    entry.purpose = "changed"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        AccessLogEntry.objects.update(purpose="x")


def test_an_entry_has_every_nen7513_field(world):
    entry = log_event(events.GOAL_PLAN_VIEW, actor=world.pro_a, client_id=7, object_id=3)
    assert entry.actor == world.pro_a and entry.actor_label == "Anna"
    assert entry.actor_role == "professional"
    assert (entry.client_id, entry.object_id) == (7, "3")
    assert (entry.event, entry.object_type, entry.action) == ("goal_plan.view", "goal_plan", "view")
    assert entry.purpose == events.Purpose.CARE and entry.origin == "web" and entry.at


def test_every_event_is_named_once_with_a_kind_and_an_action():
    codes = [e.code for e in events.EVENTS.values()]
    assert len(codes) == len(set(codes)) >= 50
    for event in events.EVENTS.values():
        assert event.kind in events.Kind and event.action in events.Action
        assert str(event.description)


def test_services_write_named_events(world):
    client = world.traj_a.client
    services.consent_record(client=client, author=world.pro_a, purpose="psychoeducation")
    services.client_update(client=client, author=world.pro_a, phone="0612345678")
    got = set(AccessLogEntry.objects.filter(client_id=client.pk).values_list("event", "action"))
    assert {("consent.create", "create"), ("client.update", "update")} <= got


def test_a_trajectory_page_writes_exactly_one_row(client, world):
    client.force_login(world.pro_a)
    before = AccessLogEntry.objects.count()
    assert client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk])).status_code == 200
    rows = list(AccessLogEntry.objects.all()[: AccessLogEntry.objects.count() - before])
    assert [(r.event, r.client_id, r.object_id) for r in rows] == [
        ("trajectory.view", world.traj_a.client_id, str(world.traj_a.pk))
    ]


def test_a_list_writes_one_row_per_client_in_one_statement(world):
    user = User.objects.get(pk=world.pro_a.pk)  # fresh, as at the start of a request
    team_ids_for_user(user)  # the page's own look-up of the teams brings the roles along
    with CaptureQueriesContext(connection) as captured:
        log_event_many(events.CLIENT_LIST, actor=user, client_ids=[12, 5, 12, 9])
    assert [q["sql"].split()[0] for q in captured] == ["INSERT"], captured.captured_queries
    rows = list(AccessLogEntry.objects.filter(event="client.list").order_by("id"))
    assert [(r.client_id, r.object_id) for r in rows] == [(5, "5"), (9, "9"), (12, "12")]
    for row in rows:  # every NEN 7513 field, as log_event writes it
        assert (row.actor_id, row.actor_label, row.actor_role) == (user.pk, "Anna", "professional")
        assert (row.object_type, row.action, row.origin) == ("client", "list", "web")
        assert row.purpose == events.Purpose.CARE and row.at == rows[0].at
    single = log_event(events.CLIENT_LIST, actor=user, client_id=5, object_id=5)
    fields = [
        f.attname for f in AccessLogEntry._meta.concrete_fields if f.attname not in ("id", "at")
    ]
    assert [getattr(rows[0], f) for f in fields] == [getattr(single, f) for f in fields]


def test_a_list_without_a_signed_in_user_keeps_the_origin_and_no_actor(world):
    with access_log_origin(AccessLogEntry.Origin.API):
        log_event_many(events.CLIENT_LIST, actor=AnonymousUser(), client_ids=[3])
    log_event_many(events.CLIENT_LIST, actor=world.pro_a, client_ids=[])  # nothing shown
    (row,) = AccessLogEntry.objects.filter(event="client.list")
    assert (row.actor_id, row.actor_label, row.actor_role) == (None, "anonymous", "")
    assert (row.origin, row.purpose, row.client_id) == ("api", events.Purpose.DELIVERY, 3)


def test_deleting_a_user_keeps_their_entries_with_their_name(world, make):
    user = make.staff(name="Bea")
    log_event(events.CLIENT_VIEW, actor=user, client_id=1, object_id=1)
    log_denied(events.CLIENT_VIEW, actor=user, client_id=2)
    log_event_many(events.CLIENT_LIST, actor=user, client_ids=[1, 2])
    user.delete()
    rows = AccessLogEntry.objects.filter(actor_label="Bea")
    assert rows.count() == 4
    assert set(rows.values_list("actor_id", flat=True)) == {None}


def test_the_log_has_the_indexes_its_readers_use_and_no_others():
    """(client_id, at): the export and the client's access history; at: the admin's list;
    actor_id: deleting a user. No index on event, no foreign-key constraint to the user."""
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, "audit_accesslogentry")
    indexes = {tuple(c["columns"]) for c in found.values() if c["index"] and not c["primary_key"]}
    assert indexes == {("client_id", "at"), ("at",), ("actor_id",)}
    assert not [c for c in found.values() if c["foreign_key"]]


def test_csv_safe_neutralises_formulas():
    assert csv_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_safe("+31 6") == "'+31 6"
    assert csv_safe("@SUM") == "'@SUM" and csv_safe("-1") == "'-1"
    assert csv_safe("Anna") == "Anna" and csv_safe(None) == ""


def _export(client, world):
    client.force_login(world.admin)
    response = client.get(reverse("audit:export", args=[world.traj_a.client_id]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_administrator_exports_csv_in_dutch_for_one_client(client, world, make):
    evil = make.staff(team=world.team_a, name="=cmd|' /C calc'!A0")
    client.force_login(world.pro_a)
    client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))
    client.force_login(evil)
    client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))
    client.force_login(world.traj_a.client.user)
    client.get(reverse("cases:my_page"))
    client.force_login(world.pro_b)
    client.get(reverse("cases:trajectory_detail", args=[world.traj_a.pk]))  # refused
    client.force_login(world.admin)
    found = client.get(reverse("audit:search"), {"q": "noo"}).content.decode()
    assert "Noor" in found and "Karel" not in found
    with translation.override("nl"):
        rows = _export(client, world)
    assert rows[0] == [
        "Wanneer",
        "Wie",
        "Rol",
        "Cliënt",
        "Wat gebeurde er",
        "Welke gegevens",
        "Nummer",
        "Actie",
        "Doel",
        "Herkomst",
    ]
    body = rows[1:]
    anna = next(r for r in body if r[1] == "Anna")
    assert anna[2] == "professional" and anna[3] == "Noor"
    assert anna[4] == "bekeek het traject" and anna[7] == "bekeken"
    assert anna[8] == "hulp aan de cliënt" and anna[9] == "webpagina"
    # The client is named, never shown as a pseudo e-mail address.
    assert not any("@clients.invalid" in cell for r in body for cell in r)
    assert any(r[1] == "Noor (de cliënt)" for r in body)
    # Another team's refused attempt is in this client's log.
    assert any(r[1] == "Bram" and r[7] == "toegang geweigerd" for r in body)
    # A name that starts like a formula is neutralised.
    assert any(r[1] == "'=cmd|' /C calc'!A0" for r in body)
    assert AccessLogEntry.objects.filter(
        actor=world.admin, event="access_log.export", client_id=world.traj_a.client_id
    ).exists()


def test_nul_byte_in_search_is_harmless(client, world):
    client.force_login(world.admin)
    assert client.get(reverse("audit:search"), {"q": "no\x00or"}).status_code == 200
    client.force_login(world.pro_a)
    assert client.get(reverse("cases:my_clients"), {"q": "\x00"}).status_code == 200


def test_administrator_of_other_organisation_cannot_export(client, world, make):
    other_admin = make.staff(role="administrator", organisation=world.other_org)
    client.force_login(other_admin)
    assert client.get(reverse("audit:export", args=[world.traj_a.client_id])).status_code == 404
    denied = AccessLogEntry.objects.get(actor=other_admin)
    assert denied.action == "denied" and denied.client_id == world.traj_a.client_id


def test_professional_cannot_export(client, world):
    client.force_login(world.pro_a)
    assert client.get(reverse("audit:export", args=[world.traj_a.client_id])).status_code == 403


@pytest.mark.django_db
def test_the_admins_access_log_list_filters_by_kind_without_reading_the_whole_table(client):
    """The object filter offers the vocabulary's kinds (no DISTINCT over the log) and filters."""
    admin_user = User.objects.create_superuser(email="root@example.org", password="x" * 12)
    log_event(events.CLIENT_VIEW, actor=admin_user, client_id=1)
    log_event(events.CONSENT_CREATE, actor=admin_user, client_id=2)
    client.force_login(admin_user)
    url = "/django-admin/audit/accesslogentry/"
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url)
    assert page.status_code == 200
    assert not any("DISTINCT" in q["sql"].upper() for q in queries)
    assert "?object_type=consent" in page.content.decode()
    rows = client.get(url, {"object_type": "consent"}).context["cl"].result_list
    assert [entry.event for entry in rows] == ["consent.create"]
