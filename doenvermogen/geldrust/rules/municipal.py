"""Municipal schemes as data: evaluate a municipality's schemes (plain dicts) for a household.

Each municipality states its norms (the social minimum as gross income per year for its household
types, a percentage per scheme, wealth limits, fixed amounts) as data its administrator keeps up
to date; this module only applies them. Bijzondere bijstand and other "worth asking" schemes are
never promised: their status is "maybe" with what the answer depends on.
"""

from __future__ import annotations

from typing import Any

from .format import euro


def household_type(clean: dict[str, Any]) -> str:
    if len(clean["adults"]) == 2:
        return "couple"
    if any(c["age"] is None or c["age"] < 18 for c in clean["children"]):
        return "single_parent"
    return "single"


def evaluate_municipal(municipality: dict[str, Any], clean: dict[str, Any]) -> list:
    from .engine import SchemeResult, WhyItem

    results = []
    kind = household_type(clean)
    minimum = float(municipality.get("social_minimum_year", {}).get(kind, 0) or 0)
    income_unknown = any(a["income_year"] is None for a in clean["adults"])
    wealth_unknown = any(a["wealth"] is None for a in clean["adults"])
    income = sum(a["income_year"] or 0 for a in clean["adults"])
    wealth = sum(a["wealth"] or 0 for a in clean["adults"])
    partner = len(clean["adults"]) == 2
    children = [c for c in clean["children"] if c["age"] is None or c["age"] < 18]
    label = municipality.get("name", "")
    example = bool(municipality.get("is_example"))
    for scheme in municipality.get("schemes", []):
        why: list[WhyItem] = []
        depends: list[str] = []
        status = "likely_yes"
        eligible_children = [
            c
            for c in children
            if c["age"] is None
            or (scheme.get("child_min_age", 0) <= c["age"] <= scheme.get("child_max_age", 17))
        ]
        if scheme.get("requires_children") and not eligible_children:
            continue  # not relevant for this household: not shown at all
        percentage = scheme.get("income_percentage")
        if percentage and minimum:
            limit = minimum * percentage / 100
            if income_unknown:
                depends.append(f"een inkomen tot ongeveer {euro(limit)} per jaar")
            elif income > limit:
                status = "no"
                why.append(
                    WhyItem(
                        f"Het inkomen is hoger dan {percentage}% van het sociaal minimum "
                        f"({euro(limit)} per jaar bruto)."
                    )
                )
            else:
                why.append(
                    WhyItem(
                        f"Het inkomen is niet hoger dan {percentage}% van het sociaal minimum "
                        f"({euro(limit)} per jaar bruto)."
                    )
                )
        wealth_limit = scheme.get("wealth_limit_partner" if partner else "wealth_limit_single")
        if wealth_limit is not None and status != "no":
            if wealth_unknown:
                depends.append(f"vermogen niet meer dan {euro(wealth_limit)}")
            elif wealth > wealth_limit:
                status = "no"
                why.append(WhyItem(f"Het vermogen is meer dan {euro(wealth_limit)}."))
        for condition in scheme.get("also_depends_on", []):
            depends.append(condition)
        amount = None
        if scheme.get("amount_year"):
            count = 1
            if scheme.get("per_child"):
                count = len(eligible_children)
            elif scheme.get("per_person"):
                count = len(clean["adults"]) + len(clean["children"])
            amount = int(scheme["amount_year"] * count // 12)
            why.append(
                WhyItem(
                    f"Bedrag: {euro(scheme['amount_year'])} per jaar"
                    + (" per kind" if scheme.get("per_child") else "")
                    + (" per persoon" if scheme.get("per_person") else "")
                    + "."
                )
            )
        if scheme.get("worth_asking"):
            status = "maybe" if status != "no" else "no"
            depends.append("je kosten en je situatie: de gemeente kijkt per aanvraag")
            why.append(WhyItem(scheme.get("note") or "Het is de moeite waard om dit te vragen."))
        if depends and status != "no":
            status = "maybe"
            why.append(WhyItem("Het hangt nog af van: " + "; ".join(depends) + "."))
        if status == "no":
            amount = 0
        why.append(
            WhyItem(
                f"Regels van {label}"
                + (
                    " (voorbeeldgemeente: controleer de regels van je eigen gemeente)."
                    if example
                    else "."
                ),
                source_title=scheme.get("source_title", ""),
                source_url=scheme.get("url", ""),
                valid_from=str(municipality.get("valid_from", "")),
            )
        )
        results.append(
            SchemeResult(
                code=scheme["code"],
                name=scheme["name"],
                status=status,
                amount_month=amount,
                why=why,
                depends_on=depends,
                level="municipal",
                how_to_apply=scheme.get("how_to_apply", ""),
                url=scheme.get("url", ""),
                phone=scheme.get("phone", ""),
                what_to_bring=list(scheme.get("what_to_bring", [])),
                deadline=scheme.get("deadline", ""),
                is_example=example,
            )
        )
    return results
