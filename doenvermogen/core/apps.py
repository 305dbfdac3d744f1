from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "doenvermogen.core"
    label = "core"
    verbose_name = "core"
