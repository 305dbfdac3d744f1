"""What the API shows and accepts. Lengths come from the models (PostgreSQL's limits)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from doenvermogen.cases.models import Client, Consent, Involvement, Trajectory
from doenvermogen.goals.models import GoalPlan, Step
from doenvermogen.reminders.models import Appointment, Reminder


def _max(model, name: str) -> int:
    return model._meta.get_field(name).max_length


class ClientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Client
        fields = [
            "id",
            "display_name",
            "email",
            "phone",
            "preferred_channel",
            "preferred_language",
            "created_at",
            "updated_at",
        ]


class TrajectorySerializer(serializers.ModelSerializer):
    team = serializers.CharField(source="team.name", read_only=True)
    is_active = serializers.BooleanField(read_only=True)

    class Meta:
        model = Trajectory
        fields = [
            "id",
            "client",
            "team",
            "kind",
            "started_on",
            "ended_on",
            "is_active",
            "created_at",
            "updated_at",
        ]


class InvolvementSerializer(serializers.ModelSerializer):
    professional = serializers.CharField(source="professional.__str__", read_only=True)

    class Meta:
        model = Involvement
        fields = [
            "id",
            "professional",
            "role",
            "responsible_for_psychoeducation",
            "responsible_for_reviews",
            "started_on",
            "ended_on",
        ]


class ConsentSerializer(serializers.ModelSerializer):
    is_active = serializers.BooleanField(read_only=True)

    class Meta:
        model = Consent
        fields = ["id", "purpose", "trajectory", "given_at", "withdrawn_at", "is_active", "note"]


class StepSerializer(serializers.ModelSerializer):
    done = serializers.BooleanField(source="is_done", read_only=True)

    class Meta:
        model = Step
        fields = [
            "id",
            "plan",
            "order",
            "text",
            "is_learning_goal",
            "due_on",
            "if_situation",
            "then_action",
            "done",
            "done_at",
            "archived_at",
            "created_at",
            "updated_at",
        ]


class GoalPlanSerializer(serializers.ModelSerializer):
    steps = serializers.SerializerMethodField()

    class Meta:
        model = GoalPlan
        fields = ["id", "trajectory", "goal", "why", "status", "created_at", "updated_at", "steps"]

    @extend_schema_field(StepSerializer(many=True))
    def get_steps(self, plan: GoalPlan) -> list[dict]:
        steps = [s for s in plan.steps.all() if s.archived_at is None]
        return StepSerializer(steps, many=True).data


class GoalPlanCreateSerializer(serializers.Serializer):
    trajectory = serializers.IntegerField(min_value=1)
    goal = serializers.CharField(max_length=_max(GoalPlan, "goal"))
    why = serializers.CharField(max_length=_max(GoalPlan, "why"), required=False, allow_blank=True)


class StepCreateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=_max(Step, "text"))
    due_on = serializers.DateField(required=False, allow_null=True)
    is_learning_goal = serializers.BooleanField(required=False, default=False)
    if_situation = serializers.CharField(
        max_length=_max(Step, "if_situation"), required=False, allow_blank=True
    )
    then_action = serializers.CharField(
        max_length=_max(Step, "then_action"), required=False, allow_blank=True
    )


class StepUpdateSerializer(serializers.Serializer):
    done = serializers.BooleanField()


class ReminderSerializer(serializers.ModelSerializer):
    is_active = serializers.SerializerMethodField()

    class Meta:
        model = Reminder
        fields = [
            "id",
            "client",
            "trajectory",
            "subject",
            "title",
            "starts_at",
            "repeat",
            "repeat_until",
            "by_email",
            "step",
            "appointment",
            "cancelled_at",
            "is_active",
            "created_at",
            "updated_at",
        ]

    def get_is_active(self, reminder: Reminder) -> bool:
        return reminder.cancelled_at is None


class AppointmentSerializer(serializers.ModelSerializer):
    professional = serializers.CharField(source="professional.__str__", read_only=True)

    class Meta:
        model = Appointment
        fields = [
            "id",
            "trajectory",
            "professional",
            "starts_at",
            "duration_minutes",
            "place",
            "bring",
            "status",
            "move_request",
            "created_at",
            "updated_at",
        ]


class StrategySummarySerializer(serializers.Serializer):
    description = serializers.CharField()
    if_part = serializers.CharField()
    then_part = serializers.CharField()


class EffectSummarySerializer(serializers.Serializer):
    effect = serializers.CharField()
    strategies = StrategySummarySerializer(many=True)


class PsychoeducationSummarySerializer(serializers.Serializer):
    session = serializers.IntegerField()
    started_at = serializers.DateTimeField()
    shared_with_client_at = serializers.DateTimeField(allow_null=True)
    effects = EffectSummarySerializer(many=True)
