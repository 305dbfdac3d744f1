"""On PostgreSQL: a trigram index for searching clients by (part of) their name.

Django's ``icontains`` becomes ``UPPER(display_name::text) LIKE UPPER('%…%')``; this GIN index on
that expression (pg_trgm) serves it at any caseload. Making the extension needs a database owner
with CREATE rights (docs/admin.md); without it the search still works, only slower.
"""

from django.db import migrations

INDEX = "cases_client_name_trgm"


def forwards(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        if cursor.fetchone() is None:
            cursor.execute("SAVEPOINT trgm")
            try:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            except Exception:  # no rights to make the extension: search stays unindexed
                cursor.execute("ROLLBACK TO SAVEPOINT trgm")
                return
            cursor.execute("RELEASE SAVEPOINT trgm")
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON cases_client "
            "USING gin (UPPER(display_name::text) gin_trgm_ops)"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
