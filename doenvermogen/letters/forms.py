"""The letter checker's form (paste text or upload a .txt, .docx or .pdf file) and the forms of
a team's standard letters."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentFormMixin
from doenvermogen.letters.models import NOTE_MAX, PURPOSE_MAX, TEXT_MAX, TITLE_MAX

ALLOWED = (".txt", ".docx", ".pdf")


class LetterForm(forms.Form):
    text = forms.CharField(
        label=_("Paste the letter"),
        widget=forms.Textarea(
            attrs={
                "rows": 14,
                # The editor: checked again 1.5 s after typing stops (htmx).
                "hx-post": reverse_lazy("letters:check"),
                "hx-trigger": "input changed delay:1500ms",
                "hx-target": "#letter-result",
                "hx-swap": "outerHTML",
            }
        ),
        required=False,
    )
    #: The first version checked in this session of the editor, and its score (signed), for
    #: the side-by-side view.
    original = forms.CharField(widget=forms.HiddenInput, required=False)
    original_score = forms.CharField(widget=forms.HiddenInput, required=False)
    upload = forms.FileField(
        label=_("Or choose a file (.txt, .docx or .pdf)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED)}),
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return upload
        if not upload.name.lower().endswith(ALLOWED):
            raise forms.ValidationError(
                _("This kind of file cannot be read. Choose a .txt, .docx or .pdf file.")
            )
        if upload.size > settings.LETTERS_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("This file is too big (at most %(mb)d MB).")
                % {"mb": settings.LETTERS_MAX_UPLOAD_BYTES // (1024 * 1024)}
            )
        return upload

    def clean(self):
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("upload") and not self.errors:
            raise forms.ValidationError(_("Paste the text of a letter, or choose a file."))
        return data


TEMPLATE_HELP = _(
    "A standard letter is a template, never a letter to one client. Write [name], [amount] or "
    "[date] where a client's details go."
)


class StandardLetterForm(IdempotentFormMixin):
    """A new standard letter of a team, with the text of its first version."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX)
    purpose = forms.CharField(
        label=_("What is the letter for? (notes for the team)"),
        max_length=PURPOSE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    team = forms.ModelChoiceField(label=_("Team"), queryset=None, empty_label=None)
    text = forms.CharField(
        label=_("Text of the letter"),
        max_length=TEXT_MAX,
        help_text=TEMPLATE_HELP,
        widget=forms.Textarea(attrs={"rows": 14}),
    )
    change_note = forms.CharField(
        label=_("Note with this version (optional)"), max_length=NOTE_MAX, required=False
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = teams
        if len(teams) == 1:
            self.fields["team"].initial = teams[0]
            self.fields["team"].widget = forms.HiddenInput()

    def clean_text(self) -> str:
        return self.cleaned_data["text"].replace("\r\n", "\n")


class StandardVersionForm(IdempotentFormMixin):
    """ "Save as a new version" in the editor: the edited text and a short note."""

    text = forms.CharField(
        label=_("Text of the letter"), max_length=TEXT_MAX, help_text=TEMPLATE_HELP
    )
    change_note = forms.CharField(
        label=_("What did you change? (optional)"), max_length=NOTE_MAX, required=False
    )

    def clean_text(self) -> str:
        return self.cleaned_data["text"].replace("\r\n", "\n")
