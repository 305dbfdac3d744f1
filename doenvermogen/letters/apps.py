from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "doenvermogen.letters"
    label = "letters"
