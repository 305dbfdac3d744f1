"""The form_key columns become the shared ``IdempotentModel.idempotency_key`` (core.idempotency)."""

from django.db import migrations

from doenvermogen.core.migration_ops import adopt_idempotency_key


class Migration(migrations.Migration):
    dependencies = [("reminders", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="appointment", name="appointment_unique_form_key"),
        migrations.RemoveConstraint(model_name="reminder", name="reminder_unique_form_key"),
        *adopt_idempotency_key("appointment", "reminders", old_name="form_key"),
        *adopt_idempotency_key("reminder", "reminders", old_name="form_key"),
    ]
