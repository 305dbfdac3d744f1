"""Reads of psycho-education data inside an ``Authorized`` context (``cases.selectors``).

A view authorizes once (``access_trajectory``, ``access_trajectory_object`` with
``session_queryset``, ``access_own``) and hands the context on; nothing here authorizes or logs a
read again. Only the team overview (counts, no client) writes its own row.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from doenvermogen.accounts.models import Organisation, User
from doenvermogen.accounts.selectors import teams_led_by
from doenvermogen.audit import events
from doenvermogen.audit.events import Purpose
from doenvermogen.audit.services import log_event
from doenvermogen.cases.selectors import Authorized, involvement_list
from doenvermogen.psychoeducation.models import (
    ClientStrategy,
    GateConversation,
    PlanStep,
    RecognisedEffect,
    Review,
    ReviewItem,
    Session,
    Strategy,
    StressEffect,
)
from doenvermogen.reminders.models import Reminder


def effect_catalogue(organisation: Organisation | None) -> QuerySet[StressEffect]:
    """The talk chart: standard effects plus the organisation's own, "other" last."""
    return StressEffect.objects.filter(
        Q(organisation__isnull=True) | Q(organisation=organisation), active=True
    ).order_by("is_other", "order", "id")


def strategy_catalogue(organisation: Organisation | None) -> dict[str, list[Strategy]]:
    """Strategies grouped as in the guide, in the guide's order of groups."""
    items = Strategy.objects.filter(
        Q(organisation__isnull=True) | Q(organisation=organisation), active=True
    )
    groups: dict[str, list[Strategy]] = {g: [] for g in Strategy.Group.values}
    for item in items.order_by("order", "id"):
        groups[item.group].append(item)
    return groups


def _session_queryset() -> QuerySet[Session]:
    current = (
        ClientStrategy.objects.filter(superseded_at__isnull=True)
        .select_related("recognised_effect__effect", "catalogue_strategy")
        .prefetch_related(Prefetch("steps", queryset=PlanStep.objects.order_by("order", "id")))
    )
    return Session.objects.select_related(
        "trajectory__client", "trajectory__team", "professional", "gate"
    ).prefetch_related(
        Prefetch("effects", queryset=RecognisedEffect.objects.select_related("effect")),
        Prefetch("strategies", queryset=current, to_attr="current_strategies"),
    )


def session_queryset(user: User) -> QuerySet[Session]:
    """Sessions as ``access_trajectory_object`` loads them; a client sees only shared ones."""
    qs = _session_queryset()
    if user.is_authenticated and user.is_client:
        qs = qs.filter(shared_with_client_at__isnull=False)
    return qs


def strategy_queryset(user: User) -> QuerySet[ClientStrategy]:
    """Strategies (path ``session__trajectory``); a client sees only those of shared sessions."""
    qs = ClientStrategy.objects.select_related("session")
    if user.is_authenticated and user.is_client:
        qs = qs.filter(session__shared_with_client_at__isnull=False)
    return qs


def plan_step_queryset(user: User) -> QuerySet[PlanStep]:
    """Small steps (path ``strategy__session__trajectory``); a client: of shared sessions only."""
    qs = PlanStep.objects.select_related("strategy__session")
    if user.is_authenticated and user.is_client:
        qs = qs.filter(strategy__session__shared_with_client_at__isnull=False)
    return qs


@dataclass
class EffectWithStrategies:
    effect: RecognisedEffect
    strategies: list[ClientStrategy] = field(default_factory=list)


def chosen_effects_with_strategies(session: Session) -> list[EffectWithStrategies]:
    """The chosen effects in the client's order, each with its current strategies."""
    current = getattr(session, "current_strategies", None)
    if current is None:
        current = list(
            session.strategies.filter(superseded_at__isnull=True)
            .select_related("recognised_effect__effect", "catalogue_strategy")
            .prefetch_related("steps")
        )
    attach_reminders(current)
    chosen = sorted(
        (e for e in session.effects.all() if e.chosen_rank is not None),
        key=lambda e: e.chosen_rank,
    )
    return [
        EffectWithStrategies(e, [s for s in current if s.recognised_effect_id == e.pk])
        for e in chosen
    ]


def attach_reminders(strategies: list[ClientStrategy]) -> None:
    """The active reminders of these strategies in one query (``strategy.reminder_list``)."""
    pending = [s for s in strategies if not hasattr(s, "_reminders")]
    if not pending:
        return
    found: dict[str, list[Reminder]] = {str(s.pk): [] for s in pending}
    for reminder in Reminder.objects.filter(
        subject=Reminder.Subject.STRATEGY, strategy_ref__in=list(found), cancelled_at__isnull=True
    ):
        found[reminder.strategy_ref].append(reminder)
    for strategy in pending:
        strategy._reminders = found[str(strategy.pk)]


def strategy_histories(session: Session, strategies: list[ClientStrategy]) -> dict[int, list]:
    """All versions of each given strategy, oldest first, from one query over the session."""
    every = {s.pk: s for s in session.strategies.order_by("created_at", "id")}
    successor = {s.replaces_id: s for s in every.values() if s.replaces_id}
    histories = {}
    for strategy in strategies:
        versions = [strategy]
        node = strategy
        while node.replaces_id and node.replaces_id in every:
            node = every[node.replaces_id]
            versions.insert(0, node)
        node = strategy
        while node.pk in successor:
            node = successor[node.pk]
            versions.append(node)
        histories[strategy.pk] = versions
    return histories


def strategy_history(strategy: ClientStrategy) -> list[ClientStrategy]:
    """All versions of a strategy, oldest first (the given one may be any version)."""
    versions = [strategy]
    node = strategy
    while node.replaces_id:
        node = ClientStrategy.objects.get(pk=node.replaces_id)
        versions.insert(0, node)
    node = strategy
    while True:
        nxt = ClientStrategy.objects.filter(replaces=node).first()
        if nxt is None:
            break
        versions.append(nxt)
        node = nxt
    return versions


def client_prepared_review(session: Session) -> Review | None:
    """The newest review the client prepared after the last conversation, if any."""
    last_conversation = (
        session.reviews.filter(source=Review.Source.CONVERSATION)
        .values_list("held_at", flat=True)
        .first()
    )
    prepared = session.reviews.filter(source=Review.Source.CLIENT)
    if last_conversation:
        prepared = prepared.filter(held_at__gt=last_conversation)
    return prepared.prefetch_related("items").first()


@dataclass
class Overview:
    last_gate: GateConversation | None
    open_session: Session | None
    sessions: list[Session]
    colleague_session: Session | None
    responsible_psychoeducation: list[User]
    responsible_reviews: list[User]
    review_due: bool
    client_prepared: Review | None = None
    stopped_session: Session | None = None


def overview_for_trajectory(ctx: Authorized) -> Overview:
    """What the trajectory page shows about psycho-education (of the authorized trajectory)."""
    user, trajectory = ctx.user, ctx.trajectory
    sessions = list(
        trajectory.psychoeducation_sessions.select_related("professional").order_by("-started_at")
    )
    open_sessions = [s for s in sessions if s.is_open]
    involvements = involvement_list(ctx)
    colleague = next((s for s in open_sessions if s.professional_id != user.pk), None)
    open_session = open_sessions[0] if open_sessions else None
    today = datetime.date.today()
    last_gate = trajectory.gate_conversations.select_related("asked_by").first()
    stopped = sessions[0] if sessions and not sessions[0].is_open else None
    if stopped and last_gate and last_gate.asked_at > stopped.stopped_at:
        stopped = None  # asked anew after the stop: the new answer is what counts
    return Overview(
        last_gate=last_gate,
        open_session=open_session,
        sessions=sessions,
        colleague_session=colleague,
        responsible_psychoeducation=[
            i.professional for i in involvements if i.responsible_for_psychoeducation
        ],
        responsible_reviews=[i.professional for i in involvements if i.responsible_for_reviews],
        review_due=bool(
            open_session and open_session.next_review_on and open_session.next_review_on <= today
        ),
        client_prepared=client_prepared_review(open_session) if open_session else None,
        stopped_session=stopped,
    )


@dataclass
class TimelineEvent:
    at: datetime.datetime
    text: str
    detail: str = ""


def timeline(ctx: Authorized) -> list[TimelineEvent]:
    """The whole psycho-education history of the authorized trajectory, newest first."""
    trajectory = ctx.trajectory
    events: list[TimelineEvent] = []
    for gate in trajectory.gate_conversations.select_related("asked_by"):
        detail = _("Stress: %(stress)s. Wants to talk: %(talk)s.") % {
            "stress": gate.get_experiences_stress_display(),
            "talk": gate.get_wants_to_talk_display() or _("not answered"),
        }
        if gate.acute_threat:
            detail += " " + _("Acute threat: %(t)s.") % {"t": gate.get_acute_threat_display()}
        events.append(
            TimelineEvent(
                gate.asked_at,
                _("%(who)s asked about stress: %(outcome)s")
                % {"who": gate.asked_by, "outcome": gate.get_outcome_display()},
                detail,
            )
        )
    sessions = trajectory.psychoeducation_sessions.prefetch_related(
        "effects__effect",
        "reviews__items__strategy",
        "reviews__author",
        Prefetch("strategies", queryset=ClientStrategy.objects.select_related("replaces")),
    )
    for session in sessions:
        if session.recognised_at:
            labels = [e.label for e in session.effects.all() if e.is_chosen]
            events.append(
                TimelineEvent(
                    session.recognised_at,
                    _("Step 2: the client recognised effects of stress"),
                    _("Chose to work on: %(list)s")
                    % {"list": "; ".join(labels) or _("nothing yet")},
                )
            )
        for strategy in session.strategies.all():
            if strategy.replaces_id:
                events.append(
                    TimelineEvent(
                        strategy.created_at,
                        _("Strategy adjusted"),
                        _("“%(old)s” became “%(new)s”. Why: %(why)s")
                        % {
                            "old": strategy.replaces.description,
                            "new": strategy.description,
                            "why": strategy.change_reason or _("not said"),
                        },
                    )
                )
            else:
                events.append(
                    TimelineEvent(strategy.created_at, _("Strategy chosen"), strategy.description)
                )
        if session.shared_with_client_at:
            events.append(
                TimelineEvent(session.shared_with_client_at, _("Summary shared with the client"))
            )
        for review in session.reviews.all():
            events.append(
                TimelineEvent(
                    review.held_at,
                    _("Review prepared by the client")
                    if review.source == Review.Source.CLIENT
                    else _("Review in a conversation with %(who)s") % {"who": review.author},
                    "; ".join(
                        _("%(what)s: used: %(used)s, helped: %(helped)s")
                        % {
                            "what": item.strategy.description,
                            "used": item.get_used_display() or _("not answered"),
                            "helped": item.get_helped_display() or _("not answered"),
                        }
                        for item in review.items.all()
                    ),
                )
            )
        if session.stopped_at:
            events.append(TimelineEvent(session.stopped_at, _("The client stopped for now")))
    events.sort(key=lambda e: e.at, reverse=True)
    return events


def shared_sessions_for_client(ctx: Authorized) -> list[Session]:
    """Sessions shared on the page of the authorized client, newest first."""
    return list(
        _session_queryset()
        .filter(trajectory__client=ctx.client, shared_with_client_at__isnull=False)
        .order_by("-started_at")
    )


@dataclass
class TeamOverview:
    """Aggregated figures for a team meeting: how psycho-education is used and what helps.

    Counts only: no names, no client ids. Strategies are grouped by catalogue idea ("own words"
    for the client's own ones) and by what the clients said at reviews.
    """

    teams: list
    since: datetime.date | None
    gates: dict[str, int]
    gates_total: int
    sessions_started: int
    sessions_shared: int
    sessions_reviewed: int
    sessions_stopped: int
    professionals: int
    effects: list[tuple[str, int]]
    strategies: list[dict]


def team_overview(*, user: User, since: datetime.date | None = None) -> TeamOverview:
    """Figures for the teams the user leads (nothing for anyone else)."""
    teams = list(teams_led_by(user))
    gates = GateConversation.objects.filter(trajectory__team__in=teams)
    sessions = Session.objects.filter(trajectory__team__in=teams)
    if since:
        gates = gates.filter(asked_at__date__gte=since)
        sessions = sessions.filter(started_at__date__gte=since)
    outcome_counts = dict(gates.values_list("outcome").annotate(n=Count("id")))
    effect_counts: Counter[str] = Counter()
    for item in RecognisedEffect.objects.filter(session__in=sessions).select_related("effect"):
        effect_counts[item.effect.text if item.effect else _("(in the client's own words)")] += 1
    rows: dict[str, dict] = {}

    def row_for(strategy: ClientStrategy) -> dict:
        if strategy.catalogue_strategy:
            name = strategy.catalogue_strategy.name
        else:
            name = _("In the client's own words")
        return rows.setdefault(
            name, {"name": name, "chosen": 0, "yes": 0, "a_bit": 0, "no": 0, "not_used": 0}
        )

    for strategy in ClientStrategy.objects.filter(session__in=sessions).select_related(
        "catalogue_strategy"
    ):
        if strategy.replaces_id is None:
            row_for(strategy)["chosen"] += 1
    items = ReviewItem.objects.filter(
        review__session__in=sessions, review__source="conversation"
    ).select_related("strategy__catalogue_strategy")
    for item in items:
        row = row_for(item.strategy)
        if item.used == "no":
            row["not_used"] += 1
        elif item.helped in {"yes", "a_bit", "no"}:
            row[item.helped] += 1
    log_event(
        events.PSYCHOEDUCATION_TEAM_OVERVIEW,
        actor=user,
        client_id=None,
        object_id=",".join(str(t.pk) for t in teams),
        purpose=Purpose.TEAM,
    )
    return TeamOverview(
        teams=teams,
        since=since,
        gates={o: outcome_counts.get(o, 0) for o in GateConversation.Outcome.values},
        gates_total=sum(outcome_counts.values()),
        sessions_started=sessions.count(),
        sessions_shared=sessions.filter(shared_with_client_at__isnull=False).count(),
        sessions_reviewed=sessions.filter(reviews__source="conversation").distinct().count(),
        sessions_stopped=sessions.filter(stopped_at__isnull=False).count(),
        professionals=gates.values("asked_by").distinct().count(),
        effects=effect_counts.most_common(),
        strategies=sorted(rows.values(), key=lambda r: (-r["chosen"], r["name"])),
    )
