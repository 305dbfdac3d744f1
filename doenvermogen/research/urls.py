from django.urls import path

from doenvermogen.research import views

app_name = "research"

urlpatterns = [
    path("research/", views.home, name="home"),
    path("research/studies/<int:study_id>/", views.study, name="study"),
    path("research/studies/<int:study_id>/export/", views.export, name="export"),
    path("trajectories/<int:trajectory_id>/research/enrol/", views.enrol, name="enrol"),
    path(
        "trajectories/<int:trajectory_id>/research/<int:participant_id>/open-post/",
        views.open_post,
        name="open_post",
    ),
    path(
        "trajectories/<int:trajectory_id>/research/<int:participant_id>/<int:instrument_id>/<str:moment>/",
        views.measurement_professional,
        name="measurement_professional",
    ),
    path(
        "me/research/<int:participant_id>/<int:instrument_id>/<str:moment>/",
        views.measurement_client,
        name="measurement_client",
    ),
]
