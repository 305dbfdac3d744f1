from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "doenvermogen.cases"
    label = "cases"

    def ready(self) -> None:
        import datetime

        from django.db.models import BooleanField, ExpressionWrapper, Q
        from django.utils.translation import gettext_lazy as _

        from doenvermogen.cases.attention import register_attention

        def _new(today: datetime.date):
            recent = Q(started_on__gte=today - datetime.timedelta(days=14))
            return ExpressionWrapper(recent, output_field=BooleanField())

        register_attention(code="new", label=_("new"), order=90, expression=_new)
