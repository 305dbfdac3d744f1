"""Psycho-education (building block 3): the talk-chart catalogue and the four-step intervention.

The client decides (gate), recognises effects of stress in their own words (no diagnosis, no scores
about the person), chooses what to work on and which strategies to try, and reviews them later.
Adjusting a strategy never overwrites it: a new version points to the one it replaces.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel
from doenvermogen.reminders.models import Reminder


class Bilingual(models.Model):
    """Catalogue entries carry Dutch and English text; ``text`` picks the active language."""

    class Meta:
        abstract = True

    def _pick(self, field: str) -> str:
        lang = (get_language() or "nl")[:2]
        value = getattr(self, f"{field}_{lang}", "") if lang in {"nl", "en"} else ""
        return value or getattr(self, f"{field}_nl")


class StressEffect(Bilingual):
    """How chronic stress can show in behaviour: one tile of the talk chart."""

    code = models.SlugField(_("code"), max_length=60)
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        help_text=_("Empty: part of the standard talk chart."),
    )
    text_nl = models.CharField(_("text (Dutch)"), max_length=200)
    text_en = models.CharField(_("text (English)"), max_length=200, blank=True)
    is_other = models.BooleanField(
        _("is 'other, namely…'"), default=False, help_text=_("Asks for the client's own words.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="effect_unique_code")
        ]
        verbose_name = _("stress effect")
        verbose_name_plural = _("stress effects")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return self._pick("text")


class Strategy(Bilingual):
    """An inspiration for step 3. The catalogue is inspiration, never a prescription."""

    class Group(models.TextChoices):
        THINKING = "thinking", _("Support for thinking")
        EMOTION = "emotion", _("Dealing with emotions")
        ACTIVITY = "activity", _("Activities that lower stress")

    class Tool(models.TextChoices):
        NONE = "", _("none")
        REMINDER = "reminder", _("reminder")
        IF_THEN = "if_then", _("if-then plan")
        STEP_PLAN = "step_plan", _("step plan")

    code = models.SlugField(_("code"), max_length=60)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, null=True, blank=True
    )
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    tool = models.CharField(
        _("tool it suggests"), max_length=20, choices=Tool.choices, blank=True, default=""
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    explanation_nl = models.TextField(_("explanation (Dutch)"))
    explanation_en = models.TextField(_("explanation (English)"), blank=True)
    example_nl = models.TextField(_("example (Dutch)"))
    example_en = models.TextField(_("example (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["group", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "code"], name="strategy_unique_code")
        ]
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self._pick("name")

    @property
    def explanation(self) -> str:
        return self._pick("explanation")

    @property
    def example(self) -> str:
        return self._pick("example")


class GateConversation(IdempotentModel):
    """Asking whether the client experiences ongoing stress and wants to talk about it.

    Every answer is a normal outcome; a new conversation can be held later.
    """

    class Answer(models.TextChoices):
        YES = "yes", _("yes")
        NO = "no", _("no")
        NOT_NOW = "not_now", _("not now")

    class Opening(models.TextChoices):
        OPEN_QUESTION = "open_question", _("an open question")
        OCCASION = "occasion", _("a concrete occasion")

    class Threat(models.TextChoices):
        NONE = "", _("none")
        BAILIFF = "bailiff", _("bailiff")
        SEIZURE = "seizure", _("seizure of income or goods")
        EVICTION = "eviction", _("eviction")
        OTHER = "other", _("another acute threat")

    class Outcome(models.TextChoices):
        START = "start", _("psycho-education started")
        WAIT_THREAT = "wait_threat", _("waiting until the acute threat is over")
        NO_STRESS = "no_stress", _("client does not experience ongoing stress")
        NOT_NOW = "not_now", _("not now")
        NO_TALK = "no_talk", _("client does not want to talk about it")

    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.CASCADE, related_name="gate_conversations"
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(_("asked on"), default=timezone.now)
    opening = models.CharField(
        _("how the conversation was opened"), max_length=20, choices=Opening.choices, blank=True
    )
    occasion_behaviour = models.CharField(_("the occasion"), max_length=200, blank=True)
    experiences_stress = models.CharField(
        _("experiences ongoing stress"), max_length=10, choices=Answer.choices
    )
    wants_to_talk = models.CharField(
        _("wants to talk about it"), max_length=10, choices=Answer.choices, blank=True
    )
    acute_threat = models.CharField(
        _("acute threat"), max_length=20, choices=Threat.choices, blank=True, default=""
    )
    started_despite_threat = models.BooleanField(default=False)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)

    class Meta:
        ordering = ["-asked_at", "-id"]
        verbose_name = _("conversation about stress")
        verbose_name_plural = _("conversations about stress")

    def __str__(self) -> str:
        return f"{self.asked_at:%Y-%m-%d}: {self.get_outcome_display()}"


class Session(models.Model):
    """One run of the four steps with a client, opened by a gate conversation with yes and yes."""

    class Variant(models.TextChoices):
        THREE = "three", _("three effects")
        ONE = "one", _("one effect")

    class Step(models.IntegerChoices):
        EXPLANATION = 1, _("Step 1: explanation")
        RECOGNITION = 2, _("Step 2: what do you recognise?")
        STRATEGIES = 3, _("Step 3: what helps?")
        SUMMARY = 4, _("Summary")
        REVIEW = 5, _("Step 4: review and adjust")

    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.CASCADE, related_name="psychoeducation_sessions"
    )
    gate = models.OneToOneField(GateConversation, on_delete=models.RESTRICT, related_name="session")
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    variant = models.CharField(
        _("variant"), max_length=10, choices=Variant.choices, default=Variant.THREE
    )
    step = models.PositiveSmallIntegerField(choices=Step.choices, default=Step.EXPLANATION)
    explained_at = models.DateTimeField(null=True, blank=True)
    recognised_at = models.DateTimeField(null=True, blank=True)
    rules_explained_at = models.DateTimeField(
        _("told that the rules of the trajectory stay the same"), null=True, blank=True
    )
    strategies_done_at = models.DateTimeField(null=True, blank=True)
    shared_with_client_at = models.DateTimeField(null=True, blank=True)
    next_review_on = models.DateField(_("next review"), null=True, blank=True)
    stopped_at = models.DateTimeField(_("stopped on"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("psycho-education session")
        verbose_name_plural = _("psycho-education sessions")
        indexes = [
            # The "review due" signal of "Mijn cliënten" (psychoeducation/attention.py): only the
            # running sessions, by review date, so finding the due ones does not read them all.
            models.Index(
                fields=["next_review_on", "trajectory"],
                condition=models.Q(stopped_at__isnull=True),
                name="session_review_due_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.trajectory} – {self.started_at:%Y-%m-%d}"

    @property
    def is_open(self) -> bool:
        return self.stopped_at is None

    @property
    def max_chosen(self) -> int:
        return 1 if self.variant == self.Variant.ONE else 3


class RecognisedEffect(models.Model):
    """An effect the client recognises in themselves, from the chart or in their own words."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="effects")
    effect = models.ForeignKey(StressEffect, on_delete=models.PROTECT, null=True, blank=True)
    own_words = models.CharField(_("in the client's own words"), max_length=200, blank=True)
    chosen_rank = models.PositiveSmallIntegerField(
        _("chosen to work on (order)"), null=True, blank=True
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["chosen_rank", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(effect__isnull=False) | ~models.Q(own_words=""),
                name="recognised_effect_has_text",
            ),
            models.UniqueConstraint(
                fields=["session", "effect"],
                condition=models.Q(effect__isnull=False),
                name="recognised_effect_once",
            ),
        ]
        verbose_name = _("recognised effect")
        verbose_name_plural = _("recognised effects")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.own_words:
            return self.own_words
        return self.effect.text if self.effect else ""

    @property
    def is_chosen(self) -> bool:
        return self.chosen_rank is not None


class ClientStrategy(IdempotentModel):
    """What the client will do about a chosen effect, in their own words; versioned."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="strategies")
    recognised_effect = models.ForeignKey(
        RecognisedEffect, on_delete=models.CASCADE, related_name="strategies"
    )
    catalogue_strategy = models.ForeignKey(
        Strategy, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    description = models.CharField(_("what I will do"), max_length=300)
    if_part = models.CharField(_("if …"), max_length=200, blank=True)
    then_part = models.CharField(_("then …"), max_length=200, blank=True)
    version = models.PositiveSmallIntegerField(default=1)
    replaces = models.OneToOneField(
        "self", on_delete=models.RESTRICT, null=True, blank=True, related_name="replaced_by"
    )
    change_reason = models.CharField(_("why we changed it"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["recognised_effect__chosen_rank", "created_at", "id"]
        verbose_name = _("strategy of the client")
        verbose_name_plural = _("strategies of the client")

    def __str__(self) -> str:
        return self.description

    @property
    def is_current(self) -> bool:
        return self.superseded_at is None

    @property
    def reminder_list(self):
        """Active reminders the reminders app keeps for this strategy (loaded for a whole list
        at once by ``selectors.attach_reminders``)."""
        if hasattr(self, "_reminders"):
            return self._reminders
        return Reminder.objects.filter(
            subject=Reminder.Subject.STRATEGY, strategy_ref=str(self.pk), cancelled_at__isnull=True
        )

    @property
    def if_then(self) -> str:
        if self.if_part and self.then_part:
            return f"{self.if_part} → {self.then_part}"
        return ""


class PlanStep(models.Model):
    """A small step of a step plan, ticked off by client or professional."""

    strategy = models.ForeignKey(ClientStrategy, on_delete=models.CASCADE, related_name="steps")
    text = models.CharField(_("step"), max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("small step")
        verbose_name_plural = _("small steps")

    def __str__(self) -> str:
        return self.text


class Review(IdempotentModel):
    """Step 4: a review of the strategies, in a conversation or prepared by the client."""

    class Source(models.TextChoices):
        CONVERSATION = "conversation", _("in a conversation")
        CLIENT = "client", _("prepared by the client")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="reviews")
    source = models.CharField(max_length=20, choices=Source.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    held_at = models.DateTimeField(default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-held_at", "-id"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.held_at:%Y-%m-%d}"


class ReviewItem(models.Model):
    class Used(models.TextChoices):
        YES = "yes", _("yes")
        NO = "no", _("no")

    class Helped(models.TextChoices):
        YES = "yes", _("yes")
        A_BIT = "a_bit", _("a bit")
        NO = "no", _("no")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="items")
    strategy = models.ForeignKey(ClientStrategy, on_delete=models.CASCADE, related_name="reviews")
    used = models.CharField(_("used?"), max_length=5, choices=Used.choices, blank=True)
    helped = models.CharField(_("did it help?"), max_length=5, choices=Helped.choices, blank=True)
    adjustment = models.CharField(_("what do we adjust?"), max_length=300, blank=True)
    new_version = models.OneToOneField(
        ClientStrategy, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("review of a strategy")
        verbose_name_plural = _("reviews of strategies")

    def __str__(self) -> str:
        return f"{self.strategy}: {self.used}/{self.helped}"
