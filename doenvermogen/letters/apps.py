from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "doenvermogen.letters"
    label = "letters"

    def ready(self) -> None:
        from doenvermogen.accounts.models import Membership
        from doenvermogen.letters import sections
        from doenvermogen.ui.context_processors import register_navigation_item
        from doenvermogen.ui.sections import register_team_meeting_section

        register_navigation_item(
            "letters:check",
            _("Letter checker"),
            ("team", *(r for r in Membership.Role.values)),
        )
        register_team_meeting_section(
            order=30, template="letters/_team_section.html", context=sections.team_meeting
        )
