"""Forms for goal plans, steps, rewards, reviews and the executive-skills check."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentFormMixin
from doenvermogen.goals.models import ExecutiveSkill, GoalPlan, Step


class GoalPlanForm(IdempotentFormMixin):
    goal = forms.CharField(
        label=_("What does the client want to reach?"),
        max_length=300,
        help_text=_('In the client\'s own words, for example "I want to open my post again".'),
    )
    why = forms.CharField(
        label=_("Why does it matter to the client? (optional)"), max_length=300, required=False
    )


class StepForm(IdempotentFormMixin):
    text = forms.CharField(
        label=_("Small step"),
        max_length=300,
        help_text=_('One small thing. A learning goal starts with "Learn to …".'),
    )
    is_learning_goal = forms.BooleanField(label=_("This is a learning goal"), required=False)
    due_on = forms.DateField(
        label=_("Date (optional)"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    if_situation = forms.CharField(
        label=_("If … (optional)"),
        max_length=200,
        required=False,
        help_text=_('A moment or situation, for example "it is Saturday morning".'),
    )
    then_action = forms.CharField(
        label=_("then I … (optional)"),
        max_length=200,
        required=False,
        help_text=_('What the client does then, for example "open the post with my mother".'),
    )

    def clean(self):
        data = super().clean()
        if bool(data.get("if_situation")) != bool(data.get("then_action")):
            field = "then_action" if data.get("if_situation") else "if_situation"
            self.add_error(field, _("An if-then plan needs both parts. Fill in both, or neither."))
        return data


class RewardForm(IdempotentFormMixin):
    what = forms.CharField(label=_("What is the reward?"), max_length=200)
    earned_when = forms.CharField(
        label=_("When is it earned?"),
        max_length=200,
        help_text=_('For example "when the post has been opened for four Saturdays".'),
    )
    step = forms.ModelChoiceField(
        label=_("For which step? (empty: for the whole goal)"),
        queryset=Step.objects.none(),
        required=False,
    )
    agreed = forms.BooleanField(
        label=_("The client wants this reward and agreed with it"),
        error_messages={
            "required": _("A reward is voluntary. Add it only if the client wants it.")
        },
    )

    def __init__(self, *args, plan: GoalPlan | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan is not None:
            self.fields["step"].queryset = plan.steps.filter(archived_at__isnull=True)


class ReviewForm(IdempotentFormMixin):
    went_well = forms.CharField(
        label=_("What went well?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    was_hard = forms.CharField(
        label=_("What was hard?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    changes = forms.CharField(
        label=_("What do we change?"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    new_goal = forms.CharField(
        label=_("New wording of the goal (optional)"), max_length=300, required=False
    )
    status = forms.ChoiceField(label=_("The goal is"), choices=GoalPlan.Status.choices)

    def clean(self):
        data = super().clean()
        if not any(data.get(f) for f in ("went_well", "was_hard", "changes", "new_goal")):
            raise forms.ValidationError(_("Write down at least one thing you talked about."))
        return data


class SkillChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: ExecutiveSkill) -> str:
        return obj.statement


class ExecutiveSkillCheckForm(IdempotentFormMixin):
    hard = SkillChoiceField(
        label=_("What is hard for you right now? Tick what fits. Nothing is also fine."),
        queryset=ExecutiveSkill.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    own_words = forms.CharField(
        label=_("In your own words (optional)"), max_length=300, required=False
    )
