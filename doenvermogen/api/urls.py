"""/api/v1/…: the API for case systems, and its OpenAPI 3 description at /api/v1/schema/."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import AllowAny

from doenvermogen.api import views
from doenvermogen.letters.api import LetterCheckView

app_name = "api"


class SchemaView(SpectacularAPIView):
    permission_classes = [AllowAny]
    authentication_classes = []


urlpatterns = [
    path("<str:version>/schema/", SchemaView.as_view(), name="schema"),
    path("<str:version>/clients/", views.ClientList.as_view(), name="client_list"),
    path("<str:version>/clients/<int:pk>/", views.ClientDetail.as_view(), name="client_detail"),
    path("<str:version>/trajectories/", views.TrajectoryList.as_view(), name="trajectory_list"),
    path(
        "<str:version>/trajectories/<int:pk>/",
        views.TrajectoryDetail.as_view(),
        name="trajectory_detail",
    ),
    path(
        "<str:version>/trajectories/<int:pk>/involvements/",
        views.InvolvementList.as_view(),
        name="involvement_list",
    ),
    path(
        "<str:version>/trajectories/<int:pk>/consents/",
        views.ConsentList.as_view(),
        name="consent_list",
    ),
    path(
        "<str:version>/trajectories/<int:pk>/psychoeducation/",
        views.PsychoeducationSummary.as_view(),
        name="psychoeducation_summary",
    ),
    path("<str:version>/goal-plans/", views.GoalPlanList.as_view(), name="goal_plan_list"),
    path(
        "<str:version>/goal-plans/<int:pk>/",
        views.GoalPlanDetail.as_view(),
        name="goal_plan_detail",
    ),
    path(
        "<str:version>/goal-plans/<int:pk>/steps/",
        views.StepCreate.as_view(),
        name="step_create",
    ),
    path("<str:version>/steps/", views.StepList.as_view(), name="step_list"),
    path("<str:version>/steps/<int:pk>/", views.StepDetail.as_view(), name="step_detail"),
    path("<str:version>/reminders/", views.ReminderList.as_view(), name="reminder_list"),
    path(
        "<str:version>/reminders/<int:pk>/", views.ReminderDetail.as_view(), name="reminder_detail"
    ),
    path(
        "<str:version>/reminders/<int:pk>/cancel/",
        views.ReminderCancel.as_view(),
        name="reminder_cancel",
    ),
    path("<str:version>/appointments/", views.AppointmentList.as_view(), name="appointment_list"),
    path(
        "<str:version>/appointments/<int:pk>/",
        views.AppointmentDetail.as_view(),
        name="appointment_detail",
    ),
    path(
        "<str:version>/appointments/<int:pk>/cancel/",
        views.AppointmentCancel.as_view(),
        name="appointment_cancel",
    ),
    path(
        "<str:version>/consents/<int:pk>/withdraw/",
        views.ConsentWithdraw.as_view(),
        name="consent_withdraw",
    ),
    path("<str:version>/money-checks/", views.MoneyCheckList.as_view(), name="money_check_list"),
    path(
        "<str:version>/money-checks/calculate/",
        views.MoneyCalculation.as_view(),
        name="money_calculation",
    ),
    path(
        "<str:version>/money-checks/<int:pk>/",
        views.MoneyCheckDetail.as_view(),
        name="money_check_detail",
    ),
    path("<str:version>/letters/checks/", LetterCheckView.as_view(), name="letter_check"),
]
