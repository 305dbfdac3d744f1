"""Demo content for geldrust: a few anonymous screening counts in the debt-counselling team and a
kept money check for Karel (what came of it recorded). Noor's check is left for the demo walk:
Fatima does it with her (docs/geldrust.md)."""

from __future__ import annotations

from doenvermogen.geldrust import catalogues, services
from doenvermogen.geldrust.models import Municipality, SchemeOutcome

KAREL = {
    "year": 2026,
    "municipality": "voorbeeldgemeente",
    "adults": [
        {"age": 52, "income_year": 31000, "wealth": 1500},
        {"age": 49, "income_year": 0, "wealth": 0},
    ],
    "children": [],
    "rent_month": 650,
}


def load(demo) -> None:
    if not Municipality.objects.filter(code="voorbeeldgemeente").exists():
        catalogues.load()
    team = demo.teams["debt"]
    answers = [
        ("yes", "yes", "yes"),
        ("yes", "no", "yes"),
        ("sometimes", "no", "no"),
        ("yes", "yes", "no"),
        ("no", "no", "no"),
        ("sometimes", "sometimes", "yes"),
    ]
    for worries, arrears, wants_help in answers:
        services.screening_record(
            team=team, worries=worries, arrears=arrears, wants_help=wants_help
        )
    karel = demo.trajectories.get("karel")
    if karel is None:
        return
    check = services.money_check_create(
        trajectory=karel, author=demo.users["fatima"], household=KAREL, consent=True
    )
    for outcome in check.outcomes.all():
        if outcome.scheme_code == "zorgtoeslag":
            services.outcome_record(
                outcome=outcome,
                author=demo.users["fatima"],
                result=SchemeOutcome.Outcome.GRANTED,
                granted_month=outcome.amount_month,
            )
        elif outcome.scheme_code == "huurtoeslag":
            services.outcome_record(
                outcome=outcome, author=demo.users["fatima"], result=SchemeOutcome.Outcome.APPLIED
            )
