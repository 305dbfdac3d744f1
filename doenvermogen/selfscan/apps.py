from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfscanConfig(AppConfig):
    name = "doenvermogen.selfscan"
    label = "selfscan"
    verbose_name = _("self-scan")

    def ready(self) -> None:
        from doenvermogen.ui.context_processors import register_navigation_item

        register_navigation_item("selfscan:home", _("Self-scan"), ("team", "administrator"))
        register_navigation_item("selfscan:checkin", _("My stress"), ("team",))
