"""API tokens in the admin: an organisation's administrator makes one, sees the secret once,
chooses scopes and teams, and stops it."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from doenvermogen.accounts.models import Team
from doenvermogen.accounts.selectors import organisations_administered_by
from doenvermogen.api import services
from doenvermogen.api.models import SCOPES, ApiToken


class ApiTokenForm(forms.ModelForm):
    scopes = forms.MultipleChoiceField(
        label=_("scopes"), choices=SCOPES, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ApiToken
        fields = ["organisation", "name", "scopes", "teams", "revoked_at"]

    def clean(self):
        data = super().clean()
        organisation = data.get("organisation")
        teams = data.get("teams")
        if organisation and teams and any(t.organisation_id != organisation.pk for t in teams):
            self.add_error("teams", _("Choose teams of this organisation."))
        return data


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    form = ApiTokenForm
    list_display = ["name", "organisation", "prefix", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["organisation"]
    readonly_fields = ["prefix", "created_at", "last_used_at", "created_by"]
    filter_horizontal = ["teams"]

    def get_queryset(self, request):
        qs = super().get_queryset(request).select_related("organisation")
        if request.user.is_superuser:
            return qs
        return qs.filter(organisation__in=organisations_administered_by(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation" and not request.user.is_superuser:
            kwargs["queryset"] = organisations_administered_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "teams" and not request.user.is_superuser:
            kwargs["queryset"] = Team.objects.filter(
                organisation__in=organisations_administered_by(request.user)
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:
            obj.save()
            if obj.revoked_at:
                services.api_token_revoke(token=obj)
            return
        token, secret = services.api_token_create(
            organisation=form.cleaned_data["organisation"],
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            teams=list(form.cleaned_data["teams"]),
            author=request.user,
        )
        form.instance = token
        obj.pk = token.pk
        messages.warning(
            request,
            _("Copy the token now; it is not shown again: %(secret)s") % {"secret": secret},
        )

    def save_related(self, request, form, formsets, change):
        if change:
            super().save_related(request, form, formsets, change)
            services.api_token_set_teams(token=form.instance, teams=list(form.instance.teams.all()))
