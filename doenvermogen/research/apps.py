from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResearchConfig(AppConfig):
    name = "doenvermogen.research"
    label = "research"
    verbose_name = _("research")

    def ready(self) -> None:
        from doenvermogen.research import sections
        from doenvermogen.ui.context_processors import register_navigation_item
        from doenvermogen.ui.sections import (
            register_client_page_section,
            register_trajectory_section,
        )

        register_navigation_item("research:home", _("Research"), ("researcher",))
        register_trajectory_section(
            order=80, template="research/_trajectory_section.html", context=sections.trajectory
        )
        register_client_page_section(
            order=80, template="research/_client_section.html", context=sections.client_page
        )
