"""Forms of the psycho-education flow. Validation at the edge; services assume valid input."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentFormMixin
from doenvermogen.psychoeducation.models import (
    ClientStrategy,
    GateConversation,
    ReviewItem,
    Session,
)

Answer = GateConversation.Answer


class GateForm(IdempotentFormMixin):
    opening = forms.ChoiceField(
        label=_("How do you open the conversation?"),
        choices=GateConversation.Opening.choices,
        widget=forms.RadioSelect,
        initial=GateConversation.Opening.OPEN_QUESTION,
    )
    occasion_behaviour = forms.CharField(
        label=_("The occasion, as behaviour (for example: forgetting an appointment)"),
        max_length=200,
        required=False,
    )
    experiences_stress = forms.ChoiceField(
        label=_("Does the client say they experience ongoing stress?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
    )
    wants_to_talk = forms.ChoiceField(
        label=_("Does the client want to talk about it?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        required=False,
        help_text=_("Only when the client said yes to the first question."),
    )
    acute_threat = forms.ChoiceField(
        label=_("Is there an acute threat right now?"),
        choices=GateConversation.Threat.choices,
        required=False,
        help_text=_(
            "During an acute threat, clients are usually not open to this. Wait if you can."
        ),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("opening") == GateConversation.Opening.OCCASION
            and not (data.get("occasion_behaviour") or "").strip()
        ):
            self.add_error(
                "occasion_behaviour", _("Describe the occasion, or choose the open question.")
            )
        if data.get("experiences_stress") == Answer.YES and not data.get("wants_to_talk"):
            self.add_error("wants_to_talk", _("Ask whether the client wants to talk about it."))
        return data


class RecogniseForm(forms.Form):
    effects = forms.ModelMultipleChoiceField(
        label=_("What do you recognise in yourself?"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    own_words_1 = forms.CharField(label=_("In your own words"), max_length=200, required=False)
    own_words_2 = forms.CharField(label=_("Something else"), max_length=200, required=False)
    own_words_3 = forms.CharField(label=_("Something else"), max_length=200, required=False)

    def __init__(self, *args, effects=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["effects"].queryset = effects

    def own_words(self) -> list[str]:
        return [self.cleaned_data.get(f"own_words_{i}", "") for i in (1, 2, 3)]

    def clean(self):
        data = super().clean()
        if not data.get("effects") and not any(
            (data.get(f"own_words_{i}") or "").strip() for i in (1, 2, 3)
        ):
            raise forms.ValidationError(
                _("Tick at least one thing you recognise, or write it in your own words.")
            )
        return data


class ChooseForm(forms.Form):
    variant = forms.ChoiceField(
        label=_("How many do you want to work on?"),
        choices=[
            (Session.Variant.THREE, _("Up to three")),
            (Session.Variant.ONE, _("One, to start small")),
        ],
        widget=forms.RadioSelect,
        initial=Session.Variant.THREE,
    )
    chosen = forms.ModelMultipleChoiceField(
        label=_("What do you want to work on?"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose what you want to work on first.")},
    )
    rules_explained = forms.BooleanField(
        label=_(
            "I told the client: this explains behaviour; the agreements of the trajectory "
            "stay the same."
        ),
        required=False,
    )

    def __init__(self, *args, recognised=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen"].queryset = recognised
        self.fields["chosen"].label_from_instance = lambda obj: obj.label

    def clean(self):
        data = super().clean()
        limit = 1 if data.get("variant") == Session.Variant.ONE else 3
        chosen = data.get("chosen") or []
        if len(chosen) > limit:
            self.add_error(
                "chosen",
                _("Choose at most %(n)d. Small steps work best.") % {"n": limit},
            )
        if not data.get("rules_explained"):
            self.add_error(
                "rules_explained",
                _("Tell the client that the agreements stay the same, then tick this."),
            )
        return data


REPEAT_CHOICES = [
    ("once", _("once")),
    ("daily", _("every day")),
    ("weekly", _("every week")),
]


class StrategyForm(IdempotentFormMixin):
    recognised_effect = forms.IntegerField(widget=forms.HiddenInput)
    catalogue_strategy = forms.ChoiceField(
        label=_("Choose an idea (optional)"), required=False, widget=forms.RadioSelect
    )
    description = forms.CharField(
        label=_("What will you do? In your own words"),
        max_length=300,
        required=False,
        help_text=_("Empty: the name of the chosen idea is used."),
    )
    if_part = forms.CharField(label=_("If …"), max_length=200, required=False)
    then_part = forms.CharField(label=_("then …"), max_length=200, required=False)
    step_1 = forms.CharField(label=_("Small step 1"), max_length=200, required=False)
    step_2 = forms.CharField(label=_("Small step 2"), max_length=200, required=False)
    step_3 = forms.CharField(label=_("Small step 3"), max_length=200, required=False)
    reminder_date = forms.DateField(
        label=_("Reminder: date (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reminder_time = forms.TimeField(
        label=_("Reminder: time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
        initial=datetime.time(9, 0),
    )
    reminder_repeat = forms.ChoiceField(
        label=_("Repeat"), choices=REPEAT_CHOICES, required=False, initial="once"
    )
    reminder_by_email = forms.BooleanField(label=_("Also send by e-mail"), required=False)

    def __init__(self, *args, strategies=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogue = strategies or {}
        choices = [("", _("My own idea"))]
        for group, items in (strategies or {}).items():
            label = dict(
                (
                    ("thinking", _("Support for thinking")),
                    ("emotion", _("Dealing with emotions")),
                    ("activity", _("Activities that lower stress")),
                )
            )[group]
            choices.append((label, [(str(s.pk), s.name) for s in items]))
        self.fields["catalogue_strategy"].choices = choices

    def grouped_strategy_choices(self) -> list[dict]:
        """The radio buttons of the catalogue, grouped as in the guide (for the template)."""
        group_of = {}
        for value, label in self.fields["catalogue_strategy"].choices:
            if isinstance(label, list | tuple):
                group_of.update({str(v): str(value) for v, _ in label})
        groups: list[dict] = []
        for widget in self["catalogue_strategy"].subwidgets:
            group = group_of.get(str(widget.data["value"]), "")
            if not groups or groups[-1]["label"] != group:
                groups.append({"label": group, "choices": []})
            groups[-1]["choices"].append(widget)
        return groups

    def clean(self):
        data = super().clean()
        if not (data.get("description") or "").strip() and not data.get("catalogue_strategy"):
            self.add_error("description", _("Write what you will do, or choose an idea."))
        if bool((data.get("if_part") or "").strip()) != bool((data.get("then_part") or "").strip()):
            self.add_error("then_part", _("An if-then plan needs both parts."))
        if data.get("reminder_date"):
            if not data.get("reminder_time"):
                self.add_error("reminder_time", _("Choose a time for the reminder."))
            else:
                moment = timezone.make_aware(
                    datetime.datetime.combine(data["reminder_date"], data["reminder_time"])
                )
                if moment < timezone.now() and data.get("reminder_repeat", "once") == "once":
                    self.add_error("reminder_date", _("Choose a moment in the future."))
        return data

    def step_lines(self) -> list[str]:
        """At most three small steps: small steps work best."""
        return [(self.cleaned_data.get(f"step_{i}") or "").strip() for i in STEP_NUMBERS]

    def step_fields(self) -> list:
        return [self[f"step_{i}"] for i in STEP_NUMBERS]

    def idea_cards(self) -> list[dict]:
        """The catalogue's ideas as cards (name and a plain example), grouped as in the guide."""
        by_pk = {str(s.pk): s for items in (self.catalogue or {}).values() for s in items}
        groups = []
        for group in self.grouped_strategy_choices():
            cards = [
                {"widget": w, "strategy": by_pk.get(str(w.data["value"]))}
                for w in group["choices"]
                if str(w.data["value"])
            ]
            if cards:
                groups.append({"label": group["label"], "cards": cards})
        return groups

    def own_idea_choice(self):
        """The radio button "my own idea" (the empty choice)."""
        for widget in self["catalogue_strategy"].subwidgets:
            if not str(widget.data["value"]):
                return widget
        return None


STEP_NUMBERS = (1, 2, 3)


class StrategyEditForm(forms.Form):
    """Change a strategy in step 3 (before any review): words, if-then, small steps."""

    description = forms.CharField(label=_("What will you do? In your own words"), max_length=300)
    if_part = forms.CharField(label=_("If …"), max_length=200, required=False)
    then_part = forms.CharField(label=_("then …"), max_length=200, required=False)
    step_1 = forms.CharField(label=_("Small step 1"), max_length=200, required=False)
    step_2 = forms.CharField(label=_("Small step 2"), max_length=200, required=False)
    step_3 = forms.CharField(label=_("Small step 3"), max_length=200, required=False)

    def clean(self):
        data = super().clean()
        if bool((data.get("if_part") or "").strip()) != bool((data.get("then_part") or "").strip()):
            self.add_error("then_part", _("An if-then plan needs both parts."))
        return data

    def step_lines(self) -> list[str]:
        return [(self.cleaned_data.get(f"step_{i}") or "").strip() for i in STEP_NUMBERS]

    def step_fields(self) -> list:
        return [self[f"step_{i}"] for i in STEP_NUMBERS]


class ShareForm(forms.Form):
    next_review_on = forms.DateField(
        label=_("When do we look back together?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For example in two or three weeks, at the next appointment."),
    )


class ReviewForm(IdempotentFormMixin):
    """Per current strategy: used? helped? what do we adjust? (in a conversation: new words)."""

    note = forms.CharField(
        label=_("Anything else? (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=1000,
    )
    next_review_on = forms.DateField(
        label=_("Next review (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(
        self,
        *args,
        strategies: list[ClientStrategy] = (),
        conversation: bool = True,
        prefill=None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.strategies = list(strategies)
        prefill = {item.strategy_id: item for item in (prefill.items.all() if prefill else [])}
        for s in self.strategies:
            before = prefill.get(s.pk)
            self.fields[f"used_{s.pk}"] = forms.ChoiceField(
                label=_("Did you use it?"),
                choices=ReviewItem.Used.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=before.used if before else None,
            )
            self.fields[f"helped_{s.pk}"] = forms.ChoiceField(
                label=_("Did it help?"),
                choices=ReviewItem.Helped.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=before.helped if before else None,
            )
            self.fields[f"adjustment_{s.pk}"] = forms.CharField(
                label=_("What would you like to change?")
                if not conversation
                else _("What do we adjust?"),
                max_length=300,
                required=False,
                initial=before.adjustment if before else "",
            )
            if conversation:
                self.fields[f"new_description_{s.pk}"] = forms.CharField(
                    label=_("New way, in the client's own words (leave empty to keep it)"),
                    max_length=300,
                    required=False,
                )
        if not conversation:
            del self.fields["next_review_on"]

    def rows(self):
        for s in self.strategies:
            yield {
                "strategy": s,
                "used": self[f"used_{s.pk}"],
                "helped": self[f"helped_{s.pk}"],
                "adjustment": self[f"adjustment_{s.pk}"],
                "new_description": self[f"new_description_{s.pk}"]
                if f"new_description_{s.pk}" in self.fields
                else None,
            }

    def clean(self):
        data = super().clean()
        answered = any(
            data.get(f"{name}_{s.pk}")
            for s in self.strategies
            for name in ("used", "helped", "adjustment", "new_description")
        )
        if not answered:
            raise forms.ValidationError(_("Answer at least one question, then save."))
        return data
