from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "doenvermogen.letters"
    label = "letters"

    def ready(self) -> None:
        from doenvermogen.accounts.models import Membership
        from doenvermogen.ui.context_processors import register_navigation_item

        register_navigation_item(
            "letters:check",
            _("Letter checker"),
            ("team", *(r for r in Membership.Role.values)),
        )
