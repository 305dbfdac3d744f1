"""Load the instruments shipped with doenvermogen (stress thermometer, grip scale)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from doenvermogen.research.catalogues import load

    load(apps.get_model("research", "Instrument"))


class Migration(migrations.Migration):
    dependencies = [("research", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
