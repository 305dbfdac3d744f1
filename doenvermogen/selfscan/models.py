"""The organisation's self-scan on the building blocks, its action plan, and the professional's own
stress check-in (the proposed ninth building block).

Privacy by construction: a ``ScanResponse`` and a ``StressCheckIn`` belong to one person; only the
selectors in this app read them, and they hand out aggregates of at least ``MIN_GROUP`` people to
anyone else. A ``PersonalIntention`` ("Wat kan ik morgen anders doen?") is read only by its author.
Nothing here is client data.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel

MIN_GROUP = 5  # fewer people than this: nothing about the group is shown


class _Bilingual(models.Model):
    class Meta:
        abstract = True

    def _pick(self, field: str) -> str:
        lang = (get_language() or "nl")[:2]
        value = getattr(self, f"{field}_{lang}", "") if lang in {"nl", "en"} else ""
        return value or getattr(self, f"{field}_nl")


class BuildingBlock(_Bilingual):
    """One of the building blocks of stress-sensitive working (catalogue, loaded from YAML)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    description_nl = models.CharField(_("description (Dutch)"), max_length=300, blank=True)
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("building block")
        verbose_name_plural = _("building blocks")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self._pick("name")

    @property
    def description(self) -> str:
        return self._pick("description")


class Statement(_Bilingual):
    block = models.ForeignKey(BuildingBlock, on_delete=models.CASCADE, related_name="statements")
    code = models.SlugField(_("code"), max_length=60, unique=True)
    text_nl = models.CharField(_("text (Dutch)"), max_length=300)
    text_en = models.CharField(_("text (English)"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["block__order", "order", "code"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return self._pick("text")


class Level(models.IntegerChoices):
    NOT_STARTED = 0, _("not started")
    FIRST_STEPS = 1, _("first steps")
    PARTLY = 2, _("partly in place")
    EMBEDDED = 3, _("part of how we work")


class ScanRound(IdempotentModel):
    """One team's scan at one moment (a team repeats it later to see the change)."""

    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="scan_rounds")
    name = models.CharField(_("name"), max_length=120)
    opened_on = models.DateField(_("opened on"), default=timezone.localdate)
    closed_at = models.DateTimeField(_("closed on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("self-scan round")
        verbose_name_plural = _("self-scan rounds")

    def __str__(self) -> str:
        return f"{self.team} – {self.name}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ScanResponse(models.Model):
    """One person's answers in one round. Never shown to anyone but its respondent."""

    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="responses")
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "respondent"], name="scan_response_once")
        ]

    def __str__(self) -> str:
        return f"response {self.pk}"


class ScanAnswer(models.Model):
    response = models.ForeignKey(ScanResponse, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    level = models.PositiveSmallIntegerField(choices=Level.choices)
    example = models.CharField(_("example"), max_length=500, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="scan_answer_once"),
            models.CheckConstraint(condition=models.Q(level__lte=3), name="scan_answer_level"),
        ]

    def __str__(self) -> str:
        return f"answer {self.pk}"


class Action(IdempotentModel):
    """The team's action plan: per building block what we will do, who, by when."""

    round = models.ForeignKey(ScanRound, on_delete=models.CASCADE, related_name="actions")
    block = models.ForeignKey(BuildingBlock, on_delete=models.PROTECT, related_name="+")
    what = models.CharField(_("what we will do"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    due_on = models.DateField(_("by when"))
    remind_days_before = models.PositiveSmallIntegerField(
        _("e-mail reminder (days before)"), null=True, blank=True
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.what


class PersonalIntention(IdempotentModel):
    """ "Wat kan ik morgen anders doen?": private to its author."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    round = models.ForeignKey(
        ScanRound, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    text = models.CharField(_("what I can do differently tomorrow"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]


def _score(name: str):
    return models.PositiveSmallIntegerField(
        name, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )


class StressCheckIn(IdempotentModel):
    """A professional's own, voluntary check-in. Only its author ever reads a single one."""

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    taken_at = models.DateTimeField(default=timezone.now, db_index=True)
    thermometer = models.PositiveSmallIntegerField(
        _("stress thermometer"), validators=[MaxValueValidator(10)]
    )
    workload = _score(_("my workload is manageable"))
    support = _score(_("I feel supported"))
    appreciated = _score(_("I feel appreciated"))
    note = models.CharField(_("note for myself"), max_length=500, blank=True)

    class Meta:
        ordering = ["-taken_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(thermometer__lte=10), name="checkin_thermometer_0_10"
            ),
            models.CheckConstraint(
                condition=models.Q(workload__range=(1, 5))
                & models.Q(support__range=(1, 5))
                & models.Q(appreciated__range=(1, 5)),
                name="checkin_items_1_5",
            ),
        ]
