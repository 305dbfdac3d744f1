"""Reminders at a municipality's peak: batches claimed with SKIP LOCKED, one mail connection per
batch, one dispatch task per minute however many deliveries are due in it."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection, connections
from django.test import override_settings
from django.utils import timezone

from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.cases.models import Client, Consent, Trajectory
from doenvermogen.reminders import services
from doenvermogen.reminders.models import Delivery, DispatchSlot, Reminder

OPENED: list[int] = []


class CountingBackend:
    """The locmem backend that counts how often a connection is opened."""

    def __init__(self, *args, **kwargs):
        from django.core.mail.backends.locmem import EmailBackend

        self._inner = EmailBackend(*args, **kwargs)

    def open(self):
        OPENED.append(1)
        return True

    def close(self):
        return None

    def send_messages(self, messages):
        return self._inner.send_messages(messages)


def _due_deliveries(make, world, count: int) -> list[Delivery]:
    past = timezone.now() - datetime.timedelta(minutes=1)
    team = world.team_a
    pro = world.pro_a
    deliveries = []
    for n in range(count):
        client = Client.objects.create(
            organisation=team.organisation, display_name=f"C{n}", email=f"c{n}@example.org"
        )
        Consent.objects.create(client=client, purpose=Consent.Purpose.REMINDERS, recorded_by=pro)
        trajectory = Trajectory.objects.create(
            client=client, organisation=team.organisation, team=team, kind="other"
        )
        reminder = Reminder.objects.create(
            client=client, trajectory=trajectory, title=f"H{n}", starts_at=past, created_by=pro
        )
        deliveries.append(
            Delivery.objects.create(reminder=reminder, due_at=past, next_attempt_at=past)
        )
    return deliveries


@pytest.mark.django_db
@override_settings(EMAIL_BACKEND="tests.reminders.test_batches.CountingBackend")
def test_one_batch_one_connection_each_sent_once_and_logged(make, world):
    OPENED.clear()
    _due_deliveries(make, world, 12)
    assert services.deliveries_send_due(limit=5) == {"sent": 5}
    assert len(mail.outbox) == 5 and len(OPENED) == 1
    assert services.deliveries_send_due(limit=100) == {"sent": 7}
    assert services.deliveries_send_due(limit=100) == {}
    assert len(mail.outbox) == 12 and len(OPENED) == 2
    assert len({m.extra_headers["Message-ID"] for m in mail.outbox}) == 12
    assert Delivery.objects.filter(status="sent").count() == 12
    assert AccessLogEntry.objects.filter(event="delivery.send", origin="worker").count() == 12


@pytest.mark.django_db
def test_deliveries_due_in_one_minute_make_one_dispatch(world, django_capture_on_commit_callbacks):
    moment = (timezone.now() + datetime.timedelta(hours=3)).replace(second=10, microsecond=0)
    with django_capture_on_commit_callbacks() as callbacks:
        for n in range(20):
            services.reminder_create(
                trajectory=world.traj_a,
                author=world.pro_a,
                title=f"H{n}",
                starts_at=moment + datetime.timedelta(seconds=n),
            )
    assert DispatchSlot.objects.count() == 1
    assert len(callbacks) == 1


@pytest.mark.django_db
def test_dispatch_fans_out_one_task_per_batch(make, world, monkeypatch):
    _due_deliveries(make, world, 7)
    monkeypatch.setattr(services, "BATCH_SIZE", 3)
    enqueued = []
    from doenvermogen.reminders import tasks

    class FakeTask:
        def enqueue(self):
            enqueued.append(1)

    monkeypatch.setattr(tasks, "send_due_batch", FakeTask())
    assert services.deliveries_dispatch() == 3 and len(enqueued) == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="SKIP LOCKED needs PostgreSQL")
def test_parallel_workers_take_disjoint_batches(make, world):
    deliveries = _due_deliveries(make, world, 40)
    claimed: list[list[int]] = []
    barrier = threading.Barrier(4)

    def worker():
        try:
            barrier.wait()
            claimed.append(services._claim_batch(timezone.now(), 10))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    flat = [pk for batch in claimed for pk in batch]
    assert sorted(flat) == sorted(d.pk for d in deliveries)  # all claimed, none twice


@pytest.mark.django_db
def test_a_batch_looks_the_personal_links_up_once_and_each_email_gets_its_own(make, world):
    """The e-mail's sign-in link needs the client's usable personal link: one query for the whole
    batch, not one per e-mail (it was a third of a delivery's time on PostgreSQL)."""
    from django.test.utils import CaptureQueriesContext

    from doenvermogen.clientaccess import services as link_services
    from doenvermogen.clientaccess.email_links import client_email_link_redeem

    deliveries = _due_deliveries(make, world, 6)
    with_link = [d.reminder.client for d in deliveries[:4]]
    for client in with_link:
        _link, token = link_services.client_link_create(client=client, author=world.pro_a)
        link_services.client_link_redeem(token=token)  # the client opened it: has a user now
    revoked, _ = link_services.client_link_create(client=with_link[3], author=world.pro_a)
    link_services.client_link_revoke(link=revoked, author=world.pro_a)  # the older one still works
    with CaptureQueriesContext(connection) as queries:
        assert services.deliveries_send_due(limit=100) == {"sent": 6}
    link_lookups = [q for q in queries if "clientaccess_clientaccesslink" in q["sql"]]
    assert len(link_lookups) == 1
    by_address = {m.to[0]: m.body for m in mail.outbox}
    for client in with_link:
        client.refresh_from_db()
        token = by_address[client.email].split("/m/", 1)[1].split("/", 1)[0]
        user, link = client_email_link_redeem(token=token)
        assert user == client.user and link.client_id == client.pk and link.revoked_at is None
    for delivery in deliveries[4:]:
        assert "/m/" not in by_address[delivery.reminder.client.email]  # no link: the plain page
