"""Retention periods in the admin: an organisation's administrators set their own."""

from __future__ import annotations

from django.contrib import admin

from doenvermogen.accounts.selectors import organisations_administered_by
from doenvermogen.privacy.models import ErasureRecord, RetentionPolicy


@admin.register(RetentionPolicy)
class RetentionPolicyAdmin(admin.ModelAdmin):
    list_display = ["organisation", "category", "days", "reason"]
    list_filter = ["category"]

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("organisation")
        if request.user.is_superuser:
            return qs
        return qs.filter(organisation__in=organisations_administered_by(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation" and not request.user.is_superuser:
            kwargs["queryset"] = organisations_administered_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(ErasureRecord)
class ErasureRecordAdmin(admin.ModelAdmin):
    list_display = ["client_id", "category", "erased_at", "rows"]
    readonly_fields = ["client_id", "category", "erased_at", "rows"]

    def has_add_permission(self, request):
        return False
