# ClientAccessLink, moved here from accounts with its data: the model state is taken over from
# the existing table accounts_clientaccesslink (no data copied), the table is then renamed to
# clientaccess_clientaccesslink, and the content type (admin history, permissions) follows.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    db = schema_editor.connection.alias
    if not ContentType.objects.using(db).filter(app_label='clientaccess', model='clientaccesslink').exists():
        ContentType.objects.using(db).filter(app_label='accounts', model='clientaccesslink').update(
            app_label='clientaccess'
        )


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    db = schema_editor.connection.alias
    ContentType.objects.using(db).filter(app_label='clientaccess', model='clientaccesslink').update(
        app_label='accounts'
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0004_clientaccesslink_moved'),
        ('cases', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ClientAccessLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('idempotency_key', models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True)),
                        ('token_hash', models.CharField(max_length=64, unique=True)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('expires_at', models.DateTimeField()),
                        ('revoked_at', models.DateTimeField(blank=True, null=True)),
                        ('last_used_at', models.DateTimeField(blank=True, null=True)),
                        ('sent_to', models.EmailField(blank=True, max_length=254)),
                        ('client', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='access_links', to='cases.client')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'sign-in link',
                        'verbose_name_plural': 'sign-in links',
                        'ordering': ['-created_at'],
                        'db_table': 'accounts_clientaccesslink',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name='clientaccesslink', table=None),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
