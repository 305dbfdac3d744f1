from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "doenvermogen.audit"
    label = "audit"
