"""The form_key columns become the shared ``IdempotentModel.idempotency_key`` (core.idempotency)."""

from django.db import migrations, models

from doenvermogen.core.migration_ops import adopt_idempotency_key


class Migration(migrations.Migration):
    dependencies = [("goals", "0001_initial")]

    operations = [
        migrations.RemoveConstraint(model_name="goalplan", name="goalplan_unique_form_key"),
        migrations.RemoveConstraint(model_name="step", name="step_unique_form_key"),
        migrations.RemoveConstraint(model_name="review", name="review_unique_form_key"),
        *adopt_idempotency_key("goalplan", "goals", old_name="form_key"),
        *adopt_idempotency_key("step", "goals", old_name="form_key"),
        *adopt_idempotency_key("review", "goals", old_name="form_key"),
        migrations.AddField(
            model_name="executiveskillcheck",
            name="idempotency_key",
            field=models.CharField(
                blank=True, editable=False, max_length=64, null=True, unique=True
            ),
        ),
        migrations.AddField(
            model_name="reward",
            name="idempotency_key",
            field=models.CharField(
                blank=True, editable=False, max_length=64, null=True, unique=True
            ),
        ),
    ]
