"""A cheaper access-log INSERT (issue 14): two unused indexes and the foreign-key constraint go.

- ``event``: its index and PostgreSQL's ``varchar_pattern_ops`` twin (``…_like``) go. Nothing
  looks entries up by event: the export and the client's access history use ``(client_id, at)``,
  the admin's list ``at``, and the admin's search on event is a substring match (``UPPER(event)
  LIKE '%…%'``) that neither index served.
- ``actor``: the database constraint goes (``db_constraint=False``), its index stays. Every
  INSERT queued a check of the user for the commit; the log outlives its users anyway, and
  deleting a user through Django still sets ``actor_id`` to NULL (``SET_NULL``, found by the
  index; the append-only trigger allows that one change).

On PostgreSQL the partitioned table's indexes and constraint are dropped on the parent, which
drops them in every partition; partitions made later (``audit.partitions.ensure_partitions``)
copy the parent's remaining indexes: (id, at), at, actor_id, (client_id, at). On SQLite Django
rebuilds the table. No rows are touched.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0004_partition_by_month"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="accesslogentry",
            name="actor",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="accesslogentry",
            name="event",
            field=models.CharField(blank=True, max_length=60, verbose_name="event"),
        ),
    ]
