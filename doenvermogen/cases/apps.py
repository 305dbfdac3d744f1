from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "doenvermogen.cases"
    label = "cases"
