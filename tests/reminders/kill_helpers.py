"""Helpers for the worker-kill test, run inside the worker and setup processes."""

from __future__ import annotations

import datetime
import os
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend

# After the mail server has accepted a message, an SMTP conversation still takes a moment (the
# reply, QUIT): a kill in that moment is the one that can cause a duplicate.
ACK_DELAY = 0.03


class AckDelayFileBackend(BaseEmailBackend):
    """Each message in its own file (written, synced, renamed), then a pause like SMTP's reply."""

    def send_messages(self, messages) -> int:
        folder = Path(settings.EMAIL_FILE_PATH)
        for message in messages:
            # Like a mail server: a message is accepted whole or not at all. Written under a
            # temporary name and renamed, so a worker killed mid-write leaves no half message
            # (an empty .eml without a Message-ID made the kill test fail under load).
            name = uuid.uuid4().hex
            partial = folder / f"{name}.partial"
            with open(partial, "wb") as fh:
                fh.write(message.message().as_bytes())
                fh.flush()
                os.fsync(fh.fileno())
            os.rename(partial, folder / f"{name}.eml")
            time.sleep(ACK_DELAY)
        return len(messages)


def setup(count: int) -> list[int]:
    """``count`` clients with consent and one reminder each, all due now; tasks enqueued."""
    from django.utils import timezone

    from doenvermogen.accounts.models import Membership, Organisation, Team, User
    from doenvermogen.cases.models import Client, Consent, Trajectory
    from doenvermogen.cases.services import consent_record
    from doenvermogen.reminders import services
    from doenvermogen.reminders.models import Delivery, Reminder

    org = Organisation.objects.create(name="Gemeente K")
    team = Team.objects.create(organisation=org, name="Team K")
    pro = User.objects.create_user(email="pro@example.org", name="Pro")
    Membership.objects.create(user=pro, organisation=org, team=team, role="professional")
    soon = timezone.now() + datetime.timedelta(seconds=30)
    for n in range(count):
        client = Client.objects.create(
            organisation=org, display_name=f"Cliënt {n}", email=f"c{n}@example.org"
        )
        trajectory = Trajectory.objects.create(
            client=client, organisation=org, team=team, kind=Trajectory.Kind.DEBT_COUNSELLING
        )
        consent_record(client=client, author=pro, purpose=Consent.Purpose.REMINDERS)
        services.reminder_create(
            trajectory=trajectory, author=pro, title=f"Herinnering {n}", starts_at=soon
        )
    from django_tasks_db.models import DBTaskResult

    past = timezone.now() - datetime.timedelta(seconds=1)
    Delivery.objects.update(due_at=past, next_attempt_at=past)
    Reminder.objects.update(starts_at=past)
    DBTaskResult.objects.update(run_after=past)
    return list(Delivery.objects.values_list("pk", flat=True))
