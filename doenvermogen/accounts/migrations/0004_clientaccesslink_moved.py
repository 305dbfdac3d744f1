# ClientAccessLink moved to the clientaccess app (layers: accounts must not point to cases).
# Only Django's model state changes here; the table and its rows stay, and
# clientaccess.0001_initial takes the model over (and renames the table).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_idempotency_key'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='ClientAccessLink')],
            database_operations=[],
        ),
    ]
