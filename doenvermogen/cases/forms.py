"""Forms for clients, trajectories, involvements and consents. Validation lives here."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doenvermogen.accounts.models import Team, User
from doenvermogen.cases.models import Client, Consent, Involvement, Trajectory
from doenvermogen.core.idempotency import IdempotentFormMixin


class ClientTrajectoryForm(IdempotentFormMixin):
    display_name = forms.CharField(
        label=_("Name the client wants to be called"),
        max_length=120,
        help_text=_("Only the name you use together. No citizen service number (BSN)."),
    )
    email = forms.EmailField(label=_("E-mail address (optional)"), required=False, max_length=254)
    phone = forms.CharField(label=_("Phone number (optional)"), max_length=30, required=False)
    preferred_channel = forms.ChoiceField(
        label=_("How does the client want to hear from us?"),
        choices=Client.Channel.choices,
        initial=Client.Channel.APP,
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=Client._meta.get_field("preferred_language").choices
    )
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    kind = forms.ChoiceField(label=_("Kind of trajectory"), choices=Trajectory.Kind.choices)
    role = forms.ChoiceField(label=_("Your role"), choices=Involvement.Role.choices)
    started_on = forms.DateField(
        label=_("Start date"),
        # A date input needs ISO dates (2026-11-23), whatever the language of the page.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams if teams is not None else Team.objects.none()

    def clean(self):
        data = super().clean()
        channel = data.get("preferred_channel")
        if channel == Client.Channel.EMAIL and not data.get("email"):
            self.add_error("email", _("Fill in an e-mail address, or choose another channel."))
        if channel == Client.Channel.PHONE and not data.get("phone"):
            self.add_error("phone", _("Fill in a phone number, or choose another channel."))
        return data


class InvolvementForm(forms.Form):
    professional = forms.ModelChoiceField(label=_("Professional"), queryset=User.objects.none())
    role = forms.ChoiceField(label=_("Role"), choices=Involvement.Role.choices)
    responsible_for_psychoeducation = forms.BooleanField(
        label=_("Does psycho-education"), required=False
    )
    responsible_for_reviews = forms.BooleanField(label=_("Reviews the strategies"), required=False)

    def __init__(self, *args, colleagues=None, **kwargs):
        super().__init__(*args, **kwargs)
        if colleagues is not None:
            self.fields["professional"].queryset = colleagues


class ConsentForm(IdempotentFormMixin):
    purpose = forms.ChoiceField(label=_("What for"), choices=Consent.Purpose.choices)
    note = forms.CharField(label=_("Note (optional)"), max_length=300, required=False)
