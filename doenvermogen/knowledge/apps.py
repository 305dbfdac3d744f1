from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "doenvermogen.knowledge"
    label = "knowledge"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from doenvermogen.ui.context_processors import register_navigation_item

        register_navigation_item(
            "knowledge:index", _("Knowledge base"), ("team", "team_lead", "administrator")
        )
