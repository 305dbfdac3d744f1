"""The REST API for case systems (/api/v1/). Thin: authorize through the same
``cases.selectors.access_*`` as the web pages, write through the same services.

Lists show what the token's service account may see (the trajectories of its teams, the same rule
as the web's "My clients") and write one access-log row per client on the page; a single object
is authorized with ``access_*`` (one row, or one ``denied`` row and 404).
"""

from __future__ import annotations

import datetime

from django.db.models import Max, Prefetch, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from doenvermogen.api import schemas
from doenvermogen.api import serializers as s
from doenvermogen.audit import events
from doenvermogen.audit.events import Event
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import access_log_origin, log_denied, log_event_many
from doenvermogen.cases import services as case_services
from doenvermogen.cases.models import Client, Consent, Trajectory
from doenvermogen.cases.selectors import (
    access_client,
    access_trajectory,
    access_trajectory_object,
    consent_list,
    involvement_list,
    visible_trajectories,
)
from doenvermogen.core.idempotency import IdempotencyConflict
from doenvermogen.geldrust import services as geldrust_services
from doenvermogen.geldrust.models import MoneyCheck
from doenvermogen.geldrust.rules import HouseholdError
from doenvermogen.goals import services as goal_services
from doenvermogen.goals.models import GoalPlan, Step
from doenvermogen.psychoeducation.selectors import (
    chosen_effects_with_strategies,
    shared_sessions_for_client,
)
from doenvermogen.reminders import services as reminder_services
from doenvermogen.reminders.models import Appointment, Reminder

UPDATED_SINCE = OpenApiParameter(
    "updated_since",
    OpenApiTypes.DATETIME,
    description="Only what changed at or after this moment (ISO 8601), for synchronisation.",
)
TRAJECTORY = OpenApiParameter("trajectory", OpenApiTypes.INT, description="One trajectory.")
IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    description="Send the same key again and you get the first result instead of a second one.",
)


def _updated_since(request: Request) -> datetime.datetime | None:
    raw = request.query_params.get("updated_since")
    if not raw:
        return None
    try:
        value = parse_datetime(raw)
    except ValueError:
        value = None
    if value is None:
        raise ValidationError({"updated_since": "Use ISO 8601, e.g. 2026-11-30T12:00:00Z."})
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    try:
        # In UTC: PostgreSQL refuses offsets beyond ±15:59 that ISO 8601 allows.
        return value.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        raise ValidationError(
            {"updated_since": "Use ISO 8601, e.g. 2026-11-30T12:00:00Z."}
        ) from None


def _int_param(request: Request, name: str) -> int | None:
    raw = request.query_params.get(name)
    if raw in (None, ""):
        return None
    try:
        value = int(raw)
    except ValueError:
        raise ValidationError({name: "A whole number."}) from None
    if not 0 < value < 2**63:
        raise ValidationError({name: "A whole number above 0."})
    return value


def _form_key(request: Request) -> str:
    return (request.headers.get("Idempotency-Key") or "")[:64]


class ApiOriginMixin:
    """Access-log rows written while answering an API request say so (origin ``api``)."""

    def dispatch(self, request, *args, **kwargs):
        with access_log_origin(AccessLogEntry.Origin.API):
            return super().dispatch(request, *args, **kwargs)

    def handle_exception(self, exc):
        if isinstance(exc, IdempotencyConflict):
            return Response(
                {"detail": "This Idempotency-Key was used for something else. Use a new one."},
                status=status.HTTP_409_CONFLICT,
            )
        return super().handle_exception(exc)


class LoggedList(ApiOriginMixin, generics.ListAPIView):
    """A list of client data: filtered, paginated, one log row per client on the page."""

    resource: str
    event: Event
    client_path: str  # from the object to the client id, e.g. "trajectory.client_id"
    model: type

    def base_queryset(self, trajectories: QuerySet[Trajectory]) -> QuerySet:
        raise NotImplementedError

    def get_queryset(self) -> QuerySet:
        trajectories = visible_trajectories(self.request.user)
        trajectory_id = _int_param(self.request, "trajectory")
        if trajectory_id is not None:
            trajectories = trajectories.filter(pk=trajectory_id)
        qs = self.base_queryset(trajectories)
        since = _updated_since(self.request)
        if since is not None:
            qs = qs.filter(updated_at__gte=since)
        return qs.order_by("updated_at", "pk")

    def list(self, request: Request, *args, **kwargs) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        client_ids = []
        for obj in page:
            value = obj
            for part in self.client_path.split("."):
                value = getattr(value, part)
            client_ids.append(value)
        log_event_many(self.event, actor=request.user, client_ids=client_ids, purpose="api")
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


@extend_schema(parameters=[UPDATED_SINCE, TRAJECTORY])
class ClientList(LoggedList):
    resource = "clients"
    event = events.CLIENT_LIST
    client_path = "pk"
    serializer_class = s.ClientSerializer

    def base_queryset(self, trajectories):
        return Client.objects.filter(pk__in=trajectories.values("client_id"))


class ClientDetail(ApiOriginMixin, generics.GenericAPIView):
    resource = "clients"
    serializer_class = s.ClientSerializer

    def get(self, request: Request, pk: int, **kwargs) -> Response:
        ctx = access_client(user=request.user, client_id=pk, event=events.CLIENT_VIEW)
        return Response(self.get_serializer(ctx.client).data)


@extend_schema(parameters=[UPDATED_SINCE, TRAJECTORY])
class TrajectoryList(LoggedList):
    resource = "trajectories"
    event = events.TRAJECTORY_VIEW
    client_path = "client_id"
    serializer_class = s.TrajectorySerializer

    def base_queryset(self, trajectories):
        return trajectories.select_related("team")


class TrajectoryDetail(ApiOriginMixin, generics.GenericAPIView):
    resource = "trajectories"
    serializer_class = s.TrajectorySerializer

    def get(self, request: Request, pk: int, **kwargs) -> Response:
        ctx = access_trajectory(user=request.user, trajectory_id=pk, event=events.TRAJECTORY_VIEW)
        return Response(self.get_serializer(ctx.trajectory).data)


class InvolvementList(ApiOriginMixin, generics.GenericAPIView):
    resource = "involvements"
    serializer_class = s.InvolvementSerializer
    pagination_class = None

    @extend_schema(responses=s.InvolvementSerializer(many=True))
    def get(self, request: Request, pk: int, **kwargs) -> Response:
        ctx = access_trajectory(user=request.user, trajectory_id=pk, event=events.TRAJECTORY_VIEW)
        return Response(self.get_serializer(involvement_list(ctx), many=True).data)


class ConsentList(ApiOriginMixin, generics.GenericAPIView):
    resource = "consents"
    serializer_class = s.ConsentSerializer
    pagination_class = None

    @extend_schema(responses=s.ConsentSerializer(many=True))
    def get(self, request: Request, pk: int, **kwargs) -> Response:
        ctx = access_trajectory(user=request.user, trajectory_id=pk, event=events.TRAJECTORY_VIEW)
        return Response(self.get_serializer(consent_list(ctx), many=True).data)

    @extend_schema(
        request=s.ConsentCreateSerializer,
        responses={201: s.ConsentSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
    def post(self, request: Request, pk: int, **kwargs) -> Response:
        """Record that the client gave consent (an active one for the same purpose is kept)."""
        data = s.ConsentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ctx = access_trajectory(user=request.user, trajectory_id=pk, event=events.CONSENT_CREATE)
        consent = case_services.consent_record(
            client=ctx.client,
            author=request.user,
            purpose=data.validated_data["purpose"],
            trajectory=ctx.trajectory,
            note=data.validated_data.get("note", ""),
            idempotency_key=_form_key(request),
        )
        return Response(s.ConsentSerializer(consent).data, status=status.HTTP_201_CREATED)


class PsychoeducationSummary(ApiOriginMixin, generics.GenericAPIView):
    """The psycho-education the client has on their page: chosen effects and strategies."""

    resource = "psychoeducation"
    serializer_class = s.PsychoeducationSummarySerializer
    pagination_class = None

    @extend_schema(responses=s.PsychoeducationSummarySerializer(many=True))
    def get(self, request: Request, pk: int, **kwargs) -> Response:
        ctx = access_trajectory(
            user=request.user, trajectory_id=pk, event=events.PSYCHOEDUCATION_VIEW
        )
        sessions = [
            session
            for session in shared_sessions_for_client(ctx)
            if session.trajectory_id == ctx.trajectory.pk
        ]
        data = [
            {
                "session": session.pk,
                "started_at": session.started_at,
                "shared_with_client_at": session.shared_with_client_at,
                "effects": [
                    {
                        "effect": item.effect.label,
                        "strategies": [
                            {
                                "description": st.description,
                                "if_part": st.if_part,
                                "then_part": st.then_part,
                            }
                            for st in item.strategies
                        ],
                    }
                    for item in chosen_effects_with_strategies(session)
                ],
            }
            for session in sessions
        ]
        return Response(self.get_serializer(data, many=True).data)


def _plans() -> QuerySet[GoalPlan]:
    return GoalPlan.objects.prefetch_related(
        Prefetch("steps", queryset=Step.objects.order_by("order", "pk"))
    )


@extend_schema(parameters=[UPDATED_SINCE, TRAJECTORY])
class GoalPlanList(LoggedList):
    resource = "goals"
    event = events.GOAL_PLAN_VIEW
    client_path = "trajectory.client_id"
    serializer_class = s.GoalPlanSerializer

    def base_queryset(self, trajectories):
        return _plans().select_related("trajectory").filter(trajectory__in=trajectories)

    @extend_schema(
        request=s.GoalPlanCreateSerializer,
        responses={201: s.GoalPlanSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
    def post(self, request: Request, **kwargs) -> Response:
        data = s.GoalPlanCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        ctx = access_trajectory(
            user=request.user,
            trajectory_id=data.validated_data["trajectory"],
            event=events.GOAL_PLAN_CREATE,
        )
        plan = goal_services.goal_plan_create(
            trajectory=ctx.trajectory,
            author=request.user,
            goal=data.validated_data["goal"],
            why=data.validated_data.get("why", ""),
            idempotency_key=_form_key(request),
        )
        plan = _plans().get(pk=plan.pk)
        return Response(s.GoalPlanSerializer(plan).data, status=status.HTTP_201_CREATED)


class GoalPlanDetail(ApiOriginMixin, generics.GenericAPIView):
    resource = "goals"
    serializer_class = s.GoalPlanSerializer

    def get(self, request: Request, pk: int, **kwargs) -> Response:
        _ctx, plan = access_trajectory_object(
            user=request.user, queryset=_plans(), pk=pk, event=events.GOAL_PLAN_VIEW
        )
        return Response(self.get_serializer(plan).data)


class StepCreate(ApiOriginMixin, generics.GenericAPIView):
    resource = "goals"
    serializer_class = s.StepSerializer

    @extend_schema(
        request=s.StepCreateSerializer,
        responses={201: s.StepSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
    def post(self, request: Request, pk: int, **kwargs) -> Response:
        data = s.StepCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _ctx, plan = access_trajectory_object(
            user=request.user,
            queryset=GoalPlan.objects.all(),
            pk=pk,
            event=events.GOAL_STEP_CREATE,
        )
        step = goal_services.step_add(
            plan=plan,
            author=request.user,
            idempotency_key=_form_key(request),
            **data.validated_data,
        )
        return Response(s.StepSerializer(step).data, status=status.HTTP_201_CREATED)


@extend_schema(parameters=[UPDATED_SINCE, TRAJECTORY])
class StepList(LoggedList):
    resource = "goals"
    event = events.GOAL_PLAN_VIEW
    client_path = "plan.trajectory.client_id"
    serializer_class = s.StepSerializer

    def base_queryset(self, trajectories):
        return Step.objects.select_related("plan__trajectory").filter(
            plan__trajectory__in=trajectories
        )


class StepDetail(ApiOriginMixin, generics.GenericAPIView):
    resource = "goals"
    serializer_class = s.StepSerializer

    @extend_schema(request=s.StepUpdateSerializer, responses=s.StepSerializer)
    def patch(self, request: Request, pk: int, **kwargs) -> Response:
        data = s.StepUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _ctx, step = access_trajectory_object(
            user=request.user,
            queryset=Step.objects.all(),
            pk=pk,
            event=events.GOAL_STEP_DONE,
            trajectory_path="plan__trajectory",
        )
        step = goal_services.step_set_done(
            step=step, author=request.user, done=data.validated_data["done"]
        )
        return Response(self.get_serializer(step).data)


class ReminderCreate:
    """Mixed into the reminder list: ``POST`` makes a reminder (its e-mails are scheduled)."""

    @extend_schema(
        request=s.ReminderCreateSerializer,
        responses={201: s.ReminderSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
    def post(self, request: Request, **kwargs) -> Response:
        data = s.ReminderCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        ctx = access_trajectory(
            user=request.user, trajectory_id=d["trajectory"], event=events.REMINDER_CREATE
        )
        step = None
        if d.get("step"):
            step = Step.objects.filter(pk=d["step"], plan__trajectory=ctx.trajectory).first()
            if step is None:
                raise ValidationError({"step": "No step with this id in this trajectory."})
        reminder = reminder_services.reminder_create(
            trajectory=ctx.trajectory,
            author=request.user,
            title=d["title"],
            starts_at=d["starts_at"],
            repeat=d["repeat"],
            repeat_until=d.get("repeat_until"),
            by_email=d["by_email"],
            subject=Reminder.Subject.STEP if step else d["subject"],
            step=step,
            idempotency_key=_form_key(request),
        )
        return Response(s.ReminderSerializer(reminder).data, status=status.HTTP_201_CREATED)


class AppointmentCreate:
    """Mixed into the appointment list: ``POST`` makes an appointment with its reminders."""

    @extend_schema(
        request=s.AppointmentCreateSerializer,
        responses={201: s.AppointmentSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
    def post(self, request: Request, **kwargs) -> Response:
        data = s.AppointmentCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        ctx = access_trajectory(
            user=request.user, trajectory_id=d["trajectory"], event=events.APPOINTMENT_CREATE
        )
        appointment = reminder_services.appointment_create(
            trajectory=ctx.trajectory,
            author=request.user,
            starts_at=d["starts_at"],
            place=d["place"],
            bring=d.get("bring", ""),
            duration_minutes=d["duration_minutes"],
            default_reminders=d["default_reminders"],
            idempotency_key=_form_key(request),
        )
        return Response(s.AppointmentSerializer(appointment).data, status=status.HTTP_201_CREATED)


@extend_schema(parameters=[UPDATED_SINCE, TRAJECTORY])
class ReminderList(ReminderCreate, LoggedList):
    resource = "reminders"
    event = events.REMINDER_LIST
    client_path = "client_id"
    serializer_class = s.ReminderSerializer

    def base_queryset(self, trajectories):
        return Reminder.objects.filter(trajectory__in=trajectories)


@extend_schema(parameters=[UPDATED_SINCE, TRAJECTORY])
class AppointmentList(AppointmentCreate, LoggedList):
    resource = "appointments"
    event = events.APPOINTMENT_VIEW
    client_path = "trajectory.client_id"
    serializer_class = s.AppointmentSerializer

    def base_queryset(self, trajectories):
        return Appointment.objects.select_related("trajectory", "professional").filter(
            trajectory__in=trajectories
        )


class AppointmentDetail(ApiOriginMixin, generics.GenericAPIView):
    resource = "appointments"
    serializer_class = s.AppointmentSerializer

    def get(self, request: Request, pk: int, **kwargs) -> Response:
        _ctx, appointment = access_trajectory_object(
            user=request.user,
            queryset=Appointment.objects.select_related("professional"),
            pk=pk,
            event=events.APPOINTMENT_VIEW,
        )
        return Response(self.get_serializer(appointment).data)

    @extend_schema(request=s.AppointmentUpdateSerializer, responses=s.AppointmentSerializer)
    def patch(self, request: Request, pk: int, **kwargs) -> Response:
        """Move the appointment; its reminders move along (as on the web)."""
        data = s.AppointmentUpdateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        _ctx, appointment = access_trajectory_object(
            user=request.user,
            queryset=Appointment.objects.select_related("professional"),
            pk=pk,
            event=events.APPOINTMENT_UPDATE,
        )
        if appointment.status == Appointment.Status.CANCELLED:
            raise ValidationError({"starts_at": "This appointment is cancelled."})
        appointment = reminder_services.appointment_move(
            appointment=appointment, author=request.user, starts_at=data.validated_data["starts_at"]
        )
        return Response(self.get_serializer(appointment).data)


# Reminders and appointments: writes through the reminders app's services -------------------------


class ReminderDetail(ApiOriginMixin, generics.GenericAPIView):
    resource = "reminders"
    serializer_class = s.ReminderSerializer

    def get(self, request: Request, pk: int, **kwargs) -> Response:
        _ctx, reminder = access_trajectory_object(
            user=request.user, queryset=Reminder.objects.all(), pk=pk, event=events.REMINDER_LIST
        )
        return Response(self.get_serializer(reminder).data)


class ReminderCancel(ApiOriginMixin, generics.GenericAPIView):
    """Stop a reminder: no more e-mails (what was sent stays in the log)."""

    resource = "reminders"
    serializer_class = s.ReminderSerializer

    @extend_schema(request=None, responses=s.ReminderSerializer)
    def post(self, request: Request, pk: int, **kwargs) -> Response:
        _ctx, reminder = access_trajectory_object(
            user=request.user, queryset=Reminder.objects.all(), pk=pk, event=events.REMINDER_STOP
        )
        reminder = reminder_services.reminder_cancel(reminder=reminder, author=request.user)
        return Response(self.get_serializer(reminder).data)


class AppointmentCancel(ApiOriginMixin, generics.GenericAPIView):
    """Cancel an appointment; its reminders stop."""

    resource = "appointments"
    serializer_class = s.AppointmentSerializer

    @extend_schema(request=None, responses=s.AppointmentSerializer)
    def post(self, request: Request, pk: int, **kwargs) -> Response:
        _ctx, appointment = access_trajectory_object(
            user=request.user,
            queryset=Appointment.objects.select_related("professional"),
            pk=pk,
            event=events.APPOINTMENT_CANCEL,
        )
        appointment = reminder_services.appointment_cancel(
            appointment=appointment, author=request.user
        )
        return Response(self.get_serializer(appointment).data)


# Consents ----------------------------------------------------------------------------------------


class ConsentWithdraw(ApiOriginMixin, generics.GenericAPIView):
    """The client withdrew a consent (recorded by the professional, as on the web)."""

    resource = "consents"
    serializer_class = s.ConsentSerializer

    @extend_schema(request=None, responses=s.ConsentSerializer)
    def post(self, request: Request, pk: int, **kwargs) -> Response:
        consent = (
            Consent.objects.filter(pk=_positive(pk)).only("client_id", "trajectory_id").first()
        )
        trajectory_id = _consent_trajectory_id(request, consent)
        if consent is not None and not trajectory_id:
            log_denied(
                events.CONSENT_WITHDRAW,
                actor=request.user,
                client_id=consent.client_id,
                object_id=pk,
            )
            raise Http404
        ctx = access_trajectory(
            user=request.user, trajectory_id=trajectory_id, event=events.CONSENT_WITHDRAW
        )
        consent = ctx.load(Consent.objects.all(), pk, client_path="client")
        consent = case_services.consent_withdraw(consent=consent, author=request.user)
        return Response(self.get_serializer(consent).data)


def _positive(pk: object) -> int:
    try:
        number = int(pk)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return 0
    return number if 0 < number < 2**63 else 0


def _consent_trajectory_id(request: Request, consent: Consent | None) -> int:
    """The consent's trajectory, or (a consent for the client as a whole) a trajectory of its
    client this token may see; 0 when there is none."""
    if consent is None:
        return 0
    if consent.trajectory_id:
        return consent.trajectory_id
    trajectory = (
        visible_trajectories(request.user)
        .filter(client_id=consent.client_id)
        .order_by("pk")
        .first()
    )
    return trajectory.pk if trajectory else 0


# Geldrust checks ----------------------------------------------------------------------------------


def _money_checks() -> QuerySet[MoneyCheck]:
    return MoneyCheck.objects.select_related("municipality").prefetch_related("outcomes")


@extend_schema(parameters=[UPDATED_SINCE, TRAJECTORY])
class MoneyCheckList(LoggedList):
    """Kept money checks; a check changes when what came of one of its schemes is recorded."""

    resource = "geldrust"
    event = events.MONEY_CHECK_VIEW
    client_path = "trajectory.client_id"
    serializer_class = s.MoneyCheckSerializer

    def base_queryset(self, trajectories):
        return (
            _money_checks()
            .select_related("trajectory")
            .filter(trajectory__in=trajectories)
            .annotate(
                updated_at=Greatest(
                    "created_at", Coalesce(Max("outcomes__updated_at"), "created_at")
                )
            )
        )

    @extend_schema(
        request=s.MoneyCheckCreateSerializer,
        responses={201: s.MoneyCheckSerializer},
        parameters=[IDEMPOTENCY_KEY],
    )
    def post(self, request: Request, **kwargs) -> Response:
        data = s.MoneyCheckCreateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        if not d["consent"]:
            raise ValidationError(
                {
                    "consent": "A check is kept only with the client's consent (use /money-checks/"
                    "calculate/ to check without keeping)."
                }
            )
        ctx = access_trajectory(
            user=request.user, trajectory_id=d["trajectory"], event=events.MONEY_CHECK_CREATE
        )
        try:
            check = geldrust_services.money_check_create(
                trajectory=ctx.trajectory,
                author=request.user,
                household=d["household"],
                consent=True,
                idempotency_key=_form_key(request),
            )
        except HouseholdError as error:
            raise ValidationError({"household": error.messages}) from None
        ctx.log(events.MONEY_CHECK_CREATE, check)  # as the web's check does after keeping it
        check = _money_checks().get(pk=check.pk)
        return Response(s.MoneyCheckSerializer(check).data, status=status.HTTP_201_CREATED)


class MoneyCheckDetail(ApiOriginMixin, generics.GenericAPIView):
    resource = "geldrust"
    serializer_class = s.MoneyCheckSerializer

    def get(self, request: Request, pk: int, **kwargs) -> Response:
        _ctx, check = access_trajectory_object(
            user=request.user, queryset=_money_checks(), pk=pk, event=events.MONEY_CHECK_VIEW
        )
        return Response(self.get_serializer(check).data)


class MoneyCalculation(ApiOriginMixin, generics.GenericAPIView):
    """The check without a client: which schemes a household may be missing. Nothing is kept
    and nothing is logged (no client); the ``geldrust:read`` scope is enough."""

    resource = "geldrust"
    scope_mode = "read"
    serializer_class = s.MoneyCalculationSerializer

    @extend_schema(
        request=s.MoneyCalculationSerializer,
        responses={200: OpenApiResponse(response=schemas.MONEY_RESULT)},
    )
    def post(self, request: Request, **kwargs) -> Response:
        data = s.MoneyCalculationSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            result = geldrust_services.money_check_run(household=data.validated_data["household"])
        except HouseholdError as error:
            raise ValidationError({"household": error.messages}) from None
        return Response(result.as_dict())
