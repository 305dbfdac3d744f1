"""Demo content: the debt-counselling team's standard letter "Herinnering huurachterstand" in two
versions — a harsh one at LiNT-II level 3 and the rewrite at level 1 — and anonymous tallies of
checks for the team meeting.

The figures of each version are stored here, as the checker computed them with Frog 0.20, so the
demo loads without Frog; tests/letters_web/test_standard_letters.py checks them against the
analysis (frozen Frog output, ``tests/letters/make_fixtures.py demo_``).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.utils import timezone

from doenvermogen.letters import services
from doenvermogen.letters.models import CheckTally, StandardLetter, StandardLetterVersion

DATA = Path(__file__).resolve().parent / "data"


def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


TITLE = "Herinnering huurachterstand"
PURPOSE = (
    "De eerste herinnering als een huurder de huur van een maand niet betaald heeft. "
    "Vul [naam], [maand] en [bedrag] in."
)

VERSION_1 = _text("herinnering_huurachterstand_1.txt")

VERSION_2 = _text("herinnering_huurachterstand_2.txt")

#: (text, change note, who saved it, days ago, the checker's figures for exactly that text)
VERSIONS = [
    (
        VERSION_1,
        "Zoals de woonstichting hem stuurde",
        "sanne",
        60,
        {
            "lint_score": 50.0,
            "lint_level": 3,
            "flesch_douma": 60.5,
            "finding_counts": {
                "difficult_word": 2,
                "long_sentence": 4,
                "missing_contact": 1,
                "missing_sender_name": 1,
                "officialese": 8,
                "passive": 1,
            },
        },
    ),
    (
        VERSION_2,
        "Herschreven in B1: korte zinnen, een naam en telefoonnummer, hulp bij betalen",
        "fatima",
        20,
        {"lint_score": 24.6, "lint_level": 1, "flesch_douma": 78.1, "finding_counts": {}},
    ),
]

#: Anonymous tallies of the debt team's checker sessions: (days ago, first level, last level).
TALLIES = [
    (3, 3, 2), (5, 4, 2), (9, 3, 1), (12, 3, 2), (15, 2, 1), (21, 3, 1),
    (26, 4, 3), (33, 3, 2), (40, 2, 1), (48, 3, 1), (55, 3, 2), (70, 4, 2),
]  # fmt: skip


def load(demo) -> None:
    team = demo.teams["debt"]
    if StandardLetter.objects.filter(team=team, title=TITLE).exists():
        return
    now = timezone.now()
    letter = None
    for text, note, who, days, figures in VERSIONS:
        author = demo.users[who]
        if letter is None:
            letter = services.standard_letter_create(
                team=team,
                author=author,
                title=TITLE,
                purpose=PURPOSE,
                text=text,
                figures=figures,
                change_note=note,
            )
            version = letter.versions.get()
        else:
            version = services.standard_letter_version_create(
                letter=letter, author=author, text=text, figures=figures, change_note=note
            )
        moment = now - datetime.timedelta(days=days)
        StandardLetterVersion.objects.filter(pk=version.pk).update(created_at=moment)
    StandardLetter.objects.filter(pk=letter.pk).update(
        created_at=now - datetime.timedelta(days=VERSIONS[0][3]), updated_at=moment
    )
    today = timezone.localdate()
    CheckTally.objects.bulk_create(
        CheckTally(
            team=team,
            day=today - datetime.timedelta(days=days),
            first_level=first,
            last_level=last,
        )
        for days, first, last in TALLIES
    )
