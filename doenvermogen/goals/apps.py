from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "doenvermogen.goals"
    label = "goals"
