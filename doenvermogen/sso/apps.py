from django.apps import AppConfig


class SsoConfig(AppConfig):
    name = "doenvermogen.sso"
    label = "sso"
    verbose_name = "Single sign-on"

    def ready(self) -> None:
        from doenvermogen.sso import sections
        from doenvermogen.ui.sections import register_trajectory_section

        register_trajectory_section(
            order=90, template="sso/_trajectory_section.html", context=sections.trajectory
        )
