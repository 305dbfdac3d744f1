from django.urls import path

from doenvermogen.sso import views

app_name = "sso"

urlpatterns = [
    path("admin-tools/sign-in/", views.providers, name="providers"),
    path("sso/callback/", views.CallbackView.as_view(), name="callback"),
    path("sso/clients/", views.client_sign_in, name="client_sign_in"),
    path("sso/<slug:slug>/", views.StartView.as_view(), name="start"),
    path("trajectories/<int:trajectory_id>/digid/", views.digid_link, name="digid_link"),
]
