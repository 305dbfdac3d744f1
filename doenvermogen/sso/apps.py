from django.apps import AppConfig


class SsoConfig(AppConfig):
    name = "doenvermogen.sso"
    label = "sso"
    verbose_name = "Single sign-on"

    def ready(self) -> None:
        from django.utils.translation import gettext_lazy as _

        from doenvermogen.sso import sections
        from doenvermogen.ui.context_processors import register_navigation_item
        from doenvermogen.ui.sections import register_trajectory_section

        register_trajectory_section(
            order=90, template="sso/_trajectory_section.html", context=sections.trajectory
        )
        register_navigation_item("sso:providers", _("Sign-in"), ("administrator",))
