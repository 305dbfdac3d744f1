from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "doenvermogen.goals"
    label = "goals"

    def ready(self) -> None:
        from doenvermogen.goals import sections
        from doenvermogen.ui.sections import (
            register_client_page_section,
            register_client_today,
            register_trajectory_section,
        )

        register_trajectory_section(
            order=30, template="goals/_trajectory_section.html", context=sections.trajectory
        )
        register_client_page_section(
            order=20, template="goals/_client_section.html", context=sections.client_page
        )
        register_client_today(sections.client_today)
