"""Catalogue management in the admin site.

The platform's superusers maintain the standard talk chart and strategies (also loaded from
data/*.yaml). An organisation's administrators (role "administrator" with Django staff access and
the catalogue permissions) add their organisation's own effects and strategies; they see the
standard entries read-only, and never another organisation's.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Q

from doenvermogen.accounts.selectors import organisations_administered_by
from doenvermogen.psychoeducation.models import Strategy, StressEffect


class OrganisationCatalogueAdmin(admin.ModelAdmin):
    list_filter = ["active", "organisation"]

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("organisation")
        if request.user.is_superuser:
            return qs
        return qs.filter(
            Q(organisation__isnull=True)
            | Q(organisation__in=organisations_administered_by(request.user))
        )

    def _own(self, request, obj) -> bool:
        if request.user.is_superuser or obj is None:
            return True
        return obj.organisation_id in set(
            organisations_administered_by(request.user).values_list("pk", flat=True)
        )

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._own(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._own(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation" and not request.user.is_superuser:
            kwargs["queryset"] = organisations_administered_by(request.user)
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(StressEffect)
class StressEffectAdmin(OrganisationCatalogueAdmin):
    list_display = ["text_nl", "organisation", "order", "active", "is_other"]
    search_fields = ["text_nl", "text_en", "code"]


@admin.register(Strategy)
class StrategyAdmin(OrganisationCatalogueAdmin):
    list_display = ["name_nl", "group", "organisation", "order", "active"]
    list_filter = ["group", "active", "organisation"]
    search_fields = ["name_nl", "name_en", "code"]
