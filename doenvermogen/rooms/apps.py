from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoomsConfig(AppConfig):
    name = "doenvermogen.rooms"
    label = "rooms"
    verbose_name = _("Consultation rooms")

    def ready(self) -> None:
        from doenvermogen.ui.context_processors import register_navigation_item

        register_navigation_item(
            "rooms:list", _("Rooms"), ("team_lead", "administrator", "professional")
        )
