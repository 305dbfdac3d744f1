"""The access log in Django's admin: read-only, with descriptions instead of codes."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.selectors import PSEUDO_ADDRESS_DOMAIN


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "who", "actor_role", "what_happened", "action", "client_id", "origin"]
    list_filter = ["action", "object_type", "origin"]
    search_fields = ["actor_label", "event"]

    @admin.display(description=_("who"), ordering="actor_label")
    def who(self, obj: AccessLogEntry) -> str:
        if obj.actor_label.endswith(PSEUDO_ADDRESS_DOMAIN) or obj.actor_role == "client":
            return str(_("the client"))
        return obj.actor_label

    @admin.display(description=_("what happened"), ordering="event")
    def what_happened(self, obj: AccessLogEntry) -> str:
        return obj.event_description

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
