"""Sign-in form for staff (e-mail and password)."""

from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match. Check them and try again."
        ),
        "inactive": _("This account is switched off. Ask your administrator."),
    }

    def clean_username(self) -> str:
        return self.cleaned_data["username"].lower()
