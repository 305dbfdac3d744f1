"""The letters app's data: a team's standard letters with their versions, and anonymous tallies.

Lives here: `StandardLetter` (a team's template, never a client's letter), `StandardLetterVersion`
(its text with the figures the checker computed when it was saved) and `CheckTally` (one row per
editing session of the checker: team, day, first and last LiNT-II level — no text, no user, no
client). A checked letter's text is never stored; only standard letters keep text.
Not here: the analysis (`analysis/`), writes (`services.py`) or reads (`selectors.py`).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel

TITLE_MAX = 200
PURPOSE_MAX = 1000
NOTE_MAX = 200
TEXT_MAX = 60_000


class StandardLetter(IdempotentModel):
    """A letter a team sends often (a template), kept with its versions."""

    team = models.ForeignKey(
        "accounts.Team", on_delete=models.CASCADE, related_name="+", verbose_name=_("team")
    )
    title = models.CharField(_("title"), max_length=TITLE_MAX)
    purpose = models.TextField(_("purpose and notes"), max_length=PURPOSE_MAX, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("standard letter")
        verbose_name_plural = _("standard letters")

    def __str__(self) -> str:
        return self.title


class StandardLetterVersion(IdempotentModel):
    """One saved text of a standard letter, with the checker's figures for exactly that text."""

    letter = models.ForeignKey(StandardLetter, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(_("text"), max_length=TEXT_MAX)
    lint_score = models.FloatField(null=True, blank=True)
    lint_level = models.PositiveSmallIntegerField(null=True, blank=True)
    flesch_douma = models.FloatField(null=True, blank=True)
    #: Number of findings per code, e.g. {"passive": 2, "long_sentence": 1}.
    finding_counts = models.JSONField(default=dict, blank=True)
    change_note = models.CharField(_("what changed"), max_length=NOTE_MAX, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["letter", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["letter", "number"], name="letters_version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.letter} v{self.number}"

    @property
    def findings_total(self) -> int:
        return sum(int(n) for n in self.finding_counts.values())


class CheckTally(models.Model):
    """One editing session of the letter checker, counted for a team: nothing else is kept.

    No text, no user, no client: the team, the day, the LiNT-II level of the first check of the
    session and of the latest one.
    """

    team = models.ForeignKey("accounts.Team", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(default=timezone.localdate)
    first_level = models.PositiveSmallIntegerField(null=True, blank=True)
    last_level = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["team", "day"], name="letters_tally_team_day")]

    def __str__(self) -> str:
        return f"{self.team_id} {self.day} {self.first_level}->{self.last_level}"
