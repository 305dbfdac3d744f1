"""Load the self-scan's building blocks and statements, so every database starts with them."""

from django.db import migrations


def forwards(apps, schema_editor):
    from doenvermogen.selfscan.catalogues import load

    load(apps.get_model("selfscan", "BuildingBlock"), apps.get_model("selfscan", "Statement"))


class Migration(migrations.Migration):
    dependencies = [("selfscan", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
