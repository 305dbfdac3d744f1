"""Goal plans in small steps (goal → plan → do → review and adjust), rewards, executive skills.

Building blocks 1, 2, 4 and 5 of stress-sensitive working. What lives here: the plan with the goal
in the client's own words, its steps (a step may be a learning goal and may carry an if-then plan),
rewards agreed with the client, reviews that keep the history, and the executive-skills check in
which the client says what is hard right now. No scores about the person: the check stores only
which statements the client recognised. Reminders live in the reminders app.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel


class ExecutiveSkill(models.Model):
    """A catalogue entry (data file goals/catalogues/executive_skills.yaml), adaptable."""

    class Kind(models.TextChoices):
        THINKING = "thinking", _("thinking")
        REGULATION = "regulation", _("regulation")

    class Support(models.TextChoices):
        REMINDER = "reminder", _("a reminder")
        IF_THEN = "if_then", _("an if-then plan")
        SMALLER_STEPS = "smaller_steps", _("smaller steps")
        DATE = "date", _("a date for the step")
        CHECKLIST = "checklist", _("a checklist")
        TOGETHER = "together", _("doing it together")
        REWARD = "reward", _("a reward")

    code = models.SlugField(unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(default=0)
    name_nl = models.CharField(max_length=80)
    name_en = models.CharField(max_length=80)
    statement_nl = models.CharField(max_length=200)
    statement_en = models.CharField(max_length=200)
    support = models.CharField(max_length=20, choices=Support.choices)
    coaching_nl = models.TextField()
    coaching_en = models.TextField()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("executive skill")
        verbose_name_plural = _("executive skills")

    def __str__(self) -> str:
        return self.name

    def _pick(self, field: str) -> str:
        lang = (get_language() or "nl")[:2]
        return getattr(self, f"{field}_{'en' if lang == 'en' else 'nl'}")

    @property
    def name(self) -> str:
        return self._pick("name")

    @property
    def statement(self) -> str:
        return self._pick("statement")

    @property
    def coaching(self) -> str:
        return self._pick("coaching")


class ExecutiveSkillCheck(IdempotentModel):
    """The client's own answer to "what is hard for me right now". The newest one counts."""

    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.CASCADE, related_name="executive_skill_checks"
    )
    hard = models.ManyToManyField(ExecutiveSkill, blank=True, related_name="+")
    own_words = models.CharField(_("in your own words"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = "created_at"

    def __str__(self) -> str:
        return f"check {self.pk} ({self.created_at:%Y-%m-%d})"


class GoalPlan(IdempotentModel):
    class Status(models.TextChoices):
        ACTIVE = "active", _("working on it")
        ACHIEVED = "achieved", _("achieved")
        STOPPED = "stopped", _("stopped")

    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.CASCADE, related_name="goal_plans"
    )
    goal = models.CharField(_("the goal in the client's own words"), max_length=300)
    why = models.CharField(_("why this matters to the client"), max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Change date for case systems that synchronise through the API (?updated_since=).
    updated_at = models.DateTimeField(_("changed"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("goal plan")
        verbose_name_plural = _("goal plans")

    def __str__(self) -> str:
        return self.goal


class Step(IdempotentModel):
    """A small step. Archived steps stay for the history; they are not deleted."""

    plan = models.ForeignKey(GoalPlan, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveIntegerField(default=0)
    text = models.CharField(_("step"), max_length=300)
    is_learning_goal = models.BooleanField(_("learning goal"), default=False)
    due_on = models.DateField(_("date"), null=True, blank=True)
    if_situation = models.CharField(_("if"), max_length=200, blank=True)
    then_action = models.CharField(_("then"), max_length=200, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    archived_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Change date for case systems that synchronise through the API (?updated_since=).
    updated_at = models.DateTimeField(_("changed"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.text

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def has_if_then(self) -> bool:
        return bool(self.if_situation and self.then_action)


class Reward(IdempotentModel):
    """Optional and voluntary: agreed with the client, for a step or for the whole goal."""

    plan = models.ForeignKey(GoalPlan, on_delete=models.CASCADE, related_name="rewards")
    step = models.ForeignKey(
        Step, on_delete=models.SET_NULL, null=True, blank=True, related_name="rewards"
    )
    what = models.CharField(_("what"), max_length=200)
    earned_when = models.CharField(_("earned when"), max_length=200)
    given_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("reward")
        verbose_name_plural = _("rewards")

    def __str__(self) -> str:
        return self.what


class Review(IdempotentModel):
    """Step 4: what went well, what was hard, what changes. Keeps the goal as it was before."""

    plan = models.ForeignKey(GoalPlan, on_delete=models.CASCADE, related_name="reviews")
    went_well = models.TextField(_("what went well"), blank=True)
    was_hard = models.TextField(_("what was hard"), blank=True)
    changes = models.TextField(_("what changes"), blank=True)
    goal_before = models.CharField(max_length=300)
    goal_after = models.CharField(max_length=300)
    steps_done = models.JSONField(default=list)
    steps_open = models.JSONField(default=list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"review {self.pk} ({self.created_at:%Y-%m-%d})"

    @property
    def goal_changed(self) -> bool:
        return self.goal_before != self.goal_after
