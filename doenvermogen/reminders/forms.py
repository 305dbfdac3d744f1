"""Forms for appointments, reminders, and the client's request to move an appointment."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentFormMixin
from doenvermogen.goals.models import Step
from doenvermogen.reminders.models import LOCAL_TZ, Reminder


def _combine(date: datetime.date, time: datetime.time) -> datetime.datetime:
    return datetime.datetime.combine(date, time).replace(tzinfo=LOCAL_TZ)


class _WhenMixin(forms.Form):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    time = forms.TimeField(label=_("Time"), widget=forms.TimeInput(attrs={"type": "time"}))

    def clean(self):
        data = super().clean()
        if data.get("date") and data.get("time"):
            data["when"] = _combine(data["date"], data["time"])
            if data["when"] <= timezone.now():
                self.add_error("date", _("This moment has passed. Choose a moment in the future."))
        return data


class AppointmentForm(IdempotentFormMixin, _WhenMixin):
    duration_minutes = forms.IntegerField(
        label=_("How long (minutes)"), min_value=5, max_value=480, initial=60
    )
    place = forms.CharField(
        label=_("Place"), max_length=200, help_text=_("Address and room, or 'by phone'.")
    )
    bring = forms.CharField(
        label=_("What to bring (one thing per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Be concrete, for example 'the blue envelope from the tax office'."),
    )
    default_reminders = forms.BooleanField(
        label=_("Remind the client the day before and two hours before"),
        required=False,
        initial=True,
    )


class ReminderForm(IdempotentFormMixin, _WhenMixin):
    title = forms.CharField(
        label=_("Reminder text"),
        max_length=200,
        help_text=_("Short and in the client's words, for example 'Open the post with mum'."),
    )
    subject = forms.ChoiceField(
        label=_("What is it about?"),
        choices=Reminder.Subject.choices,
        initial=Reminder.Subject.STEP,
    )
    step = forms.ModelChoiceField(
        label=_("Step (optional)"), queryset=Step.objects.none(), required=False
    )
    repeat = forms.ChoiceField(label=_("Repeat"), choices=Reminder.Repeat.choices)
    repeat_until = forms.DateField(
        label=_("Repeat until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    by_email = forms.BooleanField(label=_("Also send by e-mail"), required=False, initial=True)

    def __init__(self, *args, steps=None, **kwargs):
        super().__init__(*args, **kwargs)
        if steps is not None:
            self.fields["step"].queryset = steps

    def clean(self):
        data = super().clean()
        if data.get("step") is not None:
            data["subject"] = Reminder.Subject.STEP
        until = data.get("repeat_until")
        if until and data.get("date") and until < data["date"]:
            self.add_error("repeat_until", _("This date is before the first time."))
        return data


class MoveTimeForm(_WhenMixin):
    pass


class MoveRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Which day or time suits you better?"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: Tuesday afternoon is better for me."),
    )
