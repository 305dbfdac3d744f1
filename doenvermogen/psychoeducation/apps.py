from django.apps import AppConfig


class PsychoeducationConfig(AppConfig):
    name = "doenvermogen.psychoeducation"
    label = "psychoeducation"
