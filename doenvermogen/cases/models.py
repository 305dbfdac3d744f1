"""Clients, trajectories, who is involved in which role, and consents.

As little data as the work needs: the name a client wants to be called, contact channels and the
preferred language. No citizen service number (BSN), no medical data, no scores about a person.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel


class Client(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        PHONE = "phone", _("phone")
        APP = "app", _("only on my page")

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="clients"
    )
    display_name = models.CharField(_("name the client wants to be called"), max_length=120)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    preferred_channel = models.CharField(
        _("preferred channel"), max_length=10, choices=Channel.choices, default=Channel.APP
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default="nl"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="client_profile",
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Change date for case systems that synchronise through the API (?updated_since=).
    updated_at = models.DateTimeField(_("changed"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("client")
        verbose_name_plural = _("clients")

    def __str__(self) -> str:
        return self.display_name


class Trajectory(IdempotentModel):
    class Kind(models.TextChoices):
        DEBT_COUNSELLING = "debt_counselling", _("debt counselling")
        NEIGHBOURHOOD_TEAM = "neighbourhood_team", _("neighbourhood team")
        YOUTH_HEALTH_CARE = "youth_health_care", _("youth health care")
        WORK_AND_INCOME = "work_and_income", _("work and income")
        OTHER = "other", _("other")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="trajectories")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT)
    team = models.ForeignKey("accounts.Team", on_delete=models.PROTECT, related_name="trajectories")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    started_on = models.DateField(_("start"), default=timezone.localdate)
    ended_on = models.DateField(_("end"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Change date for case systems that synchronise through the API (?updated_since=).
    updated_at = models.DateTimeField(_("changed"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        verbose_name = _("trajectory")
        verbose_name_plural = _("trajectories")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="trajectory_end_after_start",
            )
        ]
        indexes = [
            # "Mijn cliënten" cuts its page from one team's rows: on PostgreSQL an index-only
            # scan (end date and client included), in "newest" order straight from the index.
            models.Index(
                fields=["team", "-started_on", "-id"],
                include=["ended_on", "client"],
                name="trajectory_team_started_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.started_on:%d-%m-%Y})"

    @property
    def is_active(self) -> bool:
        return self.ended_on is None or self.ended_on >= timezone.localdate()


class Involvement(models.Model):
    """A professional working with the client in this trajectory, and for what."""

    class Role(models.TextChoices):
        DEBT_COUNSELLOR = "debt_counsellor", _("debt counsellor")
        NEIGHBOURHOOD_WORKER = "neighbourhood_worker", _("neighbourhood team worker")
        YOUTH_HEALTH_NURSE = "youth_health_nurse", _("youth health nurse or doctor")
        JOB_COACH = "job_coach", _("job coach")
        INCOME_CONSULTANT = "income_consultant", _("income consultant")
        OTHER = "other", _("other")

    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.CASCADE, related_name="involvements"
    )
    professional = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="involvements"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    responsible_for_psychoeducation = models.BooleanField(_("does psycho-education"), default=False)
    responsible_for_reviews = models.BooleanField(_("reviews the strategies"), default=False)
    started_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["started_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["trajectory", "professional"], name="involvement_unique_professional"
            )
        ]
        verbose_name = _("involvement")
        verbose_name_plural = _("involvements")

    def __str__(self) -> str:
        return f"{self.professional} – {self.get_role_display()}"


class Consent(IdempotentModel):
    class Purpose(models.TextChoices):
        PSYCHOEDUCATION = "psychoeducation", _("talk about stress (psycho-education)")
        SHARE_WITH_INVOLVED = (
            "share_with_involved",
            _("share my plan with the other professionals who help me"),
        )
        REMINDERS = "reminders", _("receive reminders")
        RESEARCH = "research", _("use my answers anonymously for research")

    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="consents")
    trajectory = models.ForeignKey(
        Trajectory, on_delete=models.CASCADE, null=True, blank=True, related_name="consents"
    )
    purpose = models.CharField(_("what for"), max_length=30, choices=Purpose.choices)
    given_at = models.DateTimeField(_("given on"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return self.get_purpose_display()

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
