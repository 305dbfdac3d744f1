"""Every read of client data, scoped to the requesting user. Authorization lives here, once.

Rules:
- a professional sees the trajectories (and their clients) of their own teams;
- a team lead those of the teams they lead (a team lead is a member of that team);
- a client only their own page;
- a researcher no names at all (nothing from this module);
- an administrator finds clients of their organisation only to answer a request to see one's data.

A view authorizes once with one of the ``access_*`` functions and hands the returned
``Authorized`` context on to sections and to the selectors of other apps, which never authorize
or log again. ``access_*`` writes the request's one access-log row: for a view, list, export or
print event at once; for a write event (create, update, delete) the service that writes records
it, with the object it wrote. A refused read raises ``Http404`` (so the existence of other teams'
clients is not revealed) and writes one ``denied`` row, with the client id when the object exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db.models import F, Model, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from doenvermogen.accounts.models import Team, User
from doenvermogen.accounts.selectors import organisations_administered_by, team_ids_for_user
from doenvermogen.audit import events
from doenvermogen.audit.events import Event
from doenvermogen.audit.services import log_denied, log_event, log_event_many
from doenvermogen.cases.attention import attention_signals
from doenvermogen.cases.models import Client, Consent, Involvement, Trajectory

M = TypeVar("M", bound=Model)

NOT_FOUND = "Not found or not allowed"


# --- Authorize once, hand it on ------------------------------------------------------------------


@dataclass
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
    logged: bool = field(default=True, repr=False)

    def load(
        self,
        queryset: QuerySet[M],
        pk: Any,
        *,
        trajectory_path: str = "trajectory",
        client_path: str | None = None,
    ) -> M:
        """``queryset.get(pk=pk)`` inside this trajectory (or this client's trajectories).

        ``client_path`` instead scopes by the client (for objects without a trajectory).
        """
        if client_path is not None:
            scope: dict[str, Any] = {client_path: self.client}
        elif self.trajectory is not None:
            scope = {trajectory_path: self.trajectory}
        else:
            scope = {
                f"{trajectory_path}__in": visible_trajectories(self.user).filter(client=self.client)
            }
        number = _int_or_none(pk)
        obj = queryset.filter(pk=number, **scope).first() if number else None
        if obj is None:
            log_denied(self.event, actor=self.user, client_id=self.client.pk, object_id=pk)
            raise Http404(NOT_FOUND)
        return obj

    def log(self, event: Event, obj: Model | None = None) -> None:
        """A second, different event in the same request (rare: e.g. a print after a view)."""
        log_event(
            event,
            actor=self.user,
            client_id=self.client.pk,
            object_id=obj.pk if obj is not None else "",
        )
        self.logged = True

    def shown(self, event: Event) -> None:
        """The page is shown after all (a form with errors): write ``event`` if nothing was."""
        if not self.logged:
            self.log(event, self.trajectory)


def _int_or_none(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


def _is_write(event: Event) -> bool:
    return event.action in {events.Action.CREATE, events.Action.UPDATE, events.Action.DELETE}


def _granted(user: User, client: Client, trajectory: Trajectory | None, event: Event, obj_id):
    """Write the one row for a read (a write's row comes from its service) and hand on."""
    write = _is_write(event)
    if not write:
        log_event(event, actor=user, client_id=client.pk, object_id=obj_id)
    return Authorized(
        user=user, client=client, trajectory=trajectory, event=event, logged=not write
    )


def visible_trajectories(user: User) -> QuerySet[Trajectory]:
    """The trajectories ``user`` may see (no log: use an ``access_*`` function for client data)."""
    if not user.is_authenticated:
        return Trajectory.objects.none()
    if user.is_client:
        return Trajectory.objects.filter(client__user=user)
    return Trajectory.objects.filter(team_id__in=team_ids_for_user(user))


def access_trajectory(*, user: User, trajectory_id: Any, event: Event) -> Authorized:
    """Authorize ``user`` for a trajectory and write one row for ``event`` (or one ``denied``)."""
    pk = _int_or_none(trajectory_id)
    trajectory = (
        visible_trajectories(user)
        .select_related("client", "team", "organisation")
        .filter(pk=pk)
        .first()
        if pk
        else None
    )
    if trajectory is None:
        foreign = (
            Trajectory.objects.filter(pk=pk).values_list("client_id", flat=True).first()
            if pk
            else None
        )
        log_denied(event, actor=user, client_id=foreign, object_id=trajectory_id)
        raise Http404(NOT_FOUND)
    return _granted(user, trajectory.client, trajectory, event, trajectory.pk)


def access_trajectory_object(
    *, user: User, queryset: QuerySet[M], pk: Any, event: Event, trajectory_path: str = "trajectory"
) -> tuple[Authorized, M]:
    """Authorize ``user`` for one object inside a trajectory (a session, a goal plan, a step…).

    One row for ``event`` with the object's id; or one ``denied`` row (with the client id when
    the object exists but belongs to a trajectory this user may not see, or is filtered out of
    ``queryset``) and ``Http404``.
    """
    number = _int_or_none(pk)
    obj = (
        queryset.select_related(
            f"{trajectory_path}__client",
            f"{trajectory_path}__team",
            f"{trajectory_path}__organisation",
        )
        .filter(pk=number, **{f"{trajectory_path}__in": visible_trajectories(user)})
        .first()
        if number
        else None
    )
    if obj is None:
        foreign = (
            queryset.model._default_manager.filter(pk=number)
            .values_list(f"{trajectory_path}__client_id", flat=True)
            .first()
            if number
            else None
        )
        log_denied(event, actor=user, client_id=foreign, object_id=pk)
        raise Http404(NOT_FOUND)
    trajectory = obj
    for part in trajectory_path.split("__"):
        trajectory = getattr(trajectory, part)
    return _granted(user, trajectory.client, trajectory, event, obj.pk), obj


def access_own(*, user: User, event: Event = events.CLIENT_OWN_PAGE) -> Authorized:
    """A signed-in client's own record: one row for ``event``; ``Http404`` for anyone else."""
    client = (
        Client.objects.filter(user=user).first()
        if user.is_authenticated and user.is_client
        else None
    )
    if client is None:
        log_denied(event, actor=user, client_id=None, object_id="own")
        raise Http404(NOT_FOUND)
    return _granted(user, client, None, event, client.pk)


def access_client(*, user: User, client_id: Any, event: Event) -> Authorized:
    """A client record a professional may see (through a trajectory of their teams)."""
    pk = _int_or_none(client_id)
    if user.is_authenticated and user.is_client:
        client = Client.objects.filter(pk=pk, user=user).first() if pk else None
    else:
        client = (
            Client.objects.filter(pk=pk, trajectories__in=visible_trajectories(user))
            .distinct()
            .first()
            if pk
            else None
        )
    if client is None:
        exists = bool(pk) and Client.objects.filter(pk=pk).exists()
        log_denied(event, actor=user, client_id=pk if exists else None, object_id=client_id)
        raise Http404(NOT_FOUND)
    return _granted(user, client, None, event, client.pk)


def access_client_for_administrator(*, user: User, client_id: Any, event: Event) -> Authorized:
    """A client of an organisation ``user`` administers (only to answer a request for access)."""
    pk = _int_or_none(client_id)
    client = (
        Client.objects.filter(pk=pk, organisation__in=organisations_administered_by(user)).first()
        if pk and user.is_authenticated
        else None
    )
    if client is None:
        exists = bool(pk) and Client.objects.filter(pk=pk).exists()
        log_denied(event, actor=user, client_id=pk if exists else None, object_id=client_id)
        raise Http404(NOT_FOUND)
    return _granted(user, client, None, event, client.pk)


# --- Lists (one row per client shown) and reads inside an authorized context ---------------------


def _clean_search(search: str) -> str:
    return search.replace("\x00", "").strip()[:100]


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
    if not user.is_authenticated or user.is_client:
        return TrajectoryPage(rows=[], number=1, pages=1, total=0)  # staff only
    today = timezone.localdate()
    qs = visible_trajectories(user)
    search = _clean_search(search)
    if search:
        # The user's own teams whose name matches, resolved first (a handful of rows): an OR on
        # the joined team name would keep PostgreSQL from using the client-name trigram index.
        teams = list(
            Team.objects.filter(pk__in=team_ids_for_user(user), name__icontains=search).values_list(
                "pk", flat=True
            )
        )
        matches = Q(client__display_name__icontains=search)
        qs = qs.filter(matches | Q(team_id__in=teams) if teams else matches)
    if active_only:
        qs = qs.filter(Q(ended_on__isnull=True) | Q(ended_on__gte=today))
    signals = attention_signals()

    def annotated(queryset: QuerySet[Trajectory]) -> QuerySet[Trajectory]:
        return queryset.annotate(**{f"attention_{s.code}": s.expression(today) for s in signals})

    if order == "name":
        ordering = ["client__display_name", "-started_on", "pk"]
    elif order == "newest":
        ordering = ["-started_on", "-pk"]
    else:
        qs = annotated(qs)
        ordering = [F(f"attention_{s.code}").desc() for s in signals] + ["-started_on", "-pk"]
    total = qs.count()
    pages = max(1, -(-total // per_page))
    number = min(max(_int_or_none(page) or 1, 1), pages)
    # Cut the page first, on the trajectory's own columns (and the signals, for this order);
    # then load only its rows with their client and team, and their signals.
    start = (number - 1) * per_page
    page_ids = list(qs.order_by(*ordering).values_list("pk", flat=True)[start : start + per_page])
    loaded = annotated(Trajectory.objects.filter(pk__in=page_ids).order_by()).select_related(
        "client", "team"
    )
    by_pk = {row.pk: row for row in loaded}
    rows = [by_pk[pk] for pk in page_ids if pk in by_pk]
    for row in rows:
        shown = [s for s in signals if getattr(row, f"attention_{s.code}", False)]
        row.attention_codes = [s.code for s in shown]
        row.attention = [s.label for s in shown]
    log_event_many(events.CLIENT_LIST, actor=user, client_ids=[t.client_id for t in rows])
    return TrajectoryPage(rows=rows, number=number, pages=pages, total=total, search=search)


def client_trajectories(ctx: Authorized) -> list[Trajectory]:
    """The trajectories of the authorized client that this user may see."""
    return list(visible_trajectories(ctx.user).filter(client=ctx.client).select_related("team"))


def involvement_list(ctx: Authorized) -> list[Involvement]:
    """Who works with the client in the authorized trajectory."""
    if ctx.trajectory is None:
        return []
    return list(ctx.trajectory.involvements.select_related("professional"))


def consent_list(ctx: Authorized) -> list[Consent]:
    return list(ctx.client.consents.select_related("recorded_by", "trajectory"))


def consent_is_active(*, client: Client, purpose: str) -> bool:
    return client.consents.filter(purpose=purpose, withdrawn_at__isnull=True).exists()


def client_search_for_administrator(*, user: User, search: str) -> list[Client]:
    """Clients of the organisations a user administers, for a request to see one's data."""
    orgs = organisations_administered_by(user)
    search = _clean_search(search)
    if not search or not orgs.exists():
        return []
    clients = list(
        Client.objects.filter(organisation__in=orgs, display_name__icontains=search)[:50]
    )
    log_event_many(events.CLIENT_LIST, actor=user, client_ids=[c.pk for c in clients])
    return clients
