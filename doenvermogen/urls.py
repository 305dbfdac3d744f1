"""Root URL configuration. Each app has its own urls.py."""

from django.contrib import admin
from django.urls import include, path

from doenvermogen.accounts import urls as accounts_urls
from doenvermogen.clientaccess import urls as clientaccess_urls
from doenvermogen.ui import views as ui_views

urlpatterns = [
    path("", ui_views.home, name="home"),
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
    path("admin-tools/", include("doenvermogen.cases.access_log_urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("django-admin/", admin.site.urls),
]
