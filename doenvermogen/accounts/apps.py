from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "doenvermogen.accounts"
    label = "accounts"
