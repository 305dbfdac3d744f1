from django.urls import path

from doenvermogen.cases import views

app_name = "cases"

urlpatterns = [
    path("clients/", views.my_clients, name="my_clients"),
    path("clients/new/", views.client_new, name="client_new"),
    path("trajectories/<int:trajectory_id>/", views.trajectory_detail, name="trajectory_detail"),
    path(
        "trajectories/<int:trajectory_id>/involvement/",
        views.involvement_set,
        name="involvement_set",
    ),
    path("trajectories/<int:trajectory_id>/consents/", views.consent_record, name="consent_record"),
    path(
        "trajectories/<int:trajectory_id>/consents/<int:consent_id>/withdraw/",
        views.consent_withdraw,
        name="consent_withdraw",
    ),
    path("me/", views.my_page, name="my_page"),
    path("me/who-looked/", views.my_access_history, name="my_access_history"),
]
