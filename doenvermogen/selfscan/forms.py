"""Forms of the self-scan and the stress check-in. Lengths match the model fields."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentFormMixin
from doenvermogen.selfscan.models import Action, BuildingBlock, Level, PersonalIntention, ScanRound

REMIND_CHOICES = [
    ("", _("no reminder")),
    ("1", _("1 day before")),
    ("3", _("3 days before")),
    ("7", _("1 week before")),
    ("14", _("2 weeks before")),
]


class RoundForm(IdempotentFormMixin):
    team = forms.ModelChoiceField(queryset=None, label=_("Team"))
    name = forms.CharField(
        label=_("Name of this round"),
        max_length=ScanRound._meta.get_field("name").max_length,
        help_text=_("For example: autumn 2026."),
    )

    def __init__(self, *args, teams=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams


class ScanForm(forms.Form):
    """One radio group and one example box per statement."""

    def __init__(self, *args, blocks, **kwargs):
        super().__init__(*args, **kwargs)
        self.blocks = blocks
        for block in blocks:
            for st in block.statements.all():
                self.fields[f"level_{st.pk}"] = forms.TypedChoiceField(
                    label=st.text,
                    choices=Level.choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose where we stand.")},
                )
                self.fields[f"example_{st.pk}"] = forms.CharField(
                    label=_("Example (optional)"),
                    max_length=500,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def grouped(self):
        """(block, [(level field, example field), …]) for the template."""
        return [
            (
                block,
                [
                    (self[f"level_{st.pk}"], self[f"example_{st.pk}"])
                    for st in block.statements.all()
                ],
            )
            for block in self.blocks
        ]

    def answers(self) -> dict[int, tuple[int, str]]:
        out = {}
        for block in self.blocks:
            for st in block.statements.all():
                out[st.pk] = (
                    self.cleaned_data[f"level_{st.pk}"],
                    self.cleaned_data.get(f"example_{st.pk}", ""),
                )
        return out


class ActionForm(IdempotentFormMixin):
    block = forms.ModelChoiceField(
        queryset=BuildingBlock.objects.filter(active=True), label=_("Building block")
    )
    what = forms.CharField(
        label=_("What we will do"), max_length=Action._meta.get_field("what").max_length
    )
    owner = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Who"), empty_label=_("(nobody yet)")
    )
    due_on = forms.DateField(
        label=_("By when"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Enter a date, for example 31-12-2026.")},
    )
    remind_days_before = forms.TypedChoiceField(
        label=_("E-mail reminder to who"),
        choices=REMIND_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = members


class IntentionForm(IdempotentFormMixin):
    text = forms.CharField(
        label=_("What can I do differently tomorrow?"),
        max_length=PersonalIntention._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only you see this."),
    )


AGREE = [
    (1, _("not at all")),
    (2, _("a little")),
    (3, _("somewhat")),
    (4, _("mostly")),
    (5, _("completely")),
]


class CheckInForm(IdempotentFormMixin):
    thermometer = forms.TypedChoiceField(
        label=_("How much stress do you feel this week? (0 = none, 10 = very much)"),
        choices=[(i, str(i)) for i in range(11)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a number from 0 to 10.")},
    )
    workload = forms.TypedChoiceField(
        label=_("My workload is manageable."),
        choices=AGREE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose an answer.")},
    )
    support = forms.TypedChoiceField(
        label=_("I feel supported by colleagues and my team lead."),
        choices=AGREE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose an answer.")},
    )
    appreciated = forms.TypedChoiceField(
        label=_("I feel appreciated in my work."),
        choices=AGREE,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose an answer.")},
    )
    note = forms.CharField(
        label=_("Note for myself (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
