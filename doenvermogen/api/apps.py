from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "doenvermogen.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from doenvermogen.api import changes

        changes.connect()
