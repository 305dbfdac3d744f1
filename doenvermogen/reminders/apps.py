from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "doenvermogen.reminders"
    label = "reminders"
