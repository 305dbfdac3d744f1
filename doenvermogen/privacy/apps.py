from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "doenvermogen.privacy"
    label = "privacy"
    verbose_name = "Privacy"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from doenvermogen.privacy import sections
        from doenvermogen.ui.context_processors import register_navigation_item
        from doenvermogen.ui.sections import (
            register_client_page_section,
            register_trajectory_section,
        )

        register_trajectory_section(
            order=95, template="privacy/_trajectory_section.html", context=sections.trajectory
        )
        register_client_page_section(
            order=95, template="privacy/_client_section.html", context=sections.client_page
        )
        register_navigation_item("privacy:register", _("Privacy"), ("administrator",))
