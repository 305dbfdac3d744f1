from django.contrib.auth import views as auth_views
from django.urls import path

from doenvermogen.accounts import views

# No app_name: the root URLconf puts these and clientaccess's patterns in the "accounts" namespace.
urlpatterns = [
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
