"""Geldrust data: municipalities and their schemes (kept by an organisation's administrator),
money checks inside a trajectory, what came of each scheme, and anonymous screening counts.

The national rules are not here: they live in ``rules/`` (OpenFisca, YAML parameters).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from doenvermogen.core.idempotency import IdempotentModel


class Municipality(models.Model):
    """A municipality's norms. ``organisation`` empty = shipped for everyone (the example)."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="municipalities",
        verbose_name=_("organisation"),
    )
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=120)
    is_example = models.BooleanField(
        _("example (not a real municipality)"),
        default=False,
        help_text=_("Shown with a clear notice that these are example rules."),
    )
    valid_from = models.DateField(_("rules valid from"))
    social_minimum_single = models.DecimalField(
        _("social minimum single, gross per year"), max_digits=9, decimal_places=2
    )
    social_minimum_single_parent = models.DecimalField(
        _("social minimum single parent, gross per year"), max_digits=9, decimal_places=2
    )
    social_minimum_couple = models.DecimalField(
        _("social minimum couple, gross per year"), max_digits=9, decimal_places=2
    )
    norms_note = models.TextField(_("where the norms come from"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self) -> str:
        return self.name

    def as_rules_data(self) -> dict:
        """Plain data for ``rules.municipal`` (the engine imports no Django)."""
        return {
            "code": self.code,
            "name": self.name,
            "is_example": self.is_example,
            "valid_from": self.valid_from.isoformat(),
            "social_minimum_year": {
                "single": float(self.social_minimum_single),
                "single_parent": float(self.social_minimum_single_parent),
                "couple": float(self.social_minimum_couple),
            },
            "schemes": [s.as_rules_data() for s in self.schemes.all()],
            "debt_routes": sorted(
                (r.as_rules_data() for r in self.debt_routes.all()),
                key=lambda r: DebtRoute.ORDER.index(r["kind"]),
            ),
        }


class MunicipalScheme(models.Model):
    class Kind(models.TextChoices):
        REMISSION = "kwijtschelding", _("remission of municipal taxes")
        INCOME_SUPPLEMENT = "inkomenstoeslag", _("individual income supplement")
        SPECIAL_ASSISTANCE = "bijzondere_bijstand", _("special assistance")
        HEALTH_POLICY = "gemeentepolis", _("collective health insurance")
        PARTICIPATION = "meedoen", _("participation scheme")
        CHILDREN = "kindregeling", _("scheme for children")

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="schemes")
    order = models.PositiveSmallIntegerField(default=0)
    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    income_percentage = models.PositiveSmallIntegerField(
        _("income limit, percentage of the social minimum"), null=True, blank=True
    )
    wealth_limit_single = models.PositiveIntegerField(
        _("wealth limit single"), null=True, blank=True
    )
    wealth_limit_partner = models.PositiveIntegerField(
        _("wealth limit with partner"), null=True, blank=True
    )
    amount_year = models.DecimalField(
        _("amount per year"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    per_child = models.BooleanField(_("amount per child"), default=False)
    per_person = models.BooleanField(_("amount per person"), default=False)
    requires_children = models.BooleanField(_("only for households with children"), default=False)
    child_min_age = models.PositiveSmallIntegerField(_("children from age"), default=0)
    child_max_age = models.PositiveSmallIntegerField(_("children up to age"), default=17)
    worth_asking = models.BooleanField(
        _("worth asking (never promised)"),
        default=False,
        help_text=_("For schemes decided case by case, such as special assistance."),
    )
    also_depends_on = models.TextField(
        _("also depends on (one per line)"), blank=True, max_length=1000
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    how_to_apply = models.CharField(_("how to apply"), max_length=300)
    what_to_bring = models.TextField(_("what to bring (one per line)"), blank=True, max_length=1000)
    deadline = models.CharField(_("deadline"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    url = models.URLField(_("web address"), blank=True)

    class Meta:
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="geldrust_scheme_code")
        ]
        verbose_name = _("municipal scheme")
        verbose_name_plural = _("municipal schemes")

    def __str__(self) -> str:
        return self.name

    def as_rules_data(self) -> dict:
        def lines(text: str) -> list[str]:
            return [line.strip() for line in text.splitlines() if line.strip()]

        return {
            "code": self.code,
            "name": self.name,
            "kind": self.kind,
            "income_percentage": self.income_percentage,
            "wealth_limit_single": self.wealth_limit_single,
            "wealth_limit_partner": self.wealth_limit_partner,
            "amount_year": float(self.amount_year) if self.amount_year else None,
            "per_child": self.per_child,
            "per_person": self.per_person,
            "requires_children": self.requires_children,
            "child_min_age": self.child_min_age,
            "child_max_age": self.child_max_age,
            "worth_asking": self.worth_asking,
            "also_depends_on": lines(self.also_depends_on),
            "note": self.note,
            "how_to_apply": self.how_to_apply,
            "what_to_bring": lines(self.what_to_bring),
            "deadline": self.deadline,
            "phone": self.phone,
            "url": self.url,
        }


class DebtRoute(models.Model):
    """One of Geldfit's four ways to get help with debts, as this municipality offers it."""

    class Kind(models.TextChoices):
        SELF_HELP = "self_help", _("on your own, with good information")
        VOLUNTEER = "volunteer", _("with a volunteer")
        SOCIAL_WORK = "social_work", _("with social work or the neighbourhood team")
        FORMAL = "formal", _("formal debt counselling")

    ORDER = ("self_help", "volunteer", "social_work", "formal")  # Geldfit's order: lightest first

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="debt_routes"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    url = models.URLField(_("web address"), blank=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("route for debt help")
        verbose_name_plural = _("routes for debt help")

    def __str__(self) -> str:
        return self.name

    def as_rules_data(self) -> dict:
        return {
            "kind": self.kind,
            "name": self.name,
            "description": self.description,
            "phone": self.phone,
            "url": self.url,
        }


class MoneyCheck(IdempotentModel):
    """A check stored inside a trajectory, with the client's consent. Anonymous checks are not
    stored at all."""

    trajectory = models.ForeignKey(
        "cases.Trajectory", on_delete=models.CASCADE, related_name="money_checks"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    municipality = models.ForeignKey(
        Municipality, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    household = models.JSONField(_("household"))
    result = models.JSONField(_("result"))
    total_month = models.PositiveIntegerField(_("money per month found"), default=0)
    consent_given = models.BooleanField(_("the client agreed to keep this check"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    done_by_client = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("money check")
        verbose_name_plural = _("money checks")

    def __str__(self) -> str:
        return f"{self.year} – {self.created_at:%Y-%m-%d}"


class SchemeOutcome(models.Model):
    """What came of one scheme of a check: the step it became and the answer that came."""

    class Outcome(models.TextChoices):
        OPEN = "open", _("not yet applied")
        APPLIED = "applied", _("applied")
        GRANTED = "granted", _("granted")
        REFUSED = "refused", _("refused")
        ALREADY = "already", _("already received it")

    money_check = models.ForeignKey(MoneyCheck, on_delete=models.CASCADE, related_name="outcomes")
    scheme_code = models.CharField(max_length=60)
    scheme_name = models.CharField(max_length=120)
    status = models.CharField(max_length=20)
    amount_month = models.PositiveIntegerField(null=True, blank=True)
    outcome = models.CharField(
        _("what came of it"), max_length=20, choices=Outcome.choices, default=Outcome.OPEN
    )
    granted_month = models.PositiveIntegerField(
        _("amount granted per month"), null=True, blank=True
    )
    step = models.ForeignKey(
        "goals.Step", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["money_check", "scheme_code"], name="geldrust_outcome_once"
            )
        ]

    def __str__(self) -> str:
        return self.scheme_name


class Screening(models.Model):
    """A short money-worries screening: counts only, never linked to a person."""

    class Answer(models.TextChoices):
        YES = "yes", _("yes")
        SOMETIMES = "sometimes", _("sometimes")
        NO = "no", _("no")
        SKIP = "skip", _("rather not say")

    team = models.ForeignKey(
        "accounts.Team", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    worries = models.CharField(max_length=10, choices=Answer.choices)
    arrears = models.CharField(max_length=10, choices=Answer.choices)
    wants_help = models.CharField(max_length=10, choices=Answer.choices)
    route = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d} {self.route}"
