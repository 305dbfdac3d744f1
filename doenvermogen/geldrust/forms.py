"""The check's questions, one topic per screen, "weet ik niet" next to every answer; the outcome
form; the short money-worries screening. Answers travel signed in a hidden field (nothing stored
until the end, and for an anonymous check never)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentFormMixin
from doenvermogen.geldrust.models import SchemeOutcome, Screening
from doenvermogen.geldrust.rules import (
    covered_years,
    huurtoeslag_has_rules,
    huurtoeslag_wealth_limit,
)
from doenvermogen.geldrust.rules.engine import MAX_CHILDREN, MAX_HOUSEMATES

SALT = "geldrust-check"
YES_NO = [("yes", _("Yes")), ("no", _("No"))]
STEP_TITLES = {
    "place": _("Where and when"),
    "household": _("Who lives with you"),
    "ages": _("Ages"),
    "income": _("Income"),
    "wealth": _("Savings"),
    "home": _("Your home"),
    "rent": _("Rent"),
    "others": _("Others in your home"),
    "consent": _("Keep the check"),
}


def steps_for(answers: dict[str, Any], *, with_consent: bool) -> list[str]:
    steps = ["place", "household", "ages", "income", "wealth", "home"]
    if answers.get("renting") != "no":
        steps.append("rent")  # asked only of people who rent (or have not answered yet)
        # Incomes of adult children and housemates count only for huurtoeslag: asked only when
        # the year's huurtoeslag can be computed at all, and not when the savings already rule
        # it out (others in the home do not change the household's wealth limit).
        year = int(answers.get("year") or default_year())
        limit = huurtoeslag_wealth_limit(year, partner=answers.get("partner") == "yes")
        wealth = None if answers.get("wealth_unknown") else answers.get("wealth")
        over = wealth is not None and limit is not None and wealth > limit
        if huurtoeslag_has_rules(year) and not over:
            steps.append("others")
    return steps + (["consent"] if with_consent else [])


def pack(answers: dict[str, Any]) -> str:
    return signing.dumps(answers, salt=SALT)


def unpack(value: str) -> dict[str, Any]:
    try:
        data = signing.loads(value or "", salt=SALT, max_age=60 * 60 * 24)
    except signing.BadSignature:
        return {}
    return data if isinstance(data, dict) else {}


def default_year() -> int:
    years = covered_years()
    this = timezone.localdate().year
    return this if this in years else years[-1]


class StepForm(forms.Form):
    state = forms.CharField(widget=forms.HiddenInput, required=False)

    def unknown_pairs(self) -> list[tuple[str, str]]:
        return []

    def clean(self):
        cleaned = super().clean()
        for name, unknown in self.unknown_pairs():
            empty = cleaned.get(name) is None and not cleaned.get(unknown)
            if name in self.fields and empty and name not in self.errors:
                self.add_error(name, _("Fill in an amount, or tick 'I don't know'."))
        return cleaned


def _money(label, help_text="") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=0,
        max_value=10_000_000,
        error_messages={"min_value": _("This cannot be below 0. Fill in 0 if there is nothing.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "utrecht-textbox"}),
    )


def _unknown(label=None) -> forms.BooleanField:
    return forms.BooleanField(label=label or _("I don't know"), required=False)


def _age(label) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "utrecht-textbox"}),
    )


class PlaceForm(StepForm):
    municipality = forms.ChoiceField(label=_("Municipality"))
    year = forms.TypedChoiceField(label=_("Which year?"), coerce=int)

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("I don't know / not in the list"))] + [
            (m.code, f"{m.name}{' (' + str(_('example')) + ')' if m.is_example else ''}")
            for m in municipalities
        ]
        self.fields["municipality"].required = False
        if municipalities and not self.is_bound and not self.initial.get("municipality"):
            self.initial["municipality"] = municipalities[0].code
        self.fields["year"].choices = [(y, str(y)) for y in covered_years()]


class HouseholdForm(StepForm):
    partner = forms.ChoiceField(
        label=_("Do you live together with a partner?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text=_("A partner counts if you are married or live together."),
    )
    children = forms.IntegerField(
        label=_("How many children live with you?"),
        min_value=0,
        max_value=MAX_CHILDREN,
        initial=0,
        error_messages={
            "max_value": _(
                "This check works for up to 10 children. With more children, use the "
                "Belastingdienst's trial calculation."
            )
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "utrecht-textbox"}),
    )


class AgesForm(StepForm):
    age = _age(_("Your age"))
    age_unknown = _unknown(_("I'd rather not say"))

    def __init__(self, *args, partner: bool = False, children: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        if partner:
            self.fields["partner_age"] = _age(_("Age of your partner"))
        for n in range(1, children + 1):
            self.fields[f"child_age_{n}"] = _age(_("Age of child %(n)s") % {"n": n})
        if children:
            self.fields["child_ages_unknown"] = _unknown(_("I don't know the ages"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("age") is None and not cleaned.get("age_unknown"):
            self.add_error("age", _("Fill in your age, or tick the box."))
        for name, value in cleaned.items():
            if (
                name.startswith("child_age_")
                and value is None
                and not cleaned.get("child_ages_unknown")
            ):
                self.add_error(name, _("Fill in the age, or tick 'I don't know the ages'."))
        if cleaned.get("age") is not None and cleaned["age"] < 16:
            self.add_error("age", _("This check is for people of 16 and older."))
        return cleaned


class IncomeForm(StepForm):
    income = _money(
        _("Your gross income per year"),
        _("Wages or benefit before tax, with holiday pay. Per month? Times 12, plus 8%."),
    )
    income_unknown = _unknown()

    def __init__(self, *args, partner: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if partner:
            self.fields["partner_income"] = _money(_("Gross income of your partner per year"))
            self.fields["partner_income_unknown"] = _unknown()

    def unknown_pairs(self):
        return [("income", "income_unknown"), ("partner_income", "partner_income_unknown")]


class WealthForm(StepForm):
    wealth = _money(
        _("Savings and investments on 1 January"),
        _("Together with your partner. Take off debts. Fill in 0 if there is nothing."),
    )
    wealth_unknown = _unknown()

    def unknown_pairs(self):
        return [("wealth", "wealth_unknown")]


class HomeForm(StepForm):
    renting = forms.ChoiceField(
        label=_("Do you rent your home?"), choices=YES_NO, widget=forms.RadioSelect
    )


class RentForm(StepForm):
    rent = forms.IntegerField(
        label=_("Basic rent per month"),
        help_text=_("The rent without service costs, gas, water or electricity."),
        required=False,
        min_value=1,
        max_value=100_000,
        error_messages={
            "min_value": _("The rent must be more than € 0. Don't know it? Tick 'I don't know'.")
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "utrecht-textbox"}),
    )
    rent_unknown = _unknown()

    def unknown_pairs(self):
        return [("rent", "rent_unknown")]


def adult_children(answers: dict[str, Any]) -> list[tuple[int, int]]:
    """(number, age) of each child of 18 or older, from the ages answered."""
    if answers.get("child_ages_unknown"):
        return []
    found = []
    for n in range(1, int(answers.get("children") or 0) + 1):
        age = answers.get(f"child_age_{n}")
        if age is not None and age >= 18:
            found.append((n, age))
    return found


class OthersForm(StepForm):
    """Who else lives in the home, and what they earn: it counts for huurtoeslag."""

    housemates = forms.IntegerField(
        label=_("How many other people live with you?"),
        help_text=_("Not your partner and not your children. For example a parent or a friend."),
        required=False,
        min_value=0,
        max_value=MAX_HOUSEMATES,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "utrecht-textbox"}),
    )
    housemates_income = _money(
        _("Their gross income per year, together"), _("Fill in 0 if they have no income.")
    )
    housemates_income_unknown = _unknown()

    def __init__(self, *args, adult_children: list[tuple[int, int]] = (), **kwargs):
        super().__init__(*args, **kwargs)
        fields = {}
        for n, age in adult_children:
            fields[f"child_income_{n}"] = _money(
                _("Gross income per year of child %(n)s (%(age)s years)") % {"n": n, "age": age},
                _("Wages, benefit or student grant before tax. Fill in 0 if there is nothing."),
            )
            fields[f"child_income_{n}_unknown"] = _unknown()
        self.child_names = [name for name in fields if not name.endswith("_unknown")]
        self.fields = {"state": self.fields.pop("state"), **fields, **self.fields}

    def unknown_pairs(self):
        return [(name, f"{name}_unknown") for name in self.child_names]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("housemates") is None and "housemates" not in self.errors:
            cleaned["housemates"] = 0
        empty = cleaned.get("housemates_income") is None
        if cleaned.get("housemates") and empty and not cleaned.get("housemates_income_unknown"):
            self.add_error("housemates_income", _("Fill in an amount, or tick 'I don't know'."))
        return cleaned


class ConsentForm(StepForm, IdempotentFormMixin):
    keep = forms.ChoiceField(
        label=_("May we keep this check in the trajectory?"),
        help_text=_(
            "Then you can make steps of it later and see it on your own page. "
            "If not, you see the result now and nothing is kept."
        ),
        choices=[("yes", _("Yes, keep it")), ("no", _("No, only show it"))],
        widget=forms.RadioSelect,
    )


STEP_FORMS = {
    "place": PlaceForm,
    "household": HouseholdForm,
    "ages": AgesForm,
    "income": IncomeForm,
    "wealth": WealthForm,
    "home": HomeForm,
    "rent": RentForm,
    "others": OthersForm,
    "consent": ConsentForm,
}


def form_kwargs(step: str, answers: dict[str, Any], municipalities) -> dict[str, Any]:
    partner = answers.get("partner") == "yes"
    if step == "place":
        return {"municipalities": municipalities}
    if step == "ages":
        return {"partner": partner, "children": int(answers.get("children") or 0)}
    if step == "income":
        return {"partner": partner}
    if step == "others":
        return {"adult_children": adult_children(answers)}
    return {}


def initial_for(step: str, answers: dict[str, Any]) -> dict[str, Any]:
    if step == "place":
        return {
            "year": answers.get("year", default_year()),
            "municipality": answers.get("municipality"),
        }
    return {k: v for k, v in answers.items() if not isinstance(v, list)}


def to_household(answers: dict[str, Any]) -> dict[str, Any]:
    """The answers as the household JSON of the API (missing = 'weet ik niet')."""
    partner = answers.get("partner") == "yes"

    def known(name: str):
        return None if answers.get(f"{name}_unknown") else answers.get(name)

    adults = [
        {
            "age": None if answers.get("age_unknown") else answers.get("age"),
            "income_year": known("income"),
            "wealth": known("wealth"),
        }
    ]
    if partner:
        adults.append(
            {
                "age": answers.get("partner_age"),
                "income_year": known("partner_income"),
                "wealth": None if answers.get("wealth_unknown") else 0,
            }
        )
    children = [
        {"age": None if answers.get("child_ages_unknown") else answers.get(f"child_age_{n}")}
        for n in range(1, int(answers.get("children") or 0) + 1)
    ]
    renting = answers.get("renting") != "no"
    asked_others = renting and "housemates" in answers  # the step "others" was answered
    housemates: list[dict[str, Any]] = []
    if asked_others:
        for n, _age_of_child in adult_children(answers):
            children[n - 1]["income_year"] = known(f"child_income_{n}")
        income = known("housemates_income")
        for i in range(int(answers.get("housemates") or 0)):
            # One amount for all of them together: the first carries it, so the sum is right.
            share = income if i == 0 else (None if income is None else 0)
            housemates.append({"age": None, "income_year": share})
    return {
        "year": int(answers.get("year") or default_year()),
        "municipality": answers.get("municipality") or "",
        "adults": adults,
        "children": children,
        "housemates": housemates,
        "renting": renting,
        "rent_month": known("rent") if renting else None,
    }


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("What came of it?"), choices=SchemeOutcome.Outcome.choices, widget=forms.RadioSelect
    )
    granted_month = forms.IntegerField(
        label=_("Amount per month (if granted)"),
        required=False,
        min_value=0,
        max_value=100_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "utrecht-textbox"}),
    )


class ScreeningForm(forms.Form):
    worries = forms.ChoiceField(
        label=_("Do you ever worry about money?"),
        choices=Screening.Answer.choices,
        widget=forms.RadioSelect,
    )
    arrears = forms.ChoiceField(
        label=_("Are there bills you could not pay in time lately?"),
        choices=Screening.Answer.choices,
        widget=forms.RadioSelect,
    )
    wants_help = forms.ChoiceField(
        label=_("Would you like someone to help you with it?"),
        choices=Screening.Answer.choices,
        widget=forms.RadioSelect,
    )
