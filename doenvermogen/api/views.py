"""The REST API for case systems (/api/v1/). Thin: authorize through the same
``cases.selectors.access_*`` as the web pages, write through the same services.

Lists show what the token's service account may see (the trajectories of its teams, the same rule
as the web's "My clients") and write one access-log row per client on the page; a single object
is authorized with ``access_*`` (one row, or one ``denied`` row and 404).
"""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet
from django.utils.dateparse import parse_datetime
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from doenvermogen.api import serializers as s
from doenvermogen.audit import events
from doenvermogen.audit.events import Event
from doenvermogen.audit.models import AccessLogEntry
from doenvermogen.audit.services import access_log_origin, log_event_many
from doenvermogen.cases.models import Client, Trajectory
from doenvermogen.cases.selectors import (
    access_client,
    access_trajectory,
    access_trajectory_object,
    consent_list,
    involvement_list,
    visible_trajectories,
)
from doenvermogen.goals import services as goal_services
from doenvermogen.goals.models import GoalPlan, Step
from doenvermogen.psychoeducation.selectors import (
    chosen_effects_with_strategies,
    shared_sessions_for_client,
)
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


@extend_schema(parameters=[UPDATED_SINCE, TRAJECTORY])
class ReminderList(LoggedList):
    resource = "reminders"
    event = events.REMINDER_LIST
    client_path = "client_id"
    serializer_class = s.ReminderSerializer

    def base_queryset(self, trajectories):
        return Reminder.objects.filter(trajectory__in=trajectories)


@extend_schema(parameters=[UPDATED_SINCE, TRAJECTORY])
class AppointmentList(LoggedList):
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
