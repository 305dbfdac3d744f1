from django.urls import path

from doenvermogen.geldrust import api, views

app_name = "geldrust"

urlpatterns = [
    path("check/", views.check_anonymous, name="check"),
    path("check/print/", views.check_print_anonymous, name="check_print_anonymous"),
    path(
        "trajectories/<int:trajectory_id>/check/", views.check_trajectory, name="check_trajectory"
    ),
    path("checks/<int:check_id>/", views.check_detail, name="check_detail"),
    path("checks/<int:check_id>/print/", views.check_print, name="check_print"),
    path("my/check/", views.check_own, name="check_own"),
    path("my/checks/<int:check_id>/", views.my_check, name="my_check"),
    path("my/checks/<int:check_id>/print/", views.my_check_print, name="my_check_print"),
    path("outcomes/<int:outcome_id>/step/", views.outcome_step, name="outcome_step"),
    path("outcomes/<int:outcome_id>/outcome/", views.outcome_record, name="outcome_record"),
    path("screening/", views.screening, name="screening"),
    path("team/", views.team_view, name="team"),
    path("api/check", api.api_check, name="api_check"),
    path("api/openapi.json", api.api_openapi, name="api_openapi"),
]
