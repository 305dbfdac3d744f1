"""Load the standard talk chart and strategy catalogue, so every database starts with them."""

from django.db import migrations


def forwards(apps, schema_editor):
    from doenvermogen.psychoeducation.catalogues import load

    load(apps.get_model("psychoeducation", "StressEffect"), apps.get_model("psychoeducation", "Strategy"))


class Migration(migrations.Migration):
    dependencies = [("psychoeducation", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
