"""Identity providers in the admin: endpoints from the discovery document, claim mappings.

Only superusers manage providers (a mapping decides who becomes staff of which organisation).
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from doenvermogen.accounts.models import Membership
from doenvermogen.sso.discovery import DiscoveryError, discover
from doenvermogen.sso.models import (
    ClientIdentity,
    IdentityProvider,
    OrganisationMapping,
    RoleMapping,
    StaffIdentity,
)


class IdentityProviderForm(forms.ModelForm):
    password_roles = forms.MultipleChoiceField(
        label=_("roles that may still sign in with a password"),
        choices=Membership.Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    client_secret = forms.CharField(
        label=_("client secret"), max_length=500, widget=forms.PasswordInput(render_value=True)
    )

    class Meta:
        model = IdentityProvider
        exclude: list[str] = []

    def clean(self):
        data = super().clean()
        needed = ["authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_endpoint"]
        if data.get("issuer") and not all(data.get(name) for name in needed):
            try:
                found = discover(data["issuer"])
            except DiscoveryError as exc:
                raise forms.ValidationError(
                    _("The endpoints could not be read from the issuer (%(error)s). Fill them in.")
                    % {"error": exc}
                ) from exc
            for name, value in found.items():
                if not data.get(name):
                    data[name] = value
                    self.instance.__dict__[name] = value
        if data.get("purpose") == IdentityProvider.Purpose.CLIENT and not data.get("organisation"):
            self.add_error("organisation", _("DigiD is switched on for one organisation."))
        return data


class OrganisationMappingInline(admin.TabularInline):
    model = OrganisationMapping
    extra = 1


class RoleMappingInline(admin.TabularInline):
    model = RoleMapping
    extra = 1


class SuperuserOnly:
    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(IdentityProvider)
class IdentityProviderAdmin(SuperuserOnly, admin.ModelAdmin):
    form = IdentityProviderForm
    list_display = ["name", "purpose", "enabled", "issuer", "organisation"]
    list_filter = ["purpose", "enabled"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationMappingInline, RoleMappingInline]
    actions = ["refresh_endpoints"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "purpose", "enabled", "organisation"]}),
        (
            _("Provider"),
            {
                "fields": [
                    "issuer",
                    "client_id",
                    "client_secret",
                    "scopes",
                    "sign_algorithm",
                    "use_pkce",
                ]
            },
        ),
        (
            _("Endpoints (read from the issuer when left empty)"),
            {
                "fields": [
                    "authorization_endpoint",
                    "token_endpoint",
                    "userinfo_endpoint",
                    "jwks_endpoint",
                    "end_session_endpoint",
                ]
            },
        ),
        (
            _("Claims"),
            {
                "fields": [
                    "email_claim",
                    "name_claim",
                    "organisation_claim",
                    "roles_claim",
                    "bsn_claim",
                    "password_roles",
                ]
            },
        ),
    ]

    @admin.action(description=_("Read the endpoints again from the issuer"))
    def refresh_endpoints(self, request, queryset):
        for provider in queryset:
            try:
                found = discover(provider.issuer)
            except DiscoveryError as exc:
                self.message_user(request, f"{provider}: {exc}", messages.ERROR)
                continue
            for name, value in found.items():
                setattr(provider, name, value)
            provider.save()
            self.message_user(request, _("%(name)s: endpoints read.") % {"name": provider})


@admin.register(StaffIdentity)
class StaffIdentityAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["user", "provider", "last_sign_in_at"]
    readonly_fields = ["provider", "subject", "user", "last_sign_in_at"]


@admin.register(ClientIdentity)
class ClientIdentityAdmin(SuperuserOnly, admin.ModelAdmin):
    list_display = ["client_id", "organisation", "created_at", "last_sign_in_at"]
    readonly_fields = ["client", "organisation", "bsn_hash", "created_at", "created_by"]
