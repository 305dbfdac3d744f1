"""Forms for the client's rights: the date a trajectory ends."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TrajectoryEndForm(forms.Form):
    ended_on = forms.DateField(
        label=_("Last day of the trajectory"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Fill in a date, for example 31-12-2026.")},
    )

    def __init__(self, *args, started_on: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.started_on = started_on
        self.fields["ended_on"].initial = timezone.localdate()

    def clean_ended_on(self) -> datetime.date:
        value = self.cleaned_data["ended_on"]
        if self.started_on and value < self.started_on:
            raise forms.ValidationError(_("The end cannot be before the start."))
        return value
