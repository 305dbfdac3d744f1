from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "doenvermogen.api"
    label = "api"
