from django.apps import AppConfig


class UiConfig(AppConfig):
    name = "doenvermogen.ui"
    label = "ui"
