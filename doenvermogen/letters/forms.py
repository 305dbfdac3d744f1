"""The letter checker's form: paste text or upload a file (.txt, .docx, .pdf)."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

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
