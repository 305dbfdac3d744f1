"""Gate and review keys become the shared ``IdempotentModel.idempotency_key``; strategies get one."""

from django.db import migrations, models

from doenvermogen.core.migration_ops import adopt_idempotency_key


class Migration(migrations.Migration):
    dependencies = [("psychoeducation", "0004_then_label")]

    operations = [
        migrations.RemoveConstraint(model_name="gateconversation", name="gate_idempotent"),
        migrations.RemoveConstraint(model_name="review", name="review_idempotent"),
        *adopt_idempotency_key("gateconversation", "psychoeducation"),
        *adopt_idempotency_key("review", "psychoeducation"),
        migrations.AddField(
            model_name="clientstrategy",
            name="idempotency_key",
            field=models.CharField(
                blank=True, editable=False, max_length=64, null=True, unique=True
            ),
        ),
    ]
