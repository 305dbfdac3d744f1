from django.apps import AppConfig


class PsychoeducationConfig(AppConfig):
    name = "doenvermogen.psychoeducation"
    label = "psychoeducation"

    def ready(self) -> None:
        from doenvermogen.psychoeducation import attention

        attention.register()
        from django.utils.translation import gettext_lazy as _

        from doenvermogen.cases.hooks import register_trajectory_end
        from doenvermogen.psychoeducation import sections, services
        from doenvermogen.ui.context_processors import register_navigation_item
        from doenvermogen.ui.sections import (
            register_client_page_section,
            register_trajectory_section,
        )

        register_trajectory_section(
            order=10,
            template="psychoeducation/_trajectory_section.html",
            context=sections.trajectory_context,
        )
        register_navigation_item("admin:index", _("Catalogues"), ("administrator",))
        register_navigation_item("psychoeducation:team_meeting", _("Team meeting"), ("team_lead",))
        register_client_page_section(
            order=15,  # after today and what is coming (reminders, order 5)
            template="psychoeducation/_client_section.html",
            context=sections.client_page_context,
        )
        register_trajectory_end(services.sessions_end_with_trajectory)
