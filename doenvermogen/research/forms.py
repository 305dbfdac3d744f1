"""Forms of the research app: a questionnaire built from an instrument, study, instrument upload."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentFormMixin
from doenvermogen.research.models import Instrument, Study

MAX_UPLOAD = 200_000


def _t(text: dict) -> str:
    lang = (get_language() or "nl")[:2]
    return text.get(lang) or text.get("nl", "")


class QuestionnaireForm(IdempotentFormMixin):
    """One radio group per item of an instrument."""

    def __init__(self, *args, instrument: Instrument, **kwargs):
        super().__init__(*args, **kwargs)
        definition = instrument.definition
        self.instrument = instrument
        self.intro = _t(definition.get("intro", {}))
        for item in definition["items"]:
            scale = definition["scales"][item["scale"]]
            labels = {int(k): _t(v) for k, v in scale["labels"].items()}
            choices = [
                (v, f"{v} – {labels[v]}" if v in labels else str(v))
                for v in range(scale["min"], scale["max"] + 1)
            ]
            self.fields[f"item_{item['code']}"] = forms.TypedChoiceField(
                label=_t(item["text"]),
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose an answer.")},
            )

    def answers(self) -> dict[str, int]:
        return {
            name.removeprefix("item_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("item_")
        }


class StudyForm(IdempotentFormMixin):
    name = forms.CharField(
        label=_("Name of the study"), max_length=Study._meta.get_field("name").max_length
    )
    instruments = forms.ModelMultipleChoiceField(
        queryset=None,
        label=_("Instruments"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one instrument.")},
    )

    def __init__(self, *args, instruments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instruments"].queryset = instruments


class InstrumentUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Instrument file (YAML or JSON)"),
        help_text=_("See docs/research.md for the format."),
    )

    def clean_file(self):
        f = self.cleaned_data["file"]
        if f.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is too big (at most 200 kB)."))
        if not f.name.lower().endswith((".yaml", ".yml", ".json")):
            raise forms.ValidationError(_("Choose a .yaml, .yml or .json file."))
        try:
            return f.name, f.read().decode("utf-8")
        except UnicodeDecodeError:
            raise forms.ValidationError(_("The file is not UTF-8 text.")) from None


class EnrolForm(forms.Form):
    study = forms.ModelChoiceField(queryset=None, label=_("Study"))

    def __init__(self, *args, studies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["study"].queryset = studies
