"""Every read of client data, scoped to the requesting user. Authorization lives here.

Rules:
- a professional sees the trajectories (and their clients) of their own teams;
- a team lead those of the teams they lead (a team lead is a member of that team);
- a client only their own page;
- a researcher no names at all (nothing from this module);
- an administrator finds clients of their organisation only to answer a request to see one's data.

Each function writes the access log. A refused read raises ``Http404`` (so the existence of other
teams' clients is not revealed) and is logged as ``denied``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from django.db.models import F, Model, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from doenvermogen.accounts.models import User
from doenvermogen.accounts.selectors import organisations_administered_by, team_ids_for_user
from doenvermogen.audit import events
from doenvermogen.audit.events import Event
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import (
    access_log_write,
    access_log_write_many,
    log_denied,
    log_event,
    log_event_many,
)
from doenvermogen.cases.attention import attention_signals
from doenvermogen.cases.models import Client, Consent, Involvement, Trajectory

Action = AccessLogEntry.Action
M = TypeVar("M", bound=Model)


# --- Authorize once, hand it on ------------------------------------------------------------------


@dataclass(frozen=True)
class Authorized:
    """The outcome of one authorization: this user may see this client (and trajectory).

    The ``access_*`` functions below return it after writing the request's one access-log row.
    Sections and the selectors of other apps take it and never authorize or log again; a
    sub-object is loaded with ``load`` (inside the authorized trajectory or client, or a
    ``denied`` row with the client id and ``Http404``).
    """

    user: User
    client: Client
    trajectory: Trajectory | None
    event: Event

    def load(self, queryset: QuerySet[M], pk: Any, *, trajectory_path: str = "trajectory") -> M:
        """``queryset.get(pk=pk)`` inside this trajectory (or this client's trajectories)."""
        if self.trajectory is not None:
            scope = {trajectory_path: self.trajectory}
        else:
            scope = {
                f"{trajectory_path}__in": _visible_trajectories(self.user).filter(
                    client=self.client
                )
            }
        obj = queryset.filter(pk=_int_or_none(pk), **scope).first() if _int_or_none(pk) else None
        if obj is None:
            log_denied(self.event, actor=self.user, client_id=self.client.pk, object_id=pk)
            raise Http404("Not found or not allowed")
        return obj

    def log(self, event: Event, obj: Model | None = None) -> None:
        """A second, different event in the same request (rare: e.g. a print after a view)."""
        log_event(
            event,
            actor=self.user,
            client_id=self.client.pk,
            object_id=obj.pk if obj is not None else "",
        )


def _int_or_none(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def _trajectory_path_client(path: str) -> str:
    return f"{path}__client_id"


def access_trajectory(*, user: User, trajectory_id: Any, event: Event) -> Authorized:
    """Authorize ``user`` for a trajectory and write one row for ``event`` (or one ``denied``)."""
    pk = _int_or_none(trajectory_id)
    trajectory = (
        _visible_trajectories(user)
        .select_related("client", "team", "organisation")
        .filter(pk=pk)
        .first()
        if pk
        else None
    )
    if trajectory is None:
        foreign = Trajectory.objects.filter(pk=pk).values_list("client_id", flat=True).first()
        log_denied(event, actor=user, client_id=foreign, object_id=trajectory_id)
        raise Http404("Not found or not allowed")
    log_event(event, actor=user, client_id=trajectory.client_id, object_id=trajectory.pk)
    return Authorized(user=user, client=trajectory.client, trajectory=trajectory, event=event)


def access_trajectory_object(
    *, user: User, queryset: QuerySet[M], pk: Any, event: Event, trajectory_path: str = "trajectory"
) -> tuple[Authorized, M]:
    """Authorize ``user`` for one object inside a trajectory (a session, a goal plan, a step…).

    One row for ``event`` with the object's id; or one ``denied`` row (with the client id when
    the object exists but belongs to a trajectory this user may not see) and ``Http404``.
    """
    number = _int_or_none(pk)
    obj = (
        queryset.select_related(
            f"{trajectory_path}__client",
            f"{trajectory_path}__team",
            f"{trajectory_path}__organisation",
        )
        .filter(pk=number, **{f"{trajectory_path}__in": _visible_trajectories(user)})
        .first()
        if number
        else None
    )
    if obj is None:
        foreign = (
            queryset.model._default_manager.filter(pk=number)
            .values_list(_trajectory_path_client(trajectory_path), flat=True)
            .first()
            if number
            else None
        )
        log_denied(event, actor=user, client_id=foreign, object_id=pk)
        raise Http404("Not found or not allowed")
    trajectory = obj
    for part in trajectory_path.split("__"):
        trajectory = getattr(trajectory, part)
    log_event(event, actor=user, client_id=trajectory.client_id, object_id=obj.pk)
    return Authorized(user=user, client=trajectory.client, trajectory=trajectory, event=event), obj


def access_own(*, user: User, event: Event = events.CLIENT_OWN_PAGE) -> Authorized:
    """A signed-in client's own record: one row for ``event``; ``Http404`` for anyone else."""
    client = (
        Client.objects.filter(user=user).first()
        if user.is_authenticated and user.is_client
        else None
    )
    if client is None:
        log_denied(event, actor=user, client_id=None, object_id="own")
        raise Http404("Not found or not allowed")
    log_event(event, actor=user, client_id=client.pk, object_id=client.pk)
    return Authorized(user=user, client=client, trajectory=None, event=event)


def access_client(*, user: User, client_id: Any, event: Event) -> Authorized:
    """A client record a professional may see (through a trajectory of their teams)."""
    pk = _int_or_none(client_id)
    if user.is_authenticated and user.is_client:
        client = Client.objects.filter(pk=pk, user=user).first() if pk else None
    else:
        client = (
            Client.objects.filter(pk=pk, trajectories__in=_visible_trajectories(user))
            .distinct()
            .first()
            if pk
            else None
        )
    if client is None:
        exists = bool(pk) and Client.objects.filter(pk=pk).exists()
        log_denied(event, actor=user, client_id=pk if exists else None, object_id=client_id)
        raise Http404("Not found or not allowed")
    log_event(event, actor=user, client_id=client.pk, object_id=client.pk)
    return Authorized(user=user, client=client, trajectory=None, event=event)


# --- Older selectors (being moved onto ``access_*``) ---


def _visible_trajectories(user: User) -> QuerySet[Trajectory]:
    if not user.is_authenticated:
        return Trajectory.objects.none()
    if user.is_client:
        return Trajectory.objects.filter(client__user=user)
    return Trajectory.objects.filter(team_id__in=team_ids_for_user(user))


def _deny(user: User, *, object_type: str, object_id: object, purpose: str) -> Http404:
    access_log_write(
        actor=user,
        client_id=None,
        object_type=object_type,
        object_id=object_id,
        action=Action.DENIED,
        purpose=purpose,
    )
    return Http404("Not found or not allowed")


PAGE_SIZE = 25
LIST_ORDERS = ("attention", "name", "newest")


@dataclass
class TrajectoryPage:
    """One page of "Mijn cliënten": the rows shown, with what needs attention in each."""

    rows: list[Trajectory]
    number: int
    pages: int
    total: int
    search: str = ""

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def trajectory_page_for_user(
    *,
    user: User,
    search: str = "",
    active_only: bool = True,
    order: str = "attention",
    page: object = 1,
    per_page: int = PAGE_SIZE,
) -> TrajectoryPage:
    """A page of the trajectories a professional or team lead may see, filtered and ordered in
    SQL: by default what needs attention first (signals from ``cases.attention``), then new.

    Only the rows on the page are written to the access log (one ``client.list`` row each).
    """
    if user.is_client:
        return TrajectoryPage(rows=[], number=1, pages=1, total=0)  # staff only
    today = timezone.localdate()
    qs = _visible_trajectories(user)
    search = search.replace("\x00", "").strip()[:100]
    if search:
        qs = qs.filter(Q(client__display_name__icontains=search) | Q(team__name__icontains=search))
    if active_only:
        qs = qs.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    signals = attention_signals()
    annotations = {f"attention_{s.code}": s.expression(today) for s in signals}
    qs = qs.annotate(**annotations)
    if order == "name":
        ordering = ["client__display_name", "-started_on", "pk"]
    elif order == "newest":
        ordering = ["-started_on", "-pk"]
    else:
        ordering = [F(name).desc() for name in annotations] + ["-started_on", "-pk"]
    total = qs.count()
    pages = max(1, -(-total // per_page))
    number = min(max(_int_or_none(page) or 1, 1), pages)
    rows = list(
        qs.select_related("client", "team").order_by(*ordering)[
            (number - 1) * per_page : number * per_page
        ]
    )
    for row in rows:
        shown = [s for s in signals if getattr(row, f"attention_{s.code}", False)]
        row.attention_codes = [s.code for s in shown]
        row.attention = [s.label for s in shown]
    log_event_many(events.CLIENT_LIST, actor=user, client_ids=[t.client_id for t in rows])
    return TrajectoryPage(rows=rows, number=number, pages=pages, total=total, search=search)


def trajectory_get_for_user(
    *, user: User, trajectory_id: int, purpose: str, log: bool = True
) -> Trajectory:
    """One trajectory the user may see; ``Http404`` otherwise."""
    trajectory = (
        _visible_trajectories(user)
        .select_related("client", "team", "organisation")
        .filter(pk=trajectory_id)
        .first()
    )
    if trajectory is None:
        raise _deny(user, object_type="trajectory", object_id=trajectory_id, purpose=purpose)
    if log:
        access_log_write(
            actor=user,
            client_id=trajectory.client_id,
            object_type="trajectory",
            object_id=trajectory.pk,
            action=Action.VIEW,
            purpose=purpose,
        )
    return trajectory


def client_get_for_user(*, user: User, client_id: int, purpose: str) -> Client:
    """A client record the user may see (through a trajectory of their teams, or their own)."""
    if user.is_client:
        client = Client.objects.filter(pk=client_id, user=user).first()
    else:
        client = (
            Client.objects.filter(pk=client_id, trajectories__in=_visible_trajectories(user))
            .distinct()
            .first()
        )
    if client is None:
        raise _deny(user, object_type="client", object_id=client_id, purpose=purpose)
    access_log_write(
        actor=user,
        client_id=client.pk,
        object_type="client",
        object_id=client.pk,
        action=Action.VIEW,
        purpose=purpose,
    )
    return client


def client_get_own(*, user: User, purpose: str = "own page") -> Client:
    """The client record of a signed-in client."""
    client = Client.objects.filter(user=user).first() if user.is_authenticated else None
    if client is None or not user.is_client:
        raise _deny(user, object_type="client", object_id="own", purpose=purpose)
    access_log_write(
        actor=user,
        client_id=client.pk,
        object_type="client",
        object_id=client.pk,
        action=Action.VIEW,
        purpose=purpose,
    )
    return client


def client_trajectories(*, user: User, client: Client) -> list[Trajectory]:
    """The trajectories of a client that this user may see (already-authorized client)."""
    return list(_visible_trajectories(user).filter(client=client).select_related("team"))


def involvement_list(*, trajectory: Trajectory) -> list[Involvement]:
    """Who works with the client in an (already authorized) trajectory."""
    return list(trajectory.involvements.select_related("professional"))


def consent_list(*, client: Client) -> list[Consent]:
    return list(client.consents.select_related("recorded_by", "trajectory"))


def consent_is_active(*, client: Client, purpose: str) -> bool:
    return client.consents.filter(purpose=purpose, withdrawn_at__isnull=True).exists()


def client_search_for_administrator(*, user: User, search: str) -> list[Client]:
    """Clients of the organisations a user administers, for a request to see one's data."""
    orgs = organisations_administered_by(user)
    if not orgs.exists() or not search.strip():
        return []
    clients = list(
        Client.objects.filter(organisation__in=orgs, display_name__icontains=search.strip())[:50]
    )
    access_log_write_many(
        actor=user,
        client_ids=[c.pk for c in clients],
        object_type="client",
        action=Action.LIST,
        purpose="request to see one's data",
    )
    return clients


def client_get_for_administrator(*, user: User, client_id: int, purpose: str) -> Client:
    client = Client.objects.filter(
        pk=client_id, organisation__in=organisations_administered_by(user)
    ).first()
    if client is None:
        raise _deny(user, object_type="client", object_id=client_id, purpose=purpose)
    access_log_write(
        actor=user,
        client_id=client.pk,
        object_type="client",
        object_id=client.pk,
        action=Action.VIEW,
        purpose=purpose,
    )
    return client
