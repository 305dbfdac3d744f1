"""Personal-link URLs. They keep their names in the "accounts" namespace (``accounts:client_link``
and so on; see the root URLconf), as before the links moved out of accounts."""

from django.urls import path

from doenvermogen.clientaccess import views

urlpatterns = [
    path("l/<str:token>/", views.client_link, name="client_link"),
    path("m/<str:token>/", views.client_email_link, name="client_email_link"),
    path(
        "trajectories/<int:trajectory_id>/links/",
        views.client_link_create,
        name="client_link_create",
    ),
    path(
        "trajectories/<int:trajectory_id>/links/<int:link_id>/",
        views.client_link_show,
        name="client_link_show",
    ),
    path(
        "trajectories/<int:trajectory_id>/links/<int:link_id>/revoke/",
        views.client_link_revoke,
        name="client_link_revoke",
    ),
]
