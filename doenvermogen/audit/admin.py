"""The access log in Django's admin: read-only, with descriptions instead of codes."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from doenvermogen.audit.events import Kind
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.selectors import PSEUDO_ADDRESS_DOMAIN


class KindFilter(admin.SimpleListFilter):
    """The kinds of client data from the event vocabulary: Django's own filter for a plain text
    field reads every distinct value from the table (seconds at ten million rows)."""

    title = _("object")
    parameter_name = "object_type"

    def lookups(self, request, model_admin):  # type: ignore[no-untyped-def]
        return Kind.choices

    def queryset(self, request, queryset):  # type: ignore[no-untyped-def]
        return queryset.filter(object_type=self.value()) if self.value() else queryset


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "who", "actor_role", "what_happened", "action", "client_id", "origin"]
    list_filter = ["action", KindFilter, "origin"]
    # One count of the (filtered) rows a page, not a second one of the whole log.
    show_full_result_count = False
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
