"""Forms for single sign-on: a professional types a client's BSN once to link DigiD."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class BsnForm(forms.Form):
    bsn = forms.CharField(
        label=_("Citizen service number (BSN)"),
        max_length=11,
        help_text=_("Only a coded fingerprint is kept, never the number."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
