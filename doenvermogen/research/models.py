"""Research: instruments as data, studies, participants with random research ids, measurements.

A client takes part only with an active research consent (``cases.Consent``, purpose
``research``). A ``Participant`` carries a random research id, stable per client per study and not
derivable from the client id (random, stored only here). Measurements hold the answers and the
instrument's score; they are never shown as a label about the person (no diagnosis): the client
and the professional see only that a measurement was filled in; researchers see anonymised data.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel


class Instrument(models.Model):
    """A questionnaire definition (validated by ``research.instruments``)."""

    code = models.SlugField(_("code"), max_length=60)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, null=True, blank=True
    )
    definition = models.JSONField(_("definition"))
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    loaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code", "version"], name="instrument_unique_version"
            ),
            models.UniqueConstraint(
                fields=["code", "version"],
                condition=models.Q(organisation__isnull=True),
                name="instrument_unique_shipped",
            ),
        ]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    @property
    def name(self) -> str:
        lang = (get_language() or "nl")[:2]
        names = self.definition.get("name", {})
        return names.get(lang) or names.get("nl") or self.code


class Study(IdempotentModel):
    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="studies"
    )
    name = models.CharField(_("name"), max_length=200)
    instruments = models.ManyToManyField(Instrument, related_name="studies")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    def __str__(self) -> str:
        return self.name


class Participant(models.Model):
    """A client in a study, known to researchers only by ``research_id``."""

    study = models.ForeignKey(Study, on_delete=models.CASCADE, related_name="participants")
    client = models.ForeignKey("cases.Client", on_delete=models.CASCADE, related_name="+")
    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.CASCADE, related_name="research_participants"
    )
    research_id = models.CharField(max_length=16)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    enrolled_at = models.DateTimeField(default=timezone.now)
    post_open = models.BooleanField(_("post-measurement open"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["study", "client"], name="participant_once"),
            models.UniqueConstraint(fields=["study", "research_id"], name="research_id_unique"),
        ]

    def __str__(self) -> str:
        return self.research_id


class Measurement(IdempotentModel):
    class Moment(models.TextChoices):
        PRE = "pre", _("pre-measurement")
        POST = "post", _("post-measurement")

    class FilledBy(models.TextChoices):
        CLIENT = "client", _("the client on their own page")
        PROFESSIONAL = "professional", _("with the professional")

    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="measurements"
    )
    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.CASCADE, related_name="research_measurements"
    )
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="+")
    moment = models.CharField(max_length=4, choices=Moment.choices)
    filled_by = models.CharField(max_length=12, choices=FilledBy.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    taken_at = models.DateTimeField(default=timezone.now, db_index=True)
    answers = models.JSONField()
    score = models.FloatField()

    class Meta:
        ordering = ["taken_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "instrument", "moment"], name="measurement_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.participant_id} {self.moment} {self.instrument_id}"
