from django.contrib.auth import views as auth_views
from django.urls import path

from doenvermogen.accounts import views

app_name = "accounts"

urlpatterns = [
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
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
