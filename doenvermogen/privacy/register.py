"""The register of processing (AVG art. 30): what is kept about a client, why, and how long.

One entry per model that holds client data, saying how to reach the client from it
(``client_path``), the kind of data (which retention period applies), the purpose and the legal
basis, and what erasure does: ``delete`` the rows, or ``anonymise`` them (blank every free-text
field, so that counts and catalogue choices stay as anonymised research data). The free-text
fields are found from the model itself (``personal_fields``), so a new text field is covered
without a change here; ``tests/privacy`` fails when a new model with client data is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Kinds of data, each with its own retention period (days after the client's last trajectory
# ended; defaults in settings.PRIVACY_RETENTION_DAYS, overridable per organisation).
CASE_WORK = "case_work"
PLANNING = "planning"
CONTACT = "contact"
SIGN_IN = "sign_in"
CATEGORIES: dict[str, Promise] = {
    CASE_WORK: _("the work with the client (plans, strategies, steps, reviews)"),
    PLANNING: _("reminders and appointments"),
    CONTACT: _("name and contact details"),
    SIGN_IN: _("ways to sign in (links, calendar link, DigiD link)"),
}
# Fields that are keys, not content (never blanked, never exported).
_TECHNICAL = {"idempotency_key", "form_key", "token_hash", "bsn_hash", "password"}

PUBLIC_TASK = _("public task (AVG art. 6(1)(e)), with the client's consent for psycho-education")
CONSENT = _("consent of the client (AVG art. 6(1)(a))")


@dataclass(frozen=True)
class Entry:
    model: str  # "app_label.ModelName"
    client_path: str  # lookup from the model to cases.Client ("" for Client itself)
    category: str
    purpose: Promise
    basis: Promise
    erase: str  # "delete" | "anonymise"
    keep_fields: tuple[str, ...] = field(default=())  # text fields that are not personal

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def client_filter(self, client_id: int) -> dict:
        return {(f"{self.client_path}_id" if self.client_path else "pk"): client_id}

    def personal_fields(self) -> list[models.Field]:
        """Free-text fields (no fixed choices): what anonymising blanks and what inzage shows."""
        return [
            f
            for f in self.model_class._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
            and not f.choices
            and f.name not in _TECHNICAL
            and f.name not in self.keep_fields
        ]


REGISTER: list[Entry] = [
    Entry(
        "cases.Client",
        "",
        CONTACT,
        _("to know who the client is and how to reach them"),
        PUBLIC_TASK,
        "anonymise",
    ),
    Entry(
        "cases.Trajectory",
        "client",
        CASE_WORK,
        _("to know which team helps the client, since when and until when"),
        PUBLIC_TASK,
        "anonymise",
    ),
    Entry(
        "cases.Involvement",
        "trajectory__client",
        CASE_WORK,
        _("to know which professional does what (who explains, who reviews)"),
        PUBLIC_TASK,
        "anonymise",
    ),
    Entry(
        "cases.Consent",
        "client",
        CASE_WORK,
        _("to show what the client agreed to, and when"),
        PUBLIC_TASK,
        "anonymise",
    ),
    Entry(
        "psychoeducation.GateConversation",
        "trajectory__client",
        CASE_WORK,
        _("to record that the client chose to talk about stress (or not yet)"),
        CONSENT,
        "anonymise",
    ),
    Entry(
        "psychoeducation.Session",
        "trajectory__client",
        CASE_WORK,
        _("psycho-education: the talk chart session"),
        CONSENT,
        "anonymise",
    ),
    Entry(
        "psychoeducation.RecognisedEffect",
        "session__trajectory__client",
        CASE_WORK,
        _("the stress effects the client recognises, in their own words"),
        CONSENT,
        "anonymise",
    ),
    Entry(
        "psychoeducation.ClientStrategy",
        "session__trajectory__client",
        CASE_WORK,
        _("the strategies the client chose"),
        CONSENT,
        "anonymise",
    ),
    Entry(
        "psychoeducation.PlanStep",
        "strategy__session__trajectory__client",
        CASE_WORK,
        _("small steps of a strategy"),
        CONSENT,
        "anonymise",
    ),
    Entry(
        "psychoeducation.Review",
        "session__trajectory__client",
        CASE_WORK,
        _("looking back on the strategies"),
        CONSENT,
        "anonymise",
    ),
    Entry(
        "psychoeducation.ReviewItem",
        "review__session__trajectory__client",
        CASE_WORK,
        _("per strategy: used, helped, what to change"),
        CONSENT,
        "anonymise",
    ),
    Entry(
        "goals.ExecutiveSkillCheck",
        "trajectory__client",
        CASE_WORK,
        _("what is easy and hard for the client right now, in their own words"),
        PUBLIC_TASK,
        "anonymise",
    ),
    Entry(
        "goals.GoalPlan",
        "trajectory__client",
        CASE_WORK,
        _("the client's goal and why it matters to them"),
        PUBLIC_TASK,
        "anonymise",
    ),
    Entry(
        "goals.Step",
        "plan__trajectory__client",
        CASE_WORK,
        _("small steps towards the goal, with if-then plans"),
        PUBLIC_TASK,
        "anonymise",
    ),
    Entry(
        "goals.Reward",
        "plan__trajectory__client",
        CASE_WORK,
        _("rewards the client chose"),
        PUBLIC_TASK,
        "anonymise",
    ),
    Entry(
        "goals.Review",
        "plan__trajectory__client",
        CASE_WORK,
        _("looking back on the goal plan"),
        PUBLIC_TASK,
        "anonymise",
    ),
    Entry(
        "reminders.Appointment",
        "trajectory__client",
        PLANNING,
        _("appointments with the professional"),
        PUBLIC_TASK,
        "delete",
    ),
    Entry(
        "reminders.Reminder",
        "client",
        PLANNING,
        _("reminders the client asked for"),
        CONSENT,
        "delete",
    ),
    Entry(
        "reminders.Delivery",
        "reminder__client",
        PLANNING,
        _("when a reminder was sent"),
        CONSENT,
        "delete",
    ),
    Entry(
        "clientaccess.ClientAccessLink",
        "client",
        SIGN_IN,
        _("the client's personal sign-in links (only a hash of each)"),
        PUBLIC_TASK,
        "delete",
    ),
    Entry(
        "reminders.CalendarFeed",
        "client",
        SIGN_IN,
        _("the client's calendar link (only a hash)"),
        CONSENT,
        "delete",
    ),
    Entry(
        "geldrust.MoneyCheck",
        "trajectory__client",
        CASE_WORK,
        _("the money check: household, income and the schemes found"),
        PUBLIC_TASK,
        "delete",
    ),
    Entry(
        "geldrust.SchemeOutcome",
        "money_check__trajectory__client",
        CASE_WORK,
        _("what came of a scheme: applied, granted, amount"),
        PUBLIC_TASK,
        "delete",
    ),
    Entry(
        "research.Participant",
        "client",
        CASE_WORK,
        _("taking part in a study (only under a random research code for researchers)"),
        CONSENT,
        "anonymise",
    ),
    Entry(
        "research.Measurement",
        "participant__client",
        CASE_WORK,
        _("answers to a questionnaire before and after (anonymised research data stay)"),
        CONSENT,
        "anonymise",
    ),
    Entry(
        "sso.ClientIdentity",
        "client",
        SIGN_IN,
        _("DigiD link: a keyed hash of the BSN, never the number"),
        CONSENT,
        "delete",
    ),
]


def entries() -> list[Entry]:
    """The register for the apps that are installed (an app may be left out of a deployment)."""
    installed = {config.label for config in apps.get_app_configs()}
    return [e for e in REGISTER if e.model.split(".")[0] in installed]


def entry_for(label: str) -> Entry | None:
    return next((e for e in REGISTER if e.model == label), None)
