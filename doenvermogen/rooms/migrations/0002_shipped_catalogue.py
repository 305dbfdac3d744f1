"""Data migration: the shipped furniture catalogue (rooms/data/furniture.yaml)."""

from django.db import migrations


def load(apps, schema_editor):
    from doenvermogen.rooms import catalogues

    catalogues.load(apps.get_model("rooms", "FurnitureItem"))


class Migration(migrations.Migration):
    dependencies = [("rooms", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
