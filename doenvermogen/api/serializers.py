"""What the API shows and accepts. Lengths come from the models (PostgreSQL's limits)."""

from __future__ import annotations

import datetime

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from doenvermogen.api import schemas
from doenvermogen.cases.models import Client, Consent, Involvement, Trajectory
from doenvermogen.geldrust.models import MoneyCheck, SchemeOutcome
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


# Writes for reminders, appointments and consents ------------------------------------------------


class ReminderCreateSerializer(serializers.Serializer):
    trajectory = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    title = serializers.CharField(max_length=_max(Reminder, "title"))
    starts_at = serializers.DateTimeField(help_text="The first time; in the future.")
    repeat = serializers.ChoiceField(choices=Reminder.Repeat.choices, default="once")
    repeat_until = serializers.DateField(required=False, allow_null=True)
    by_email = serializers.BooleanField(required=False, default=True)
    subject = serializers.ChoiceField(choices=Reminder.Subject.choices, default="other")
    step = serializers.IntegerField(
        min_value=1,
        max_value=2**63 - 1,
        required=False,
        allow_null=True,
        help_text="A step of a goal plan in this trajectory (then the subject is 'step').",
    )

    def validate(self, data: dict) -> dict:
        if data["starts_at"] <= timezone.now():
            raise serializers.ValidationError(
                {"starts_at": "This moment has passed. Choose a moment in the future."}
            )
        until = data.get("repeat_until")
        if until and until < data["starts_at"].date():
            raise serializers.ValidationError(
                {"repeat_until": "This date is before the first time."}
            )
        return data


class AppointmentCreateSerializer(serializers.Serializer):
    trajectory = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    starts_at = serializers.DateTimeField(help_text="In the future.")
    duration_minutes = serializers.IntegerField(min_value=5, max_value=480, default=60)
    place = serializers.CharField(max_length=_max(Appointment, "place"))
    bring = serializers.CharField(
        max_length=2000, required=False, allow_blank=True, help_text="One thing per line."
    )
    default_reminders = serializers.BooleanField(
        required=False,
        default=True,
        help_text="Remind the client the day before and two hours before.",
    )

    def validate_starts_at(self, value):
        if value <= timezone.now():
            raise serializers.ValidationError(
                "This moment has passed. Choose a moment in the future."
            )
        return value


class AppointmentUpdateSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField(
        help_text="The new moment (in the future); its reminders move along."
    )

    def validate_starts_at(self, value):
        return AppointmentCreateSerializer.validate_starts_at(self, value)


class ConsentCreateSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=Consent.Purpose.choices)
    note = serializers.CharField(max_length=_max(Consent, "note"), required=False, allow_blank=True)


# Geldrust checks --------------------------------------------------------------------------------


class SchemeOutcomeSerializer(serializers.ModelSerializer):
    class Meta:
        model = SchemeOutcome
        fields = [
            "id",
            "scheme_code",
            "scheme_name",
            "status",
            "amount_month",
            "outcome",
            "granted_month",
            "step",
            "updated_at",
        ]


@extend_schema_field(schemas.HOUSEHOLD)
class HouseholdField(serializers.JSONField):
    """A household as docs/geldrust.md describes it; the geldrust rules check it."""


class MoneyCheckSerializer(serializers.ModelSerializer):
    municipality = serializers.CharField(source="municipality.code", default=None, read_only=True)
    household = HouseholdField(help_text="The household as it was checked.")
    result = serializers.JSONField(help_text="Every scheme, with its status and the reasons.")
    outcomes = SchemeOutcomeSerializer(many=True, read_only=True)
    updated_at = serializers.SerializerMethodField()

    class Meta:
        model = MoneyCheck
        fields = [
            "id",
            "trajectory",
            "year",
            "municipality",
            "household",
            "result",
            "total_month",
            "done_by_client",
            "created_at",
            "updated_at",
            "outcomes",
        ]

    def get_updated_at(self, check: MoneyCheck) -> datetime.datetime:
        """The newest of the check and the outcomes recorded for it."""
        moments = [check.created_at, *(o.updated_at for o in check.outcomes.all())]
        return max(moments)


class MoneyCheckCreateSerializer(serializers.Serializer):
    trajectory = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    household = HouseholdField(help_text="As for the calculation (docs/geldrust.md).")
    consent = serializers.BooleanField(
        help_text="The client agreed to keep this check in the trajectory; without it nothing "
        "is kept (use the calculation)."
    )


class MoneyCalculationSerializer(serializers.Serializer):
    household = HouseholdField(help_text="docs/geldrust.md; nothing is kept.")
