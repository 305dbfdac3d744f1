"""Reads of the research app, scoped to the acting user.

- researchers (role ``researcher`` in an organisation) see that organisation's studies, the paired
  summary and the anonymised export: research ids, never names, contact data or client ids;
- a professional sees, inside an already authorized trajectory, whether the client takes part and
  which questionnaires are filled in (never the answers as a label about the person);
- a client sees their own open questionnaires.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import Http404

from doenvermogen.accounts.models import Membership, Organisation, User
from doenvermogen.cases.models import Client, Consent, Trajectory
from doenvermogen.research.models import Instrument, Measurement, Participant, Study
from doenvermogen.research.stats import PairedSummary, paired_summary

Role = Membership.Role


def research_organisations(user: User) -> QuerySet[Organisation]:
    if not user.is_authenticated or user.is_client:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        pk__in=user.memberships.filter(role=Role.RESEARCHER).values("organisation_id")
    )


def studies_for_researcher(user: User) -> QuerySet[Study]:
    return Study.objects.filter(organisation__in=research_organisations(user)).prefetch_related(
        "instruments"
    )


def study_get_for_researcher(*, user: User, study_id: object) -> Study:
    try:
        pk = int(study_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise Http404 from None
    study = studies_for_researcher(user).filter(pk=pk).first()
    if study is None:
        raise Http404("Not found or not allowed")
    return study


def instruments_for_organisation(organisation_ids) -> QuerySet[Instrument]:
    return Instrument.objects.filter(
        Q(organisation__isnull=True) | Q(organisation_id__in=organisation_ids)
    )


def consented_participants(study: Study) -> QuerySet[Participant]:
    """Participants whose research consent is still active (withdrawn: left out)."""
    active = Consent.objects.filter(
        purpose=Consent.Purpose.RESEARCH, withdrawn_at__isnull=True
    ).values("client_id")
    return study.participants.filter(client_id__in=active)


@dataclass
class InstrumentSummary:
    instrument: Instrument
    higher_is: str
    summary: PairedSummary
    measurements: int


def study_summary(study: Study) -> list[InstrumentSummary]:
    """Per instrument: the paired pre/post summary over participants with both measurements."""
    out = []
    participants = consented_participants(study)
    for instrument in study.instruments.all():
        rows = Measurement.objects.filter(
            participant__in=participants, instrument=instrument
        ).values_list("participant_id", "moment", "score")
        pre: dict[int, float] = {}
        post: dict[int, float] = {}
        count = 0
        for pid, moment, score in rows:
            count += 1
            (pre if moment == Measurement.Moment.PRE else post)[pid] = score
        paired = sorted(set(pre) & set(post))
        out.append(
            InstrumentSummary(
                instrument=instrument,
                higher_is=instrument.definition.get("higher_is", "better"),
                summary=paired_summary([pre[p] for p in paired], [post[p] for p in paired]),
                measurements=count,
            )
        )
    return out


# --- Inside an authorized trajectory / for a signed-in client -------------------------------------


@dataclass
class Questionnaire:
    participant: Participant
    instrument: Instrument
    moment: str
    done: bool


def _questionnaires(participants: list[Participant]) -> list[Questionnaire]:
    done = set(
        Measurement.objects.filter(participant__in=participants).values_list(
            "participant_id", "instrument_id", "moment"
        )
    )
    out = []
    for p in participants:
        for instrument in p.study.instruments.all():
            for moment in (Measurement.Moment.PRE, Measurement.Moment.POST):
                if moment == Measurement.Moment.POST and not p.post_open:
                    continue
                out.append(
                    Questionnaire(p, instrument, moment, (p.pk, instrument.pk, moment) in done)
                )
    return out


def trajectory_research(trajectory: Trajectory) -> dict:
    """For the trajectory page (the trajectory is authorized already)."""
    participants = list(
        Participant.objects.filter(client=trajectory.client, trajectory=trajectory)
        .select_related("study")
        .prefetch_related("study__instruments")
    )
    enrolled = {p.study_id for p in participants}
    return {
        "participants": participants,
        "questionnaires": _questionnaires(participants),
        "studies": Study.objects.filter(organisation_id=trajectory.organisation_id).exclude(
            pk__in=enrolled
        ),
        "consent": trajectory.client.consents.filter(
            purpose=Consent.Purpose.RESEARCH, withdrawn_at__isnull=True
        ).exists(),
    }


def open_questionnaires_for_client(client: Client) -> list[Questionnaire]:
    """What the (authorized) client may still fill in, only with an active research consent."""
    if not client.consents.filter(
        purpose=Consent.Purpose.RESEARCH, withdrawn_at__isnull=True
    ).exists():
        return []
    participants = list(
        Participant.objects.filter(client=client)
        .select_related("study")
        .prefetch_related("study__instruments")
    )
    return [q for q in _questionnaires(participants) if not q.done]
