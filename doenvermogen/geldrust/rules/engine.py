"""``check_household``: validate a household, run the OpenFisca rules, explain every outcome in B1.

Data flows one way: a plain dict (the JSON of the API and the command) → validation (Dutch
messages, nothing computed on bad input) → one OpenFisca simulation with tracing → per scheme a
status (likely_yes / maybe / no), an amount per month and a "why" trail built from the
engine's own trace (inputs and parameter values, each with its source and the date it applies
from). Unknown inputs ("weet ik niet") are missing keys or ``null``: the result is then "maybe"
and says what it depends on. A year or a value the rules do not have is refused, never guessed.

No Django here (like ``letters.analysis``): the web app, the command and the API call this.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

from openfisca_core.errors import ParameterNotFoundError
from openfisca_core.simulations import SimulationBuilder

from .format import euro
from .municipal import evaluate_municipal
from .system import tax_benefit_system

NATIONAL_SCHEMES = ("zorgtoeslag", "huurtoeslag", "kindgebonden_budget", "kinderbijslag")
SCHEME_NAMES = {
    "zorgtoeslag": "Zorgtoeslag",
    "huurtoeslag": "Huurtoeslag",
    "kindgebonden_budget": "Kindgebonden budget",
    "kinderbijslag": "Kinderbijslag",
}
TARGETS = {
    "zorgtoeslag": "zorgtoeslag_month",
    "huurtoeslag": "huurtoeslag_month",
    "kindgebonden_budget": "kindgebonden_budget_month",
    "kinderbijslag": "kinderbijslag_month",
}
MAX_CHILDREN = 10
MAX_HOUSEMATES = 8
MAX_AMOUNT = 10_000_000
PROEFBEREKENING = "https://www.belastingdienst.nl/wps/wcm/connect/nl/toeslagen/content/hulpmiddel-proefberekening-toeslagen"


class HouseholdError(ValueError):
    """Bad input: ``messages`` are plain Dutch sentences, one per problem."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass
class WhyItem:
    text: str
    source_title: str = ""
    source_url: str = ""
    valid_from: str = ""


@dataclass
class SchemeResult:
    code: str
    name: str
    status: str  # likely_yes | maybe | no
    amount_month: int | None
    why: list[WhyItem] = field(default_factory=list)
    depends_on: list[str] = field(default_factory=list)
    amount_month_max: int | None = None
    level: str = "national"  # national | municipal
    how_to_apply: str = ""
    url: str = ""
    phone: str = ""
    what_to_bring: list[str] = field(default_factory=list)
    deadline: str = ""
    is_example: bool = False

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["why"] = [asdict(item) for item in self.why]
        return data


@dataclass
class CheckResult:
    year: int
    schemes: list[SchemeResult]
    debt_routes: list[dict[str, str]] = field(default_factory=list)
    municipality: dict[str, Any] | None = None

    @property
    def total_month(self) -> int:
        """Money per month the schemes with a likely yes add up to (kinderbijslag excluded:
        almost every parent already receives it)."""
        return sum(
            s.amount_month or 0
            for s in self.schemes
            if s.status == "likely_yes" and s.code != "kinderbijslag"
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "schemes": [s.as_dict() for s in self.schemes],
            "total_month": self.total_month,
            "debt_routes": self.debt_routes,
            "municipality": self.municipality,
        }


# --- Validation -----------------------------------------------------------------------------------


def _number(value: Any, label: str, errors: list[str], *, minimum: float, maximum: float):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        errors.append(f"{label}: vul een getal in.")
        return None
    if value < minimum:
        if minimum == 0:
            errors.append(f"{label} kan niet negatief zijn. Vul 0 in als er niets is.")
        else:
            errors.append(f"{label} moet minstens {euro(minimum)} zijn.")
        return None
    if value > maximum:
        errors.append(f"{label} is te hoog. Kijk of het getal klopt.")
        return None
    return float(value)


def _people(
    value: Any, errors: list[str], *, not_a_list: str, maximum: int, too_many: str
) -> list[dict]:
    """A list of people (children, housemates) as dicts; an error and none when it is not a
    list or longer than `maximum`. An entry that is not a dict counts as one without answers."""
    if not isinstance(value, list):
        errors.append(not_a_list)
        return []
    if len(value) > maximum:
        errors.append(too_many)
        return []
    return [person if isinstance(person, dict) else {} for person in value]


def _age(value: Any, label: str, errors: list[str], *, maximum: int = 120):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        errors.append(f"{label}: vul een leeftijd in hele jaren in.")
        return None
    if not 0 <= value <= maximum:
        errors.append(f"{label}: die leeftijd kan niet kloppen.")
        return None
    return int(value)


def covered_years() -> list[int]:
    years = []
    for year in range(2020, 2040):
        try:
            if tax_benefit_system().parameters(f"{year}-01-01").jaar_gedekt:
                years.append(year)
        except ParameterNotFoundError:
            continue
    return years


def huurtoeslag_has_rules(year: int) -> bool:
    """Whether ``year`` has the huurtoeslag formula (else huurtoeslag is refused as a whole, and
    a question that only feeds huurtoeslag changes nothing)."""
    try:
        return _parameter("huurtoeslag.basishuur_eenpersoons")(f"{year}-01-01") is not None
    except ParameterNotFoundError:
        return False


def huurtoeslag_wealth_limit(year: int, *, partner: bool) -> float | None:
    """The household's wealth limit for huurtoeslag in ``year`` (``None`` if not known)."""
    name = "vermogensgrens_partner" if partner else "vermogensgrens_alleenstaand"
    try:
        return _parameter(f"huurtoeslag.{name}")(f"{year}-01-01")
    except ParameterNotFoundError:
        return None


def validate_household(data: Any) -> dict[str, Any]:
    """A clean copy of ``data`` or ``HouseholdError`` with every problem in plain Dutch."""
    if not isinstance(data, dict):
        raise HouseholdError(["De gegevens zijn geen huishouden (een JSON-object verwacht)."])
    errors: list[str] = []
    year = data.get("year")
    years = covered_years()
    if isinstance(year, bool) or not isinstance(year, int):
        errors.append("Vul het jaar in, bijvoorbeeld 2026.")
    elif year not in years:
        errors.append(
            f"Voor {year} hebben we de rekenregels niet. "
            f"Dit programma rekent met {' en '.join(str(y) for y in years)}."
        )
    adults_in = data.get("adults")
    if not isinstance(adults_in, list) or not 1 <= len(adults_in) <= 2:
        errors.append("Vul 1 volwassene in, of 2 als er een partner is.")
        adults_in = []
    adults = []
    for i, adult in enumerate(adults_in):
        who = "Jij" if i == 0 else "Je partner"
        if not isinstance(adult, dict):
            errors.append(f"{who}: de gegevens ontbreken.")
            continue
        adults.append(
            {
                "age": _age(adult.get("age"), f"Leeftijd ({who.lower()})", errors),
                "income_year": _number(
                    adult.get("income_year"),
                    f"Inkomen per jaar ({who.lower()})",
                    errors,
                    minimum=0,
                    maximum=MAX_AMOUNT,
                ),
                "wealth": _number(
                    adult.get("wealth"),
                    f"Vermogen ({who.lower()})",
                    errors,
                    minimum=-MAX_AMOUNT,
                    maximum=MAX_AMOUNT,
                ),
            }
        )
    for adult in adults:
        if adult["age"] is not None and adult["age"] < 16:
            errors.append("Een volwassene in deze check is 16 jaar of ouder.")
    children_in = data.get("children", [])
    if children_in is None:
        children_in = []
    children_in = _people(
        children_in,
        errors,
        not_a_list="Vul de kinderen in als een lijst.",
        maximum=MAX_CHILDREN,
        too_many=f"Deze check kan tot {MAX_CHILDREN} kinderen aan. Bij meer kinderen: "
        "doe de proefberekening op toeslagen.nl of vraag het de Belastingdienst.",
    )
    children = []
    for n, child in enumerate(children_in, start=1):
        children.append(
            {
                "age": _age(child.get("age"), f"Leeftijd van kind {n}", errors, maximum=40),
                "income_year": _number(
                    child.get("income_year"),
                    f"Inkomen per jaar van kind {n}",
                    errors,
                    minimum=0,
                    maximum=MAX_AMOUNT,
                ),
            }
        )
    housemates_in = data.get("housemates") or []
    housemates_in = _people(
        housemates_in,
        errors,
        not_a_list="Vul de medebewoners in als een lijst.",
        maximum=MAX_HOUSEMATES,
        too_many=f"Deze check kan tot {MAX_HOUSEMATES} medebewoners aan. Bij meer: "
        "doe de proefberekening op toeslagen.nl.",
    )
    housemates = []
    for n, mate in enumerate(housemates_in, start=1):
        housemates.append(
            {
                "age": _age(mate.get("age"), f"Leeftijd van medebewoner {n}", errors),
                "income_year": _number(
                    mate.get("income_year"),
                    f"Inkomen per jaar van medebewoner {n}",
                    errors,
                    minimum=0,
                    maximum=MAX_AMOUNT,
                ),
            }
        )
    renting = data.get("renting", True)
    rent = data.get("rent_month")
    if renting is False:
        rent = None
    elif rent is not None:
        if isinstance(rent, int | float) and not isinstance(rent, bool) and rent <= 0:
            errors.append(
                "De kale huur moet meer dan € 0 zijn. Huur je niet? Kies dan 'Ik huur niet'. "
                "Weet je het niet? Laat het leeg."
            )
            rent = None
        else:
            rent = _number(rent, "Kale huur per maand", errors, minimum=0, maximum=100_000)
    service = _number(
        data.get("service_costs_month"),
        "Servicekosten per maand",
        errors,
        minimum=0,
        maximum=100_000,
    )
    municipality = data.get("municipality")
    if municipality is not None and not isinstance(municipality, str):
        errors.append("De gemeente is een code, bijvoorbeeld 'voorbeeldgemeente'.")
    if errors:
        raise HouseholdError(errors)
    return {
        "year": year,
        "adults": adults,
        "children": children,
        "housemates": housemates,
        "renting": renting is not False,
        "rent_month": rent,
        "service_costs_month": service,
        "municipality": municipality or "",
    }


# --- The simulation -------------------------------------------------------------------------------


def _situation(clean: dict[str, Any]) -> dict[str, Any]:
    year = str(clean["year"])
    persons: dict[str, Any] = {}
    adults, children = [], []
    for i, adult in enumerate(clean["adults"]):
        key = f"volwassene_{i + 1}"
        adults.append(key)
        persons[key] = {
            "age": {year: adult["age"] if adult["age"] is not None else 30},
            "income_year": {year: adult["income_year"] or 0},
            "wealth": {year: adult["wealth"] or 0},
        }
    for i, child in enumerate(clean["children"]):
        key = f"kind_{i + 1}"
        children.append(key)
        persons[key] = {
            "age": {year: child["age"] if child["age"] is not None else 8},
            "income_year": {year: child["income_year"] or 0},
        }
    housemates = []
    for i, mate in enumerate(clean["housemates"]):
        key = f"medebewoner_{i + 1}"
        housemates.append(key)
        persons[key] = {
            "age": {year: mate["age"] if mate["age"] is not None else 30},
            "income_year": {year: mate["income_year"] or 0},
        }
    household = {
        "adults": adults,
        "children": children,
        "housemates": housemates,
        "rent_month": {year: clean["rent_month"] or 0},
    }
    return {"persons": persons, "households": {"huishouden": household}}


def _parameter(name: str):
    node = tax_benefit_system().parameters
    for part in name.split("."):
        node = getattr(node, part)
    return node


def _value_start(param, year: int) -> str:
    for value in sorted(param.values_list, key=lambda v: v.instant_str, reverse=True):
        if value.instant_str <= f"{year}-12-31" and value.value is not None:
            return value.instant_str
    return ""


def _reference(param, year: int) -> dict[str, str]:
    refs = param.metadata.get("reference") or []
    for ref in refs:
        if str(year) in ref.get("title", "") or str(year) in ref.get("href", ""):
            return ref
    return refs[-1] if refs else {}


def _format_param(param, value: float) -> str:
    unit = param.metadata.get("unit")
    if unit == "/1":
        return f"{value * 100:.3f}".rstrip("0").rstrip(".").replace(".", ",") + "%"
    if unit == "year":
        return f"{int(value)} jaar"
    if unit == "boolean":
        return "ja" if value else "nee"
    return euro(value)


def missing_parameters(scheme: str, year: int) -> list[str]:
    """Descriptions of the values of ``scheme`` that ``year`` does not have."""
    node = getattr(tax_benefit_system().parameters, scheme)
    missing = []
    for name, param in sorted(node.children.items()):
        try:
            value = param(f"{year}-01-01")
        except ParameterNotFoundError:
            value = None
        if value is None:
            missing.append(param.description or name)
    return missing


def _trace_parameters(tree, seen: dict[str, float]) -> None:
    for param in tree.parameters:
        if param.name not in seen and param.name != "jaar_gedekt":
            seen[param.name] = float(param.value)
    for child in tree.children:
        _trace_parameters(child, seen)


def _trace_variables(tree, seen: dict[str, float]) -> None:
    seen.setdefault(tree.name, float(tree.value[0]) if tree.value is not None else 0.0)
    for child in tree.children:
        _trace_variables(child, seen)


def _relevant(name: str, clean: dict[str, Any], variables: dict[str, float]) -> bool:
    """Leave out the values of the other branch (numpy evaluates both sides of a choice)."""
    partner = len(clean["adults"]) == 2
    size = len(clean["adults"]) + len(clean["children"])
    young = bool(variables.get("huurtoeslag_young_household"))
    leaf = name.rsplit(".", 1)[-1]
    ages = [c["age"] if c["age"] is not None else 8 for c in clean["children"]]
    rules = {
        "_partner": partner,
        "_alleenstaand": not partner,
        "_eenpersoons": size == 1,
        "_meerpersoons": size > 1,
        "aftoppingsgrens_klein": size < 3 and not young,
        "aftoppingsgrens_groot": size >= 3 and not young,
        "huurgrens_jongeren": young,
        "vergoeding_b": not young,
        "vergoeding_c": not young,
        "kwartaal_0_5": any(a <= 5 for a in ages),
        "kwartaal_6_11": any(6 <= a <= 11 for a in ages),
        "kwartaal_12_17": any(12 <= a <= 17 for a in ages),
    }
    if leaf == "huurgrens":
        return not young
    for suffix, keep in rules.items():
        if leaf.endswith(suffix):
            return keep
    return True


def _why_from_trace(
    sim, variable: str, year: int, clean: dict[str, Any]
) -> tuple[list[WhyItem], dict[str, float]]:
    """The parameters the engine used for ``variable``, each with value, source and date."""
    params: dict[str, float] = {}
    variables: dict[str, float] = {}
    for tree in sim.tracer.trees:
        if tree.name == variable:
            _trace_parameters(tree, params)
            _trace_variables(tree, variables)
    items = []
    for name, value in params.items():
        if not _relevant(name, clean, variables):
            continue
        param = _parameter(name)
        ref = _reference(param, year)
        items.append(
            WhyItem(
                text=f"{param.description}: {_format_param(param, value)}.",
                source_title=ref.get("title", ""),
                source_url=ref.get("href", ""),
                valid_from=_value_start(param, year),
            )
        )
    return items, variables


# --- Per scheme: status and plain-language explanation ---


def _unknown(clean: dict[str, Any]) -> dict[str, bool]:
    return {
        "income": any(a["income_year"] is None for a in clean["adults"]),
        "wealth": any(a["wealth"] is None for a in clean["adults"]),
        "adult_age": any(a["age"] is None for a in clean["adults"]),
        "child_age": any(c["age"] is None for c in clean["children"]),
        "rent": clean["renting"] and clean["rent_month"] is None,
        "others_income": any(
            c["income_year"] is None for c in clean["children"] if (c["age"] or 0) >= 18
        )
        or any(m["income_year"] is None for m in clean["housemates"]),
    }


def _inputs_why(clean: dict[str, Any], scheme: str) -> list[WhyItem]:
    items = []
    partner = len(clean["adults"]) == 2
    income = sum(a["income_year"] or 0 for a in clean["adults"])
    if scheme != "kinderbijslag":
        who = "jou en je toeslagpartner samen" if partner else "jou"
        if any(a["income_year"] is None for a in clean["adults"]):
            items.append(WhyItem(f"Het inkomen van {who} weet je nog niet."))
        else:
            items.append(WhyItem(f"Inkomen van {who}: {euro(income)} per jaar (bruto)."))
        items.append(
            WhyItem("Je hebt een toeslagpartner." if partner else "Je hebt geen toeslagpartner.")
        )
    if scheme in ("kindgebonden_budget", "kinderbijslag"):
        ages = [c["age"] for c in clean["children"]]
        known = [str(a) for a in ages if a is not None]
        if ages:
            text = f"Kinderen: {len(ages)}"
            if known:
                text += f" (leeftijd {', '.join(known)})"
            items.append(WhyItem(text + "."))
    if scheme == "huurtoeslag" and clean["rent_month"] is not None:
        items.append(WhyItem(f"Kale huur: {euro(clean['rent_month'])} per maand."))
        if clean["service_costs_month"]:
            items.append(
                WhyItem(
                    "Servicekosten tellen vanaf 2026 niet meer mee voor de huurtoeslag."
                    if clean["year"] >= 2026
                    else "Servicekosten: een deel telt mee."
                )
            )
        size = len(clean["adults"]) + len(clean["children"]) + len(clean["housemates"])
        items.append(WhyItem(f"Mensen in huis: {size}."))
        others = [c for c in clean["children"] if (c["age"] or 0) >= 18] + clean["housemates"]
        known = [o["income_year"] for o in others if o["income_year"] is not None]
        if known:
            items.append(
                WhyItem(
                    f"Inkomen van anderen in huis (kinderen van 18 jaar of ouder, medebewoners): "
                    f"{euro(sum(known))} per jaar (bruto). Dat telt mee voor de huurtoeslag."
                )
            )
    return items


def _refused(scheme: str, year: int, clean: dict[str, Any]) -> SchemeResult:
    missing = missing_parameters(scheme, year)
    text = (
        f"De rekenregels voor {SCHEME_NAMES[scheme].lower()} {year} zijn niet compleet in dit "
        "programma. We gokken niet. Doe de proefberekening op toeslagen.nl."
    )
    why = [WhyItem(text, "Belastingdienst: proefberekening toeslagen", PROEFBEREKENING)]
    why += [WhyItem(f"Ontbreekt voor {year}: {m}.") for m in missing]
    return SchemeResult(
        code=scheme,
        name=SCHEME_NAMES[scheme],
        status="maybe",
        amount_month=None,
        why=_inputs_why(clean, scheme) + why,
        depends_on=[f"de rekenregels van {year}"],
    )


def _national(sim, scheme: str, clean: dict[str, Any]) -> SchemeResult:
    year = clean["year"]
    unknown = _unknown(clean)
    name = SCHEME_NAMES[scheme]
    children_under_18 = sum(1 for c in clean["children"] if c["age"] is None or c["age"] < 18)
    adult_children = [c for c in clean["children"] if c["age"] is not None and c["age"] >= 18]
    base = {"code": scheme, "name": name}
    if scheme in ("kindgebonden_budget", "kinderbijslag") and children_under_18 == 0:
        return SchemeResult(
            **base,
            status="no",
            amount_month=0,
            why=[WhyItem(f"{name} is er voor kinderen jonger dan 18 jaar.")],
        )
    if scheme == "huurtoeslag" and not clean["renting"]:
        return SchemeResult(
            **base,
            status="no",
            amount_month=0,
            why=[WhyItem("Huurtoeslag is er alleen als je een woning huurt.")],
        )
    try:
        amount = float(sim.calculate(TARGETS[scheme], str(year))[0])
    except ParameterNotFoundError:
        return _refused(scheme, year, clean)
    rules_why, variables = _why_from_trace(sim, TARGETS[scheme], year, clean)
    why = _inputs_why(clean, scheme)
    depends: list[str] = []
    amount_int = int(math.floor(amount + 1e-6))
    if scheme == "kinderbijslag":
        amount_int = round(amount)
    status = "likely_yes" if amount_int > 0 else "no"
    limit_key = {
        "zorgtoeslag": "zorgtoeslag",
        "kindgebonden_budget": "kindgebonden_budget",
        "huurtoeslag": "huurtoeslag",
    }.get(scheme)
    partner = len(clean["adults"]) == 2
    if limit_key:
        p = tax_benefit_system().parameters(f"{year}-01-01")
        node = getattr(p, limit_key)
        try:
            limit = node.vermogensgrens_partner if partner else node.vermogensgrens_alleenstaand
        except ParameterNotFoundError:
            limit = None
        wealth = sum(a["wealth"] or 0 for a in clean["adults"])
        if unknown["wealth"] and limit is not None:
            depends.append(f"vermogen op 1 januari niet meer dan {euro(limit)}")
        elif limit is not None and wealth > limit:
            why.append(WhyItem(f"Het vermogen is meer dan de grens van {euro(limit)}."))
    if scheme != "kinderbijslag" and unknown["income"]:
        depends.append("het inkomen over het hele jaar")
    if scheme in ("kindgebonden_budget", "kinderbijslag") and unknown["child_age"]:
        depends.append("de leeftijd van de kinderen")
    if scheme == "huurtoeslag":
        if unknown["rent"]:
            depends.append("de kale huur per maand")
        if unknown["adult_age"]:
            depends.append("de leeftijd (onder 21 jaar geldt een lagere huurgrens)")
        for child in adult_children:
            if child["income_year"] is None:
                depends.append(
                    f"het inkomen van je kind van {child['age']} (telt mee voor de huurtoeslag)"
                )
        if any(m["income_year"] is None for m in clean["housemates"]):
            depends.append("het inkomen van wie er verder bij je woont (telt mee)")
        mate_limit = _parameter("huurtoeslag.vermogensgrens_alleenstaand")(f"{year}-01-01")
        if (clean["housemates"] or adult_children) and mate_limit is not None:
            why.append(
                WhyItem(
                    f"Heeft iemand die bij je woont meer dan {euro(mate_limit)} vermogen? "
                    "Dan is er geen huurtoeslag."
                )
            )
    if scheme == "zorgtoeslag" and unknown["adult_age"]:
        depends.append("of je 18 jaar of ouder bent")
    why.append(WhyItem(HOW_IT_WORKS[scheme]))
    why += _steps_from_trace(scheme, variables)
    if status == "no" and not depends:
        if scheme != "kinderbijslag" and not any("vermogen" in w.text for w in why):
            why.append(WhyItem(f"Met dit inkomen komt {name.lower()} uit op € 0."))
    elif status == "likely_yes":
        per = "omgerekend per maand" if scheme == "kinderbijslag" else "per maand"
        why.append(WhyItem(f"Uitkomst: ongeveer {euro(amount_int)} {per}."))
    amount_max = None
    if depends:
        others_unknown = scheme == "huurtoeslag" and unknown["others_income"]
        if unknown["income"] or others_unknown or (scheme == "huurtoeslag" and unknown["rent"]):
            amount_max = amount_int if not (scheme == "huurtoeslag" and unknown["rent"]) else None
            amount_int = None
        status = "maybe"
        why.append(WhyItem("Het hangt nog af van: " + "; ".join(depends) + "."))
    if scheme == "huurtoeslag" and variables.get("huurtoeslag_young_household"):
        why.append(WhyItem("Iedereen in huis is jonger dan 21: er geldt een lagere huurgrens."))
    return SchemeResult(
        **base,
        status=status,
        amount_month=amount_int,
        amount_month_max=amount_max,
        why=why + rules_why,
        depends_on=depends,
        how_to_apply=APPLY[scheme]["how"],
        url=APPLY[scheme]["url"],
        what_to_bring=APPLY[scheme]["bring"],
        deadline=APPLY[scheme]["deadline"].format(next_year=year + 1, year=year),
    )


HOW_IT_WORKS = {
    "zorgtoeslag": "Zo werkt het: de overheid bepaalt wat een zorgverzekering kost (de "
    "standaardpremie). Een deel betaal je zelf, naar je inkomen (de normpremie). Zorgtoeslag is "
    "het verschil.",
    "huurtoeslag": "Zo werkt het: een deel van de huur betaal je altijd zelf (de basishuur). Van "
    "de huur daarboven telt eerst alles mee, dan 65% en boven de aftoppingsgrens 40%. Is je "
    "inkomen hoger dan het ijkpunt, dan gaat er een deel af.",
    "kindgebonden_budget": "Zo werkt het: je krijgt een bedrag per kind, extra als je geen partner "
    "hebt en extra voor kinderen van 12 jaar en ouder. Is het inkomen hoger dan de drempel, dan "
    "gaat er een deel af.",
    "kinderbijslag": "Zo werkt het: een vast bedrag per kind per kwartaal, hoger vanaf 6 en vanaf "
    "12 jaar. Het hangt niet af van je inkomen.",
}
STEP_LABELS = {
    "zorgtoeslag": [("zorgtoeslag_normpremie", "Wat je zelf kunt betalen (normpremie)", "jaar")],
    "huurtoeslag": [
        ("huurtoeslag_rekenhuur", "Huur waarmee we rekenen", "maand"),
        ("huurtoeslag_other_income", "Inkomen van anderen in huis dat meetelt", "jaar"),
        ("huurtoeslag_basishuur", "Basishuur (betaal je zelf)", "maand"),
        ("huurtoeslag_rent_part", "Huurtoeslag voor de huur", "maand"),
        ("huurtoeslag_income_part", "Eraf voor het inkomen", "maand"),
    ],
    "kindgebonden_budget": [
        ("kindgebonden_budget_maximum", "Het volle bedrag", "jaar"),
        ("kindgebonden_budget_afbouw", "Eraf voor het inkomen", "jaar"),
    ],
    "kinderbijslag": [("kinderbijslag_quarter", "Kinderbijslag", "kwartaal")],
}


def _steps_from_trace(scheme: str, variables: dict[str, float]) -> list[WhyItem]:
    """The engine's own intermediate results, in words."""
    items = []
    for name, label, per in STEP_LABELS[scheme]:
        if name in variables and (name != "huurtoeslag_other_income" or variables[name]):
            items.append(WhyItem(f"{label}: {euro(variables[name])} per {per}."))
    return items


APPLY = {
    "zorgtoeslag": {
        "how": "Aanvragen bij Dienst Toeslagen op toeslagen.nl met DigiD.",
        "url": "https://www.belastingdienst.nl/wps/wcm/connect/nl/zorgtoeslag/zorgtoeslag",
        "bring": ["DigiD", "je inkomen over het jaar (loonstrook of jaaropgave)", "je zorgpolis"],
        "deadline": "1 september {next_year}",
    },
    "huurtoeslag": {
        "how": "Aanvragen bij Dienst Toeslagen op toeslagen.nl met DigiD.",
        "url": "https://www.belastingdienst.nl/wps/wcm/connect/nl/huurtoeslag/huurtoeslag",
        "bring": ["DigiD", "je huurcontract of de laatste brief over de huur", "je inkomen"],
        "deadline": "1 september {next_year}",
    },
    "kindgebonden_budget": {
        "how": "Komt meestal vanzelf als je kinderbijslag krijgt. Niet? Vraag het aan op "
        "toeslagen.nl met DigiD.",
        "url": "https://www.belastingdienst.nl/wps/wcm/connect/nl/kindgebonden-budget/kindgebonden-budget",
        "bring": ["DigiD", "je inkomen over het jaar"],
        "deadline": "1 september {next_year}",
    },
    "kinderbijslag": {
        "how": "Kinderbijslag komt van de SVB. Krijg je het nog niet? Vraag het aan bij de SVB.",
        "url": "https://www.svb.nl/nl/kinderbijslag",
        "bring": ["DigiD", "de geboortedatum van je kind"],
        "deadline": "3 jaar na de geboorte",
    },
}


def check_household(data: Any, *, municipality: dict[str, Any] | None = None) -> CheckResult:
    """Validate ``data`` and check every scheme; ``municipality`` is plain data (see municipal)."""
    clean = validate_household(data)
    sim = SimulationBuilder().build_from_entities(tax_benefit_system(), _situation(clean))
    sim.trace = True
    schemes = [_national(sim, scheme, clean) for scheme in NATIONAL_SCHEMES]
    debt_routes: list[dict[str, str]] = []
    if municipality:
        schemes += evaluate_municipal(municipality, clean)
        debt_routes = list(municipality.get("debt_routes", []))
    return CheckResult(
        year=clean["year"],
        schemes=schemes,
        debt_routes=debt_routes,
        municipality=(
            {
                "code": municipality.get("code", ""),
                "name": municipality.get("name", ""),
                "is_example": bool(municipality.get("is_example")),
            }
            if municipality
            else None
        ),
    )
