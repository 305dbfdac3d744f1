"""Root URL configuration. Each app has its own urls.py."""

from django.contrib import admin
from django.urls import include, path

from doenvermogen.sso import views as sso_views
from doenvermogen.ui import views as ui_views

urlpatterns = [
    path("", ui_views.home, name="home"),
    # Sign out here and at the identity provider (before accounts' plain logout).
    path("accounts/logout/", sso_views.logout, name="logout_sso"),
    path("", include("doenvermogen.ui.urls")),
    path("", include("doenvermogen.accounts.urls")),
    path("", include("doenvermogen.cases.urls")),
    path("", include("doenvermogen.psychoeducation.urls")),
    path("", include("doenvermogen.goals.urls")),
    path("", include("doenvermogen.reminders.urls")),
    path("letters/", include("doenvermogen.letters.urls")),
    path("admin-tools/", include("doenvermogen.audit.urls")),
    path("", include("doenvermogen.sso.urls")),
    path("", include("doenvermogen.privacy.urls")),
    path("api/", include("doenvermogen.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
]
