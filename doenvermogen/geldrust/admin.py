"""An organisation's administrator keeps their municipality's schemes and routes here."""

from django.contrib import admin

from doenvermogen.geldrust.models import DebtRoute, Municipality, MunicipalScheme


class SchemeInline(admin.StackedInline):
    model = MunicipalScheme
    extra = 0


class RouteInline(admin.TabularInline):
    model = DebtRoute
    extra = 0


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "organisation", "is_example", "valid_from")
    inlines = [SchemeInline, RouteInline]
