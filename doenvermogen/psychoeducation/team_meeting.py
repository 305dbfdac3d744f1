"""The team meeting ("Teamoverleg") grown up: a chosen period, figures aggregated in SQL, charts
with tables beside them, a CSV download, and every cell below five suppressed.

Kept apart from views.py (which only calls ``page``). Counts only, never names or client ids:
nothing here is client data, so one access-log row says which teams were counted.

Every figure is one aggregate query over index-friendly ranges (``asked_at >= start`` and
``< end``, never ``__date``). Suppression: a count of 1–4 is shown as "< 5"; where a total is shown
beside a row of counts and exactly one cell was suppressed, the next smallest is suppressed too,
so the hidden one cannot be computed back.

Other apps (geldrust, letters) add their team-level blocks with
``ui.sections.register_team_meeting_section``; they get the same period and count in
``[period.start_dt, period.end_dt)``.
"""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from doenvermogen.accounts.selectors import teams_led_by
from doenvermogen.audit import events
from doenvermogen.audit.services import log_event
from doenvermogen.core.db_router import reports
from doenvermogen.psychoeducation.models import (
    ClientStrategy,
    GateConversation,
    RecognisedEffect,
    Review,
    ReviewItem,
    Session,
    Strategy,
    StressEffect,
)
from doenvermogen.ui.charts import bars_svg
from doenvermogen.ui.sections import team_meeting_sections

MIN_CELL = 5

PERIODS = {
    "quarter": gettext_lazy("previous quarter"),
    "this_quarter": gettext_lazy("this quarter"),
    "3": gettext_lazy("last 3 months"),
    "12": gettext_lazy("last 12 months"),
    "all": gettext_lazy("all"),
    "custom": gettext_lazy("from … to …"),
}
DEFAULT_PERIOD = "12"


# --- Period -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    key: str
    start: datetime.date | None
    end: datetime.date  # inclusive
    error: str = ""

    @property
    def start_dt(self) -> datetime.datetime | None:
        return _midnight(self.start) if self.start else None

    @property
    def end_dt(self) -> datetime.datetime:
        return _midnight(self.end + datetime.timedelta(days=1))


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def quarter_start(day: datetime.date) -> datetime.date:
    return datetime.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def period_from(params, today: datetime.date | None = None) -> Period:
    """The period chosen in the query string (bad input: the default, with a Dutch message)."""
    today = today or timezone.localdate()
    key = params.get("period", DEFAULT_PERIOD)
    if key == "quarter":
        end = quarter_start(today) - datetime.timedelta(days=1)
        return Period(key, quarter_start(end), end)
    if key == "this_quarter":
        return Period(key, quarter_start(today), today)
    if key == "3":
        return Period(key, today - datetime.timedelta(days=91), today)
    if key == "all":
        return Period(key, None, today)
    if key == "custom":
        try:
            start = datetime.date.fromisoformat(params.get("start", ""))
            end = datetime.date.fromisoformat(params.get("end", ""))
        except ValueError:
            start = end = None
        if start and end and start <= end:
            return Period(key, start, end)
        error = _("Choose a start date and an end date after it. Showing the last 12 months.")
        return Period(DEFAULT_PERIOD, today - datetime.timedelta(days=365), today, error)
    return Period(DEFAULT_PERIOD, today - datetime.timedelta(days=365), today)


def _in(period: Period, field_name: str) -> Q:
    q = Q(**{f"{field_name}__lt": period.end_dt})
    if period.start_dt:
        q &= Q(**{f"{field_name}__gte": period.start_dt})
    return q


# --- Suppression --------------------------------------------------------------------------------


def shown(n: int | None) -> int | None:
    """A count as it may be shown: ``None`` means "< 5" (1–4)."""
    if n is None or 0 < n < MIN_CELL:
        return None
    return n


def suppress_with_total(counts: list[int]) -> list[int | None]:
    """Primary suppression, plus one secondary cell when exactly one was hidden beside a total."""
    out = [shown(n) for n in counts]
    hidden = [i for i, v in enumerate(out) if v is None]
    if len(hidden) == 1:
        rest = sorted((n, i) for i, n in enumerate(counts) if out[i] not in (None, 0))
        if rest:
            out[rest[0][1]] = None
    return out


# --- Figures ------------------------------------------------------------------------------------


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[tuple[str, list[int | None]]]
    chart_column: int = 0
    note: str = ""
    chart: str = ""

    def chart_rows(self) -> list[tuple[str, int | None]]:
        return [(label, values[self.chart_column]) for label, values in self.rows]


@dataclass
class Figures:
    teams: list
    period: Period
    tables: list[Table] = field(default_factory=list)


def figures(*, team_ids: list[int], period: Period) -> Figures:
    in_teams = Q(trajectory__team_id__in=team_ids)
    tables = []

    # Conversations about stress (gate), by outcome, with a total.
    gates = GateConversation.objects.filter(in_teams & _in(period, "asked_at"))
    by_outcome = dict(gates.values_list("outcome").annotate(n=Count("id")).order_by())
    counts = [by_outcome.get(v, 0) for v in GateConversation.Outcome.values]
    total = sum(counts)
    cells = suppress_with_total(counts)
    rows = [
        (str(label), [cell])
        for (_v, label), cell in zip(GateConversation.Outcome.choices, cells, strict=True)
    ]
    rows.append((_("Total"), [shown(total)]))
    professionals = gates.values("asked_by").distinct().count()
    tables.append(
        Table(
            "gates",
            _("Conversations about stress"),
            [_("How many")],
            rows,
            note=_("Asked by %(n)s professionals.") % {"n": _fmt(shown(professionals))},
        )
    )

    # The four steps.
    reviewed = Review.objects.filter(session=OuterRef("pk"), source=Review.Source.CONVERSATION)
    steps = (
        Session.objects.filter(in_teams & _in(period, "started_at"))
        .annotate(has_review=Exists(reviewed))
        .aggregate(
            started=Count("id"),
            shared=Count("id", filter=Q(shared_with_client_at__isnull=False)),
            reviewed=Count("id", filter=Q(has_review=True)),
            stopped=Count("id", filter=Q(stopped_at__isnull=False)),
        )
    )
    tables.append(
        Table(
            "steps",
            _("Psycho-education: the four steps"),
            [_("How many")],
            [
                (_("started"), [shown(steps["started"])]),
                (_("plan shared with the client"), [shown(steps["shared"])]),
                (_("looked back on together (step 4)"), [shown(steps["reviewed"])]),
                (_("stopped by the client (that is fine)"), [shown(steps["stopped"])]),
            ],
        )
    )

    # Reminders delivered (sent in the period) for the teams' trajectories.
    from doenvermogen.reminders.models import Delivery

    sent = Delivery.objects.filter(
        Q(reminder__trajectory__team_id__in=team_ids) & _in(period, "sent_at")
    ).aggregate(
        sent=Count("id", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("id", filter=Q(status=Delivery.Status.FAILED)),
    )
    tables.append(
        Table(
            "reminders",
            _("Reminders delivered"),
            [_("How many")],
            [
                (_("sent by e-mail"), [shown(sent["sent"])]),
                (_("could not be sent"), [shown(sent["failed"])]),
            ],
        )
    )

    # Reviews per strategy group: helped / a bit / no / not used (reviews held in the period).
    items = ReviewItem.objects.filter(
        Q(review__session__trajectory__team_id__in=team_ids)
        & Q(review__source=Review.Source.CONVERSATION)
        & _in(period, "review__held_at")
    )
    by_group = {
        row["group"]: row
        for row in items.values(group=Coalesce("strategy__catalogue_strategy__group", Value("own")))
        .annotate(
            yes=Count("id", filter=Q(helped="yes") & ~Q(used="no")),
            a_bit=Count("id", filter=Q(helped="a_bit") & ~Q(used="no")),
            no=Count("id", filter=Q(helped="no") & ~Q(used="no")),
            not_used=Count("id", filter=Q(used="no")),
        )
        .order_by()
    }
    groups = [*Strategy.Group.choices, ("own", _("In the client's own words"))]
    rows = []
    for value, label in groups:
        r = by_group.get(value, {})
        rows.append((str(label), [shown(r.get(k, 0)) for k in ("yes", "a_bit", "no", "not_used")]))
    tables.append(
        Table(
            "reviews",
            _("Reviews per strategy group: did it help?"),
            [_("Helped"), _("A bit"), _("Did not help"), _("Not used")],
            rows,
        )
    )

    # Strategies chosen (first versions) per catalogue idea, in sessions of the period.
    chosen = dict(
        ClientStrategy.objects.filter(
            Q(session__trajectory__team_id__in=team_ids)
            & _in(period, "session__started_at")
            & Q(replaces__isnull=True)
        )
        .values_list("catalogue_strategy_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    names = {s.pk: s.name for s in Strategy.objects.filter(pk__in=[k for k in chosen if k])}
    rows = sorted(
        ((names.get(k, _("In the client's own words")), n) for k, n in chosen.items()),
        key=lambda r: (-r[1], str(r[0])),
    )
    tables.append(
        Table(
            "strategies",
            _("Strategies chosen"),
            [_("Chosen")],
            [(str(name), [shown(n)]) for name, n in rows],
        )
    )

    # What clients recognise most.
    effects = dict(
        RecognisedEffect.objects.filter(
            Q(session__trajectory__team_id__in=team_ids) & _in(period, "session__started_at")
        )
        .values_list("effect_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    texts = {e.pk: e.text for e in StressEffect.objects.filter(pk__in=[k for k in effects if k])}
    rows = sorted(
        ((texts.get(k, _("(in the client's own words)")), n) for k, n in effects.items()),
        key=lambda r: (-r[1], str(r[0])),
    )
    tables.append(
        Table(
            "effects",
            _("What clients recognise most"),
            [_("How many")],
            [(str(t), [shown(n)]) for t, n in rows],
        )
    )

    result = Figures(teams=[], period=period, tables=tables)
    return result


def _fmt(n: int | None) -> str:
    return "< 5" if n is None else str(n)


# --- Page and CSV -------------------------------------------------------------------------------


def page(request):
    """The team-meeting page (or its CSV) for the teams the user leads."""
    teams = list(teams_led_by(request.user))
    period = period_from(request.GET)
    with reports():  # counts only: on the read replica when there is one (tier 3)
        result = figures(team_ids=[t.pk for t in teams], period=period)
    result.teams = teams
    log_event(
        events.PSYCHOEDUCATION_TEAM_OVERVIEW,
        actor=request.user,
        client_id=None,
        object_id=",".join(str(t.pk) for t in teams),
        purpose="team meeting (counts only)",
    )
    if request.GET.get("format") == "csv":
        return csv_response(result)
    for table in result.tables:
        if table.rows:
            table.chart = bars_svg(
                rows=table.chart_rows(),
                title=f"{table.title} ({table.columns[table.chart_column]})",
                desc=_("The table beside the chart has the same figures."),
            )
    query = request.GET.copy()
    query["format"] = "csv"
    # Team-level blocks other apps register (geldrust's money overview, the letters' tallies).
    sections = team_meeting_sections(request, period)
    return render(
        request,
        "psychoeducation/team_meeting.html",
        {
            "figures": result,
            "periods": list(PERIODS.items()),
            "period": period,
            "start": request.GET.get("start", ""),
            "end": request.GET.get("end", ""),
            "csv_query": query.urlencode(),
            "sections": sections,
        },
    )


def csv_response(result: Figures) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    start = result.period.start.isoformat() if result.period.start else ""
    response["Content-Disposition"] = (
        f'attachment; filename="teamoverleg-{start or "begin"}-{result.period.end}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow([_("Table"), _("Row"), _("Column"), _("How many")])
    for table in result.tables:
        for label, values in table.rows:
            for column, value in zip(table.columns, values, strict=True):
                writer.writerow([table.title, label, column, _fmt(value)])
    return response
