from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "doenvermogen.reminders"
    label = "reminders"

    def ready(self) -> None:
        from doenvermogen.cases.hooks import register_trajectory_end
        from doenvermogen.reminders import attention

        attention.register()
        from doenvermogen.reminders import sections, services
        from doenvermogen.ui.sections import (
            register_client_page_section,
            register_trajectory_section,
        )

        register_trajectory_section(
            order=40, template="reminders/_trajectory_section.html", context=sections.trajectory
        )
        # First on the client's page: today and what is coming, before the plan.
        register_client_page_section(
            order=5, template="reminders/_client_section.html", context=sections.client_page
        )
        register_trajectory_end(services.reminders_end_with_trajectory)
