from django.contrib import admin

from doenvermogen.accounts.models import Membership, Organisation, Team, User


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    search_fields = ["name"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "kind", "is_active"]
    search_fields = ["email", "name"]
    exclude = ["password", "user_permissions", "groups"]
    inlines = [MembershipInline]
