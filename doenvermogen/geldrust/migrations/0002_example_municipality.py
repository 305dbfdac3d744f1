from django.db import migrations


def load(apps, schema_editor):
    from types import SimpleNamespace

    from doenvermogen.geldrust.catalogues import example_data, municipality_load

    models = SimpleNamespace(
        Municipality=apps.get_model("geldrust", "Municipality"),
        MunicipalScheme=apps.get_model("geldrust", "MunicipalScheme"),
        DebtRoute=apps.get_model("geldrust", "DebtRoute"),
    )
    municipality_load(data=example_data(), models=models)


class Migration(migrations.Migration):
    dependencies = [("geldrust", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
