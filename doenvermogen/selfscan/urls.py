from django.urls import path

from doenvermogen.selfscan import views

app_name = "selfscan"

urlpatterns = [
    path("selfscan/", views.home, name="home"),
    path("selfscan/rounds/new/", views.round_new, name="round_new"),
    path("selfscan/rounds/<int:round_id>/", views.answer, name="answer"),
    path("selfscan/rounds/<int:round_id>/results/", views.results, name="results"),
    path("selfscan/rounds/<int:round_id>/results.pdf", views.results_pdf, name="results_pdf"),
    path("selfscan/rounds/<int:round_id>/close/", views.round_close, name="round_close"),
    path("selfscan/rounds/<int:round_id>/plan/", views.plan, name="plan"),
    path(
        "selfscan/rounds/<int:round_id>/plan/<int:action_id>/done/",
        views.action_done,
        name="action_done",
    ),
    path("selfscan/organisations/<int:organisation_id>/", views.organisation, name="organisation"),
    path("selfscan/intentions/new/", views.intention_new, name="intention_new"),
    path("selfscan/my-stress/", views.checkin, name="checkin"),
    path(
        "selfscan/my-stress/<int:checkin_id>/delete/",
        views.checkin_delete,
        name="checkin_delete",
    ),
]
