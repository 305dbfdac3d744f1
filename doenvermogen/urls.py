"""Root URL configuration. Each app has its own urls.py."""

from django.contrib import admin
from django.urls import include, path

from doenvermogen.accounts import urls as accounts_urls
from doenvermogen.clientaccess import urls as clientaccess_urls
from doenvermogen.sso import views as sso_views
from doenvermogen.ui import views as ui_views

urlpatterns = [
    path("", ui_views.home, name="home"),
    # Sign out here and at the identity provider (before accounts' plain logout).
    path("accounts/logout/", sso_views.logout, name="logout_sso"),
    path("", include("doenvermogen.ui.urls")),
    # Staff sign-in (accounts) and clients' personal links (clientaccess) share one namespace.
    path("", include((accounts_urls.urlpatterns + clientaccess_urls.urlpatterns, "accounts"))),
    path("", include("doenvermogen.cases.urls")),
    path("", include("doenvermogen.psychoeducation.urls")),
    path("", include("doenvermogen.goals.urls")),
    path("", include("doenvermogen.reminders.urls")),
    path("letters/", include("doenvermogen.letters.urls")),
    path("", include("doenvermogen.knowledge.urls")),
    path("rooms/", include("doenvermogen.rooms.urls")),
    path("", include("doenvermogen.selfscan.urls")),
    path("", include("doenvermogen.research.urls")),
    path("admin-tools/", include("doenvermogen.cases.access_log_urls")),
    path("", include("doenvermogen.sso.urls")),
    path("", include("doenvermogen.privacy.urls")),
    path("api/", include("doenvermogen.api.urls")),
    path("geldrust/", include("doenvermogen.geldrust.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
]
