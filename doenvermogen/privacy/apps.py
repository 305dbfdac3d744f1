from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "doenvermogen.privacy"
    label = "privacy"
