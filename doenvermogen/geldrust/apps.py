from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeldrustConfig(AppConfig):
    name = "doenvermogen.geldrust"
    label = "geldrust"
    verbose_name = "Geldrust"

    def ready(self) -> None:
        from doenvermogen.geldrust import sections
        from doenvermogen.ui.context_processors import register_navigation_item
        from doenvermogen.ui.sections import (
            register_client_page_section,
            register_team_meeting_section,
            register_trajectory_section,
        )

        register_trajectory_section(
            order=40, template="geldrust/_trajectory_section.html", context=sections.trajectory
        )
        register_client_page_section(
            order=30, template="geldrust/_client_section.html", context=sections.client_page
        )
        register_team_meeting_section(
            order=20, template="geldrust/_team_section.html", context=sections.team_meeting
        )
        register_navigation_item("geldrust:check", _("Money check"), ("team",))
