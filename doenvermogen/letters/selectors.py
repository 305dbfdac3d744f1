"""Reads of the letters app's own data, scoped to the acting user's teams.

Lives here: the standard letters a user may see (members and team leads of the letter's team,
nobody else: a letter of another team is a 404), and `team_check_counts`, the counts of checks
per team that the self-scan's evidence and the team meeting read (looked up by name there).
None of this is client data (a standard letter is a template; a tally has no text, no user and no
client), so nothing here writes the access log. Who saved a version is kept on the version.
"""

from __future__ import annotations

import datetime
from statistics import median_low

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from doenvermogen.accounts.models import Team, User
from doenvermogen.accounts.selectors import team_ids_for_user
from doenvermogen.letters.models import CheckTally, StandardLetter, StandardLetterVersion


def standard_letters_for_user(user: User) -> QuerySet[StandardLetter]:
    """The standard letters of the user's teams (as professional or team lead)."""
    return StandardLetter.objects.filter(team_id__in=team_ids_for_user(user)).select_related("team")


def teams_for_standard_letters(user: User) -> QuerySet[Team]:
    """The teams a user can keep standard letters for."""
    return Team.objects.filter(pk__in=team_ids_for_user(user)).order_by("name")


def access_standard_letter(*, user: User, letter_id: int) -> StandardLetter:
    """The letter when the user is in its team; otherwise 404 (its existence is not shown)."""
    letter = standard_letters_for_user(user).filter(pk=letter_id).first()
    if letter is None:
        raise Http404
    return letter


def letter_versions(letter: StandardLetter) -> list[StandardLetterVersion]:
    return list(letter.versions.select_related("created_by").order_by("number"))


def latest_versions(letters: list[StandardLetter]) -> dict[int, StandardLetterVersion]:
    """The newest version per letter (one query)."""
    latest: dict[int, StandardLetterVersion] = {}
    versions = StandardLetterVersion.objects.filter(letter__in=letters).defer("text")
    for v in versions.order_by("letter", "number"):
        latest[v.letter_id] = v
    return latest


def level_history(versions: list[StandardLetterVersion]) -> str:
    """ "van niveau 3 naar niveau 1" (first and latest version with a level), or ''."""
    levels = [v.lint_level for v in versions if v.lint_level]
    if len(levels) < 2 or levels[0] == levels[-1]:
        return ""
    return f"van niveau {levels[0]} naar niveau {levels[-1]}"


def _median(values: list[int]) -> int | None:
    # The lower median: always one of the levels (a level is a whole number).
    return median_low(values) if values else None


def team_check_counts(
    *,
    team_ids: set[int],
    since: datetime.datetime | None,
    until: datetime.datetime | None = None,
) -> dict:
    """Checks with the letter checker by the teams from ``since`` (``None``: ever) until
    ``until`` (exclusive; ``None``: now): how many editing sessions, and the median LiNT-II level
    of their first and of their last check. A tally has a day, not a moment: a day counts when
    it starts in the period.

    `{"checked": int, "median_before": int | None, "median_after": int | None}`. Small groups are
    suppressed by the caller (the counts are the same either way)."""

    def day(moment: datetime.datetime) -> datetime.date:
        return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()

    tallies = CheckTally.objects.filter(team_id__in=team_ids)
    if since is not None:
        tallies = tallies.filter(day__gte=day(since))
    if until is not None:
        tallies = tallies.filter(day__lt=day(until))
    rows = list(tallies.values_list("first_level", "last_level"))
    return {
        "checked": len(rows),
        "median_before": _median([a for a, _b in rows if a]),
        "median_after": _median([b for _a, b in rows if b]),
    }
