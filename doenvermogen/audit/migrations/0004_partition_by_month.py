"""On PostgreSQL: the access log becomes a table partitioned by month on ``at``.

Retention then drops whole partitions (``manage.py accesslog_partitions``), and every partition has
its own (client_id, at) index, so one client's export stays fast at tens of millions of rows. The
primary key becomes (id, at), as PostgreSQL requires the partition key in it; ids stay unique
through one sequence. A trigger refuses UPDATE and DELETE of rows (the log is append-only); only
dropping a whole expired partition removes entries. On SQLite nothing changes.
"""

from django.db import migrations

TABLE = "audit_accesslogentry"


def partition(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    from doenvermogen.audit.partitions import ensure_partitions

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relkind FROM pg_class WHERE relname = %s AND relnamespace = "
            "'public'::regnamespace",
            [TABLE],
        )
        if cursor.fetchone()[0] == "p":
            return  # already partitioned
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
            "AND indexname <> %s",
            [TABLE, f"{TABLE}_pkey"],
        )
        indexes = cursor.fetchall()
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'f'",
            [TABLE],
        )
        foreign_keys = cursor.fetchall()
        cursor.execute(f"ALTER TABLE {TABLE} RENAME TO {TABLE}_old")
        for name, _definition in indexes:
            cursor.execute(f'ALTER INDEX "{name}" RENAME TO "{name}_old"')
        for name, _definition in foreign_keys:
            cursor.execute(f'ALTER TABLE {TABLE}_old DROP CONSTRAINT "{name}"')
        cursor.execute(f"CREATE SEQUENCE IF NOT EXISTS {TABLE}_seq AS bigint")
        cursor.execute(
            f"CREATE TABLE {TABLE} (LIKE {TABLE}_old INCLUDING DEFAULTS) PARTITION BY RANGE (at)"
        )
        cursor.execute(
            f"ALTER TABLE {TABLE} ALTER COLUMN id SET DEFAULT nextval('{TABLE}_seq'), "
            f"ALTER COLUMN id SET NOT NULL, ADD PRIMARY KEY (id, at)"
        )
        cursor.execute(f"ALTER SEQUENCE {TABLE}_seq OWNED BY {TABLE}.id")
        cursor.execute(f"SELECT min(at), coalesce(max(id), 0) FROM {TABLE}_old")
        oldest, max_id = cursor.fetchone()
        cursor.execute("SELECT setval(%s, %s, %s)", [f"{TABLE}_seq", max(max_id, 1), max_id > 0])
        ensure_partitions(cursor, since=oldest)
        cursor.execute(f"INSERT INTO {TABLE} SELECT * FROM {TABLE}_old")
        cursor.execute(f"DROP TABLE {TABLE}_old")
        for name, definition in indexes:
            cursor.execute(definition.replace(f"{TABLE}_old", TABLE))
        for name, definition in foreign_keys:
            cursor.execute(f'ALTER TABLE {TABLE} ADD CONSTRAINT "{name}" {definition}')
        cursor.execute(
            """
            CREATE OR REPLACE FUNCTION audit_accesslog_append_only() RETURNS trigger AS $$
            BEGIN
                -- The one change allowed: a deleted user's id becomes NULL (the name stays).
                IF TG_OP = 'UPDATE' AND NEW.actor_id IS NULL
                   AND (to_jsonb(NEW) - 'actor_id') = (to_jsonb(OLD) - 'actor_id') THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'The access log is append-only.';
            END;
            $$ LANGUAGE plpgsql
            """
        )
        cursor.execute(
            f"CREATE TRIGGER accesslog_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
            "FOR EACH ROW EXECUTE FUNCTION audit_accesslog_append_only()"
        )


class Migration(migrations.Migration):
    atomic = True

    dependencies = [("audit", "0003_client_time_index")]

    operations = [migrations.RunPython(partition, migrations.RunPython.noop, elidable=False)]
