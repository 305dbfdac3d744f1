"""Background work for the client's rights: erase what has passed its retention period.

Thin and idempotent: the service checks what is due and records what it did.
"""

from __future__ import annotations

from django_tasks import task

from doenvermogen.privacy import services


@task()
def erase_due() -> int:
    return len(services.erase_due())
